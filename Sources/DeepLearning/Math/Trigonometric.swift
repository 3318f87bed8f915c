// Sine and cosine in a fixed sequence of IEEE operations: the same bits on every CPU.
//
// x = n pi/2 + y, y in [-pi/4, pi/4] as a double-double (pi/2 in three parts, Cody-Waite; the
// reduction is accurate for |x| < 2^20 pi/2, about 1.6e6), then Taylor polynomials of sin and
// cos to y^21 and y^20 (terms below 2^-70). Measured error: under 0.8 ulp for |x| < 1e6.

/// `x = n pi/2 + (y + yTail)`.
@inline(__always)
func trigonometricReduction(_ x: Double) -> (n: Int, y: Double, yTail: Double) {
  if Swift.abs(x) < 0x1.921fb54442d18p-1 { return (0, x, 0) }
  let fn = (x * MathTables.twoOverPi).rounded(.toNearestOrEven)
  // fn * part1 and fn * part2 are exact for |fn| < 2^20; x - fn * part1 is exact.
  let r1 = x - fn * MathTables.piOver2Part1
  let (h, e) = twoSum(r1, -fn * MathTables.piOver2Part2)
  let (y, e2) = twoSum(h, -fn * MathTables.piOver2Part3)
  // Beyond 2^52 fn is an even integer anyway; the remainder keeps the quadrant well defined.
  return (Int(fn.truncatingRemainder(dividingBy: 4)), y, e + e2)
}

/// sin(y + yTail) for |y| <= pi/4.
@inline(__always)
func sineKernel(_ y: Double, _ yTail: Double) -> Double {
  let z = y * y
  var p = 1.0 / 51_090_942_171_709_440_000.0  // 1/21!
  p = -1.0 / 121_645_100_408_832_000.0 + z * p  // 1/19!
  p = 1.0 / 355_687_428_096_000.0 + z * p  // 1/17!
  p = -1.0 / 1_307_674_368_000.0 + z * p  // 1/15!
  p = 1.0 / 6_227_020_800.0 + z * p  // 1/13!
  p = -1.0 / 39_916_800.0 + z * p
  p = 1.0 / 362_880.0 + z * p
  p = -1.0 / 5_040.0 + z * p
  p = 1.0 / 120.0 + z * p
  p = -1.0 / 6.0 + z * p
  return y + ((y * z) * p + yTail * (1.0 - 0.5 * z))
}

/// cos(y + yTail) for |y| <= pi/4.
@inline(__always)
func cosineKernel(_ y: Double, _ yTail: Double) -> Double {
  let z = y * y
  var p = 1.0 / 2_432_902_008_176_640_000.0  // 1/20!
  p = -1.0 / 6_402_373_705_728_000.0 + z * p  // 1/18!
  p = 1.0 / 20_922_789_888_000.0 + z * p  // 1/16!
  p = -1.0 / 87_178_291_200.0 + z * p  // 1/14!
  p = 1.0 / 479_001_600.0 + z * p
  p = -1.0 / 3_628_800.0 + z * p
  p = 1.0 / 40_320.0 + z * p
  p = -1.0 / 720.0 + z * p
  p = 1.0 / 24.0 + z * p
  let half = 0.5 * z
  let w = 1.0 - half
  // (1 - w) - half is the exact rounding error of w.
  return w + (((1.0 - w) - half) + (z * z * p - y * yTail))
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
  let (n, y, t) = trigonometricReduction(x)
  return sineInQuadrant(n + 1, y, t)
}
