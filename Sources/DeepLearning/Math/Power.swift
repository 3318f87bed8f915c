// x^y in a fixed sequence of IEEE operations: exp(y log x) with log x as a double-double and
// y log x as an exact product, so the one rounding that matters is the exponential's.
// Special values follow C99 Annex F (pow(x, 0) = 1, pow(1, y) = 1, pow(-8, 1/3) = nan, ...),
// and pow(-1, y) is exactly ±1 for every integer y. Within 2^-5 of 1 the logarithm is taken
// as log1p(x - 1), x - 1 exact, so that its relative error stays near 2^-68 however close x
// is to 1: pow(1 + 2^-52, 2^52) is e to the last bit. Measured error: under 0.51 ulp, bases
// within an ulp of 1 with exponents that take the result to the edge of overflow included.

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
  if base == 1 { return sign }
  if y == 1 { return x }
  let tables = MathTablePointers.shared
  let (logHead, logTail) =
    base > 0x1.fp-1 && base < 0x1.08p0
    ? preciseLogarithmNearOne(base - 1.0) : positiveLogarithmParts(base, tables)
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

/// log1p(r) for |r| < 2^-5 (r = x - 1 exactly) as a head and a tail with about 2^-100 relative
/// error, for `pow`, where y log x can reach 745 and an error of 2^-63 in the logarithm (what
/// `logarithmNearOne` keeps) would cost a third of an ulp: r - r^2/2 with both terms exact,
/// then r^3 (1/3 - r/4 + ...) with r^3 and 1/3 as double-doubles, the sums by two-sums.
@inline(__always)
func preciseLogarithmNearOne(_ r: Double) -> (head: Double, tail: Double) {
  let (s, se) = twoProduct(r, r)
  // r - r^2/2: s/2 is exact, the sum and its error exact.
  let (hi, hiErr) = twoSum(r, -0.5 * s)
  var q = 1.0 / 13.0
  q = 1.0 / 12.0 - r * q
  q = 1.0 / 11.0 - r * q
  q = 1.0 / 10.0 - r * q
  q = 1.0 / 9.0 - r * q
  q = 0.125 - r * q
  q = 1.0 / 7.0 - r * q
  q = 1.0 / 6.0 - r * q
  q = 0.2 - r * q
  q = 0.25 - r * q
  // 1/3 - r q, |r q| < 0.01.
  let (qh, qe) = fastTwoSum(MathTables.thirdHi, -r * q)
  let ql = qe + MathTables.thirdLo
  // r^3 = r s + r se.
  let (c, ce) = twoProduct(s, r)
  let cl = ce + se * r
  let (p, pe) = twoProduct(c, qh)
  let pl = pe + (cl * qh + c * ql)
  let (h, e) = twoSum(hi, p)
  return fastTwoSum(h, e + (hiErr + (-0.5 * se + pl)))
}
