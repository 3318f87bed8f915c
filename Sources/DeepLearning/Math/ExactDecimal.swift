/// The exact decimal expansion of a finite `Double`, and C's `%.*f` / `%.*e` conversions built
/// on it in plain Swift: the browser build has no C library, and these give the same text as
/// glibc's `printf` (which is exact too, rounding ties to even), so a page computed in the
/// browser prints what the build printed.
///
/// A double is `m · 2^e` with an integer `m`. For `e ≥ 0` that is the integer `m · 2^e`; for
/// `e < 0` it is `m · 5^-e / 10^-e`, so its decimal digits are those of the integer `m · 5^-e`
/// with the point `-e` places from the right. Every double has a finite decimal expansion (at
/// most 767 significant digits), and rounding it is exact string work.
struct ExactDecimal {
  /// ASCII digits of the integer `|x| · 10^scale`, most significant first, no leading zeros
  /// ("0" for zero).
  var digits: [UInt8]
  /// How many of `digits` follow the decimal point.
  var scale: Int

  /// The exact expansion of `|x|`.
  ///
  /// - Precondition: `x` is finite.
  init(_ x: Double) {
    let magnitude = x.magnitude
    guard magnitude != 0 else {
      digits = [UInt8(ascii: "0")]
      scale = 0
      return
    }
    // magnitude = significand · 2^exponent with an integer significand.
    var significand = magnitude.significandBitPattern
    var exponent = Int(magnitude.exponentBitPattern)
    if exponent == 0 {
      exponent = -1074
    } else {
      significand |= 1 << 52
      exponent -= 1075
    }
    var number = LargeUnsigned(significand)
    if exponent >= 0 {
      number.multiply(byPowerOf: 2, exponent)
      scale = 0
    } else {
      number.multiply(byPowerOf: 5, -exponent)
      scale = -exponent
    }
    digits = number.decimalDigits()
  }

  /// The digits rounded to keep `count` of them (ties to even on the exact value); returns the
  /// kept digits and whether rounding carried into a new leading digit.
  static func rounded(_ digits: [UInt8], keeping count: Int) -> (digits: [UInt8], carried: Bool) {
    guard count < digits.count else {
      return (digits + [UInt8](repeating: UInt8(ascii: "0"), count: count - digits.count), false)
    }
    guard count >= 0 else { return ([], false) }
    var kept = Array(digits[..<count])
    let first = digits[count]
    let restIsZero = digits[(count + 1)...].allSatisfy { $0 == UInt8(ascii: "0") }
    let lastIsOdd = (kept.last.map { ($0 - UInt8(ascii: "0")) % 2 == 1 }) ?? false
    let roundUp =
      first > UInt8(ascii: "5") || (first == UInt8(ascii: "5") && (!restIsZero || lastIsOdd))
    guard roundUp else { return (kept, false) }
    var index = kept.count - 1
    while index >= 0 {
      if kept[index] == UInt8(ascii: "9") {
        kept[index] = UInt8(ascii: "0")
        index -= 1
      } else {
        kept[index] += 1
        return (kept, false)
      }
    }
    return ([UInt8(ascii: "1")] + kept, true)
  }

  /// `|x|` as `%.*f` writes it: `fractionDigits` digits after the point.
  func fixed(fractionDigits: Int) -> String {
    // Digits before the point in the exact expansion (zero-padded on the left as needed).
    var padded = digits
    if padded.count <= scale {
      padded = [UInt8](repeating: UInt8(ascii: "0"), count: scale - padded.count + 1) + padded
    }
    let integerCount = padded.count - scale
    // Below 1 the padding gives one integer digit, 0; a carry adds a digit in front.
    let (kept, _) = ExactDecimal.rounded(padded, keeping: integerCount + fractionDigits)
    let split = kept.count - fractionDigits
    var text = String(decoding: kept[..<split], as: UTF8.self)
    if fractionDigits > 0 {
      text += "." + String(decoding: kept[split...], as: UTF8.self)
    }
    return text
  }

  /// `|x|` as `%.*e` writes it: one digit, the point, `fractionDigits` digits, `e±XX`.
  func scientific(fractionDigits: Int) -> String {
    let significant = Array(digits.drop(while: { $0 == UInt8(ascii: "0") }))
    guard !significant.isEmpty else {
      let zeros = String(repeating: "0", count: fractionDigits)
      return (fractionDigits > 0 ? "0." + zeros : "0") + "e+00"
    }
    // The power of ten of the first significant digit.
    var exponent = significant.count - 1 - scale
    let (kept, carried) = ExactDecimal.rounded(significant, keeping: fractionDigits + 1)
    var mantissa = kept
    if carried {
      exponent += 1
      mantissa.removeLast()
    }
    var text = String(decoding: mantissa[..<1], as: UTF8.self)
    if fractionDigits > 0 {
      text += "." + String(decoding: mantissa[1...], as: UTF8.self)
    }
    let power = String(exponent.magnitude)
    return text + (exponent < 0 ? "e-" : "e+") + (power.count < 2 ? "0" : "") + power
  }
}

/// `x` as C's `printf("%.*f")` (or `%.*e` when `scientific`) writes it, in plain Swift: the
/// same text as glibc's (`nan`, `-nan`, `inf` and `-inf` included).
public func exactCFormat(_ x: Double, fractionDigits: Int, scientific: Bool) -> String {
  let sign = x.sign == .minus ? "-" : ""
  if x.isNaN { return sign + "nan" }
  if x.isInfinite { return sign + "inf" }
  let decimal = ExactDecimal(x)
  let body =
    scientific
    ? decimal.scientific(fractionDigits: fractionDigits) : decimal.fixed(fractionDigits: fractionDigits)
  return sign + body
}

/// An unsigned integer of any size, as little-endian 32-bit limbs: just what `ExactDecimal`
/// needs (multiplying by powers of 2 and 5, and writing the decimal digits).
struct LargeUnsigned {
  var limbs: [UInt32]

  init(_ value: UInt64) {
    limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
    trim()
  }

  private mutating func trim() {
    while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
  }

  /// `self *= factor` for a factor below 2^32.
  mutating func multiply(by factor: UInt32) {
    var carry: UInt64 = 0
    for index in limbs.indices {
      let product = UInt64(limbs[index]) * UInt64(factor) + carry
      limbs[index] = UInt32(truncatingIfNeeded: product)
      carry = product >> 32
    }
    if carry != 0 { limbs.append(UInt32(carry)) }
  }

  /// `self *= base^count` for base 2 or 5.
  mutating func multiply(byPowerOf base: UInt32, _ count: Int) {
    // The largest power of the base below 2^32: 2^31 or 5^13.
    let (step, chunk): (UInt32, Int) = base == 2 ? (1 << 31, 31) : (1_220_703_125, 13)
    var left = count
    while left >= chunk {
      multiply(by: step)
      left -= chunk
    }
    var rest: UInt32 = 1
    for _ in 0..<left { rest *= base }
    if rest != 1 { multiply(by: rest) }
  }

  /// `self /= divisor`, returning the remainder.
  mutating func divide(by divisor: UInt32) -> UInt32 {
    var remainder: UInt64 = 0
    for index in limbs.indices.reversed() {
      let current = (remainder << 32) | UInt64(limbs[index])
      limbs[index] = UInt32(current / UInt64(divisor))
      remainder = current % UInt64(divisor)
    }
    trim()
    return UInt32(remainder)
  }

  var isZero: Bool { limbs.count == 1 && limbs[0] == 0 }

  /// The decimal digits, most significant first ("0" for zero).
  func decimalDigits() -> [UInt8] {
    var number = self
    var groups: [UInt32] = []
    repeat {
      groups.append(number.divide(by: 1_000_000_000))
    } while !number.isZero
    var out: [UInt8] = []
    out.reserveCapacity(groups.count * 9)
    for (position, group) in groups.reversed().enumerated() {
      var chunk = [UInt8](repeating: UInt8(ascii: "0"), count: 9)
      var value = group
      for index in stride(from: 8, through: 0, by: -1) {
        chunk[index] = UInt8(ascii: "0") + UInt8(value % 10)
        value /= 10
      }
      if position == 0 {
        out += chunk.drop(while: { $0 == UInt8(ascii: "0") })
      } else {
        out += chunk
      }
    }
    return out.isEmpty ? [UInt8(ascii: "0")] : out
  }
}
