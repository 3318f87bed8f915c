// Sine and cosine in a fixed sequence of IEEE operations: the same bits on every CPU.
//
// x = n pi/2 + y (TrigonometricReduction.swift), then sin or cos of y by its Taylor polynomial
// (to y^21 and y^20, terms below 2^-70), the leading terms and y^2 carried as double-doubles
// so that the one rounding that matters is the last. Measured error: under 0.501 ulp over a
// million points per decade of magnitude, up to the largest double.

/// `a + z (b + z q)` as a double-double, for `a`, `b` and `z` given as double-doubles with
/// `|z q| < |b|` and `|z b| < |a|` (so the fast two-sums are exact): the two leading terms of a
/// Taylor polynomial, whose roundings would otherwise cost up to 0.003 ulp.
@inline(__always)
func twoTermCoefficient(
  _ aHi: Double, _ aLo: Double, _ bHi: Double, _ bLo: Double, _ zh: Double, _ zl: Double,
  _ q: Double
) -> (Double, Double) {
  let (dh, de) = fastTwoSum(bHi, zh * q)
  let dl = de + bLo
  let (mh, me) = twoProduct(zh, dh)
  let ml = me + (zh * dl + zl * dh)
  let (ch, ce) = fastTwoSum(aHi, mh)
  return (ch, ce + (ml + aLo))
}

/// sin(y + yTail) for |y| <= pi/4, |yTail| <= ulp(y) / 2: y + y^3 (-1/6 + y^2 q(y^2)).
@inline(__always)
func sineKernel(_ y: Double, _ yTail: Double) -> Double {
  let (zh, ze) = twoProduct(y, y)
  let zl = ze + 2 * y * yTail
  var q = 1.0 / 51_090_942_171_709_440_000.0  // 1/21!
  q = -1.0 / 121_645_100_408_832_000.0 + zh * q  // 1/19!
  q = 1.0 / 355_687_428_096_000.0 + zh * q  // 1/17!
  q = -1.0 / 1_307_674_368_000.0 + zh * q  // 1/15!
  q = 1.0 / 6_227_020_800.0 + zh * q  // 1/13!
  q = -1.0 / 39_916_800.0 + zh * q
  q = 1.0 / 362_880.0 + zh * q
  q = -1.0 / 5_040.0 + zh * q
  // c = -1/6 + z (1/120 + z q), the last two coefficients and their products in double-double.
  let (ch, cl) = twoTermCoefficient(
    -MathTables.sixthHi, -MathTables.sixthLo, MathTables.oneHundredTwentiethHi,
    MathTables.oneHundredTwentiethLo, zh, zl, q)
  // y^3 = y z, with the tail's share 3 y^2 yTail.
  let (uh, ue) = twoProduct(y, zh)
  let ul = ue + (y * zl + yTail * zh)
  // y^3 c, at most 0.11 y.
  let (th, te) = twoProduct(uh, ch)
  let tl = te + (uh * cl + ul * ch)
  let (s, se) = fastTwoSum(y, th)
  return s + (se + (yTail + tl))
}

/// cos(y + yTail) for |y| <= pi/4, |yTail| <= ulp(y) / 2: 1 - y^2/2 + y^4 (1/24 + y^2 q(y^2)).
@inline(__always)
func cosineKernel(_ y: Double, _ yTail: Double) -> Double {
  let (zh, ze) = twoProduct(y, y)
  let zl = ze + 2 * y * yTail
  var q = 1.0 / 2_432_902_008_176_640_000.0  // 1/20!
  q = -1.0 / 6_402_373_705_728_000.0 + zh * q  // 1/18!
  q = 1.0 / 20_922_789_888_000.0 + zh * q  // 1/16!
  q = -1.0 / 87_178_291_200.0 + zh * q  // 1/14!
  q = 1.0 / 479_001_600.0 + zh * q
  q = -1.0 / 3_628_800.0 + zh * q
  q = 1.0 / 40_320.0 + zh * q
  // c = 1/24 + z (-1/720 + z q), the last two coefficients and their products in double-double.
  let (ch, cl) = twoTermCoefficient(
    MathTables.twentyFourthHi, MathTables.twentyFourthLo, -MathTables.sevenHundredTwentiethHi,
    -MathTables.sevenHundredTwentiethLo, zh, zl, q)
  // z^2 c, at most 0.016.
  let (wh, we) = twoProduct(zh, zh)
  let wl = we + 2 * zh * zl
  let (ph, pe) = twoProduct(wh, ch)
  let pl = pe + (wh * cl + wl * ch)
  // 1 - z/2 (z/2 exact, the difference exact in two parts), then the rest.
  let (w, we2) = fastTwoSum(1.0, -0.5 * zh)
  let (s, se) = fastTwoSum(w, ph)
  return s + (se + (we2 + (pl - 0.5 * zl)))
}

/// sin(n pi/2 + y + yTail): the kernel and sign of quadrant `n mod 4`.
@inline(__always)
func sineInQuadrant(_ n: Int, _ y: Double, _ yTail: Double) -> Double {
  switch n & 3 {
  case 0: return sineKernel(y, yTail)
  case 1: return cosineKernel(y, yTail)
  case 2: return -sineKernel(y, yTail)
  default: return -cosineKernel(y, yTail)
  }
}

/// The sine of one value, the same on every machine.
@inline(__always)
func deterministicSin(_ x: Double) -> Double {
  guard x.isFinite else { return .nan }
  if Swift.abs(x) < 0x1p-27 { return x }
  let (n, y, t) = trigonometricReduction(x)
  return sineInQuadrant(n, y, t)
}

/// The cosine of one value, the same on every machine: cos x = sin(x + pi/2), one quadrant on.
@inline(__always)
func deterministicCos(_ x: Double) -> Double {
  guard x.isFinite else { return .nan }
  // 1 - x^2/2 rounds to 1.
  if Swift.abs(x) < 0x1p-27 { return 1 }
  let (n, y, t) = trigonometricReduction(x)
  return sineInQuadrant(n + 1, y, t)
}
