// x^y in a fixed sequence of IEEE operations: exp(y log x) with log x as a double-double and
// y log x as an exact product, so the one rounding that matters is the exponential's.
// Special values follow C99 Annex F (pow(x, 0) = 1, pow(1, y) = 1, pow(-8, 1/3) = nan, ...).

/// Whether `y` is an integer, and if so whether it is odd.
@inline(__always)
func integerKind(_ y: Double) -> (isInteger: Bool, isOdd: Bool) {
  guard y.isFinite, y.rounded(.towardZero) == y else { return (false, false) }
  if Swift.abs(y) >= 0x1p53 { return (true, false) }
  return (true, Int64(y) & 1 == 1)
}

/// `x` raised to the power `y`, the same on every machine.
func deterministicPow(_ x: Double, _ y: Double) -> Double {
  if y == 0 || x == 1 { return 1 }
  if x.isNaN || y.isNaN { return .nan }
  let kind = integerKind(y)
  if y.isInfinite {
    let a = Swift.abs(x)
    if a == 1 { return 1 }
    return (a < 1) == (y > 0) ? 0 : .infinity
  }
  if x == 0 || x.isInfinite {
    // 0^y and inf^y: the sign survives only for odd integer y.
    let sign: Double = kind.isOdd && x.sign == .minus ? -1 : 1
    let large = (x == 0) == (y < 0)
    return sign * (large ? .infinity : 0)
  }
  var sign = 1.0
  var base = x
  if x < 0 {
    guard kind.isInteger else { return .nan }
    if kind.isOdd { sign = -1 }
    base = -x
  }
  let tables = MathTablePointers.shared
  let (logHead, logTail) = positiveLogarithmParts(base, tables)
  // Decide overflow and underflow before the exact product (whose split would overflow for
  // huge y; |log x| >= 2^-53 for x != 1, so such y always lands here).
  let estimate = y * logHead
  if estimate > 710 { return sign * .infinity }
  if estimate < -746 { return sign * 0 }
  let (ph, pe) = twoProduct(y, logHead)
  let pl = pe + y * logTail
  if Swift.abs(ph) < 704 {
    let (scale, tmp) = exponentialParts(ph, tail: pl, tables)
    return sign * (scale + scale * tmp)
  }
  return sign * exponentialOutsideFastRange(ph, tail: pl)
}
