// How a chapter prints a Double: as numpy prints a float64 (Python's repr), not as Swift does.
// Swift writes a nan with its sign bit set (the one x86 makes of 0/0) as `-nan` and switches to
// exponents at 2^53 (`9.5e+15`); numpy writes `nan` and keeps positional notation below 1e16
// (`9500000000000000.0`). Both write the shortest digits that read back as the value, so only
// the layout changes.

/// `x` as Python's `repr` and numpy's `str(np.float64(x))` write it: the shortest digits,
/// positional for exponents -4 to 15 (`0.0001`, `123.0`), scientific outside (`1e-05`,
/// `1.5e+16`), `nan`, `inf` and `-inf`.
public func pythonDescription(_ x: Double) -> String {
  guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
  let swift = x.description
  let negative = swift.hasPrefix("-")
  let unsigned = negative ? String(swift.dropFirst()) : swift
  let parts = unsigned.split(separator: "e", maxSplits: 1)
  var exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
  let mantissa = parts[0].split(separator: ".", maxSplits: 1)
  var digits = Array(mantissa[0] + (mantissa.count == 2 ? mantissa[1] : ""))
  var point = mantissa[0].count + exponent
  while digits.first == "0" && digits.count > 1 {
    digits.removeFirst()
    point -= 1
  }
  while digits.last == "0" && digits.count > 1 { digits.removeLast() }
  if digits == ["0"] { point = 1 }
  exponent = point - 1
  let sign = negative ? "-" : ""
  if exponent >= -4 && exponent < 16 {
    if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + String(digits) }
    if point >= digits.count {
      return sign + String(digits) + String(repeating: "0", count: point - digits.count) + ".0"
    }
    return sign + String(digits[..<point]) + "." + String(digits[point...])
  }
  let fraction = digits.count > 1 ? "." + String(digits[1...]) : ""
  let magnitude = String(Swift.abs(exponent))
  return sign + String(digits[0]) + fraction + "e" + (exponent < 0 ? "-" : "+")
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
