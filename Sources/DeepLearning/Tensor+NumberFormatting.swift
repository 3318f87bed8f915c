#if hasFeature(Embedded)
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A finite `Double` as decimal digits: `0.d₁d₂d₃… × 10^pointPosition`, without leading or
/// trailing zeros (zero itself is the single digit 0 with `pointPosition` 1).
struct DecimalDigits: Equatable {
  var negative: Bool
  /// ASCII digits, most significant first.
  var digits: [UInt8]
  /// Where the decimal point sits: the number of digits before it (may be ≤ 0 or > `digits.count`).
  var pointPosition: Int

  /// The shortest digits that read back as `x` (what numpy's Dragon4 "unique" mode and Swift's
  /// `description` both produce).
  init(shortest x: Double) {
    self.init(parsing: x.description)
  }

  /// `x` correctly rounded (round-half-even on the exact binary value, as numpy's Dragon4 cutoff
  /// does) to `fractionDigits` digits after the point, or to `fractionDigits + 1` significant
  /// digits if `scientific`.
  init(rounding x: Double, fractionDigits: Int, scientific: Bool) {
    self.init(parsing: cFormat(x, fractionDigits: fractionDigits, scientific: scientific))
  }

  /// Parses `[-]digits[.digits][e[+-]digits]` (the ASCII of a description or of `cFormat`).
  init(parsing text: String) {
    var bytes = Array(text.utf8)
    negative = bytes.first == UInt8(ascii: "-")
    if negative { bytes.removeFirst() }
    var exponent = 0
    if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
      for byte in bytes[(e + 1)...] where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
      }
      if bytes[(e + 1)...].first == UInt8(ascii: "-") { exponent = -exponent }
      bytes.removeSubrange(e...)
    }
    var point = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
    bytes.removeAll { $0 == UInt8(ascii: ".") }
    point += exponent
    while bytes.first == UInt8(ascii: "0") {
      bytes.removeFirst()
      point -= 1
    }
    while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
    if bytes.isEmpty {
      digits = [UInt8(ascii: "0")]
      pointPosition = 1
    } else {
      digits = bytes
      pointPosition = point
    }
  }

  var isZero: Bool { digits == [UInt8(ascii: "0")] }

  /// How many digits follow the decimal point in positional notation.
  var fractionDigitCount: Int { Swift.max(0, digits.count - pointPosition) }

  /// The power of ten of the first digit in scientific notation.
  var scientificExponent: Int { isZero ? 0 : pointPosition - 1 }

  /// Positional notation split at the point: `("-12", "5")` for -12.5, `("0", "")` for 0.
  var positionalParts: (integer: String, fraction: String) {
    let sign = negative ? "-" : ""
    var integer = ""
    var fraction = ""
    if pointPosition <= 0 {
      integer = "0"
      fraction = String(repeating: "0", count: -pointPosition) + String(decoding: digits, as: UTF8.self)
    } else if pointPosition >= digits.count {
      integer =
        String(decoding: digits, as: UTF8.self)
        + String(repeating: "0", count: pointPosition - digits.count)
    } else {
      integer = String(decoding: digits[..<pointPosition], as: UTF8.self)
      fraction = String(decoding: digits[pointPosition...], as: UTF8.self)
    }
    if isZero { fraction = "" }
    return (sign + integer, fraction)
  }

  /// Scientific notation split in three: `("-1", "5", -7)` for -1.5e-07.
  var scientificParts: (integer: String, fraction: String, exponent: Int) {
    let sign = negative ? "-" : ""
    return (
      sign + String(UnicodeScalar(digits[0])),
      String(decoding: digits.dropFirst(), as: UTF8.self), scientificExponent
    )
  }
}

/// numpy's `FloatingFormat` for float64 with the default print options (precision 8,
/// floatmode 'maxprec', sign '-', no suppression): one format chosen for all the values shown,
/// positional or scientific, with every element padded to the same width.
struct FloatingFormat {
  static let precision = 8

  var scientific = false
  var padLeft = 0
  var padRight = 0
  /// Scientific only: the fraction digits every mantissa gets, and the exponent's digit count.
  var mantissaDigits = 0
  var exponentDigits = 2

  init<C: Collection>(_ values: C) where C.Element == Double {
    let finite = values.filter { $0.isFinite }
    let magnitudes = finite.filter { $0 != 0 }.map { Swift.abs($0) }
    if let maxValue = magnitudes.max(), let minValue = magnitudes.min() {
      scientific = maxValue >= 1e8 || minValue < 0.0001 || maxValue / minValue > 1000
    }
    if finite.isEmpty {
      padLeft = 0
      padRight = 0
    } else if scientific {
      var integerWidth = 0
      for x in finite {
        let parts = FloatingFormat.scientificDigits(x).scientificParts
        integerWidth = Swift.max(integerWidth, parts.integer.count)
        mantissaDigits = Swift.max(mantissaDigits, parts.fraction.count)
        exponentDigits = Swift.max(exponentDigits, String(Swift.abs(parts.exponent)).count)
      }
      padLeft = integerWidth
      padRight = exponentDigits + 2 + mantissaDigits
    } else {
      for x in finite {
        let parts = FloatingFormat.positionalDigits(x).positionalParts
        padLeft = Swift.max(padLeft, parts.integer.count)
        padRight = Swift.max(padRight, parts.fraction.count)
      }
    }
    if finite.count != values.count {
      let negativeInfinity = values.contains { $0.isInfinite && $0 < 0 }
      let offset = padRight + 1
      padLeft = Swift.max(padLeft, 3 - offset, 3 + (negativeInfinity ? 1 : 0) - offset)
    }
  }

  /// Dragon4 positional, unique digits cut at `precision` fraction digits.
  static func positionalDigits(_ x: Double) -> DecimalDigits {
    let shortest = DecimalDigits(shortest: x)
    if shortest.fractionDigitCount <= precision { return shortest }
    return DecimalDigits(rounding: x, fractionDigits: precision, scientific: false)
  }

  /// Dragon4 scientific, unique digits cut at `precision` digits after the first.
  static func scientificDigits(_ x: Double) -> DecimalDigits {
    let shortest = DecimalDigits(shortest: x)
    if shortest.digits.count - 1 <= precision { return shortest }
    return DecimalDigits(rounding: x, fractionDigits: precision, scientific: true)
  }

  /// One element, padded to the common width.
  func format(_ x: Double) -> String {
    guard x.isFinite else {
      let text = x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
      return String(repeating: " ", count: Swift.max(0, padLeft + padRight + 1 - text.count)) + text
    }
    if scientific {
      var digits = FloatingFormat.scientificDigits(x)
      if x.isSubnormal && digits.digits.count - 1 < mantissaDigits {
        // numpy asks Dragon4 for at least `mantissaDigits` digits: past the shortest ones, the
        // exact value's. For a normal double those are zeros; a subnormal has fewer
        // significant bits, so they are not (`1.11362397e-319`, not `1.11360000e-319`).
        digits = DecimalDigits(rounding: x, fractionDigits: mantissaDigits, scientific: true)
      }
      let parts = digits.scientificParts
      let exponent = String(Swift.abs(parts.exponent))
      return String(repeating: " ", count: Swift.max(0, padLeft - parts.integer.count)) + parts.integer
        + "." + parts.fraction + String(repeating: "0", count: mantissaDigits - parts.fraction.count)
        + "e" + (parts.exponent < 0 ? "-" : "+")
        + String(repeating: "0", count: Swift.max(0, exponentDigits - exponent.count)) + exponent
    }
    let parts = FloatingFormat.positionalDigits(x).positionalParts
    return String(repeating: " ", count: Swift.max(0, padLeft - parts.integer.count)) + parts.integer
      + "." + parts.fraction + String(repeating: " ", count: Swift.max(0, padRight - parts.fraction.count))
  }
}

/// numpy's `str(np.float64(x))` (Python's float repr): the shortest digits, positional for
/// exponents -4 to 15 (`0.0001`, `123.0`), scientific outside (`1e-05`, `1.5e+16`).
func scalarDescription(_ x: Double) -> String {
  guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
  let d = DecimalDigits(shortest: x)
  let exponent = d.scientificExponent
  if exponent >= -4 && exponent < 16 {
    let parts = d.positionalParts
    return parts.integer + "." + (parts.fraction.isEmpty ? "0" : parts.fraction)
  }
  let parts = d.scientificParts
  let magnitude = String(Swift.abs(exponent))
  return parts.integer + (parts.fraction.isEmpty ? "" : "." + parts.fraction) + "e"
    + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
}

/// `x` as C's `printf` writes it with `%.*f` (or `%.*e` if `scientific`): correctly rounded from
/// the exact binary value, as numpy's and Python's `%f` are (`cFormat(0.6930480, fractionDigits: 6)`
/// is `0.693048`).
func cFormat(_ x: Double, fractionDigits: Int, scientific: Bool = false) -> String {
  #if hasFeature(Embedded)
    return exactCFormat(x, fractionDigits: fractionDigits, scientific: scientific)
  #else
    var buffer = [CChar](repeating: 0, count: 400)
    let count = buffer.withUnsafeMutableBufferPointer { out in
      withVaList([Int32(fractionDigits), x]) { args in
        vsnprintf(out.baseAddress, out.count, scientific ? "%.*e" : "%.*f", args)
      }
    }
    return String(decoding: buffer[0..<Int(count)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  #endif
}
