// How a chapter prints a Double: as numpy prints a float64 (Python's repr), not as Swift does.
// Swift writes a nan with its sign bit set (the one x86 makes of 0/0) as `-nan` and switches to
// exponents at 2^53 (`9.5e+15`); numpy writes `nan` and keeps positional notation below 1e16
// (`9500000000000000.0`). Both write the shortest digits that read back as the value, so only
// the layout changes.

/// `x` as Python's `repr` and numpy's `str(np.float64(x))` write it: the shortest digits,
/// positional for exponents -4 to 15 (`0.0001`, `123.0`), scientific outside (`1e-05`,
/// `1.5e+16`), `nan`, `inf` and `-inf`. It rearranges the ASCII bytes of Swift's description
/// rather than its characters, which keeps the browser build free of text segmentation here.
public func pythonDescription(_ x: Double) -> String {
  guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
  let zero = UInt8(ascii: "0")
  var digits = Array(x.description.utf8)
  let negative = digits.first == UInt8(ascii: "-")
  if negative { digits.removeFirst() }
  var exponent = 0
  if let e = digits.firstIndex(of: UInt8(ascii: "e")) {
    for byte in digits[(e + 1)...] where byte != UInt8(ascii: "-") && byte != UInt8(ascii: "+") {
      exponent = exponent * 10 + Int(byte - zero)
    }
    if digits[e + 1] == UInt8(ascii: "-") { exponent = -exponent }
    digits.removeSubrange(e...)
  }
  var point = digits.count + exponent
  if let dot = digits.firstIndex(of: UInt8(ascii: ".")) {
    point = dot + exponent
    digits.remove(at: dot)
  }
  while digits.first == zero && digits.count > 1 {
    digits.removeFirst()
    point -= 1
  }
  while digits.last == zero && digits.count > 1 { digits.removeLast() }
  if digits == [zero] { point = 1 }
  exponent = point - 1
  func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
  let sign = negative ? "-" : ""
  if exponent >= -4 && exponent < 16 {
    if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + text(digits[...]) }
    if point >= digits.count {
      return sign + text(digits[...]) + String(repeating: "0", count: point - digits.count) + ".0"
    }
    return sign + text(digits[..<point]) + "." + text(digits[point...])
  }
  let fraction = digits.count > 1 ? "." + text(digits[1...]) : ""
  let magnitude = String(Swift.abs(exponent))
  return sign + text(digits[..<1]) + fraction + "e" + (exponent < 0 ? "-" : "+")
    + (magnitude.count < 2 ? "0" : "") + magnitude
}

extension DefaultStringInterpolation {
  /// `"\(x)"` for a Double in a chapter: numpy's text (see ``pythonDescription(_:)``).
  public mutating func appendInterpolation(_ value: Double) {
    appendLiteral(pythonDescription(value))
  }
}

#if !hasFeature(Embedded)
  /// `print` for chapter programs: Swift's, except that a Double argument is written as numpy
  /// writes it (see ``pythonDescription(_:)``). (The browser build's `print` overloads in
  /// `Print+Embedded.swift` do the same.)
  public func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { item in
      if let value = item as? Double { return pythonDescription(value) }
      return String(describing: item)
    }
    Swift.print(text.joined(separator: separator), terminator: terminator)
  }
#endif
