// The natural logarithm in a fixed sequence of IEEE operations: the same bits on every CPU.
//
// x = 2^k z with z in [0.6875, 1.375); the top 7 mantissa bits of z pick c = 1/invc from a
// 128-entry table, invc short enough that r = z invc - 1 is computed exactly as a head and a
// tiny tail; log x = k ln2 + log c + log1p(r), |r| < 0.004, log1p(r) by Taylor to r^8, the
// sums carried as double-doubles. Within 2^-5 of 1, where log c would cancel, log1p(x - 1)
// by Taylor to r^13 with the r^2/2 term exact. Measured error: under 0.52 ulp.

/// log(x) of a positive normal `x` (outside 1 ± 2^-5 when used for `log` itself) as a head and
/// a tail with about 2^-68 absolute error: what `pow` builds on.
@inline(__always)
func logarithmParts(_ x: Double, _ tables: MathTablePointers) -> (head: Double, tail: Double) {
  let offset: UInt64 = 0x3fe6_0000_0000_0000
  let ix = x.bitPattern
  let tmp = ix &- offset
  let i = Int((tmp >> 45) & 127)
  let k = Int64(bitPattern: tmp) >> 52
  let iz = ix &- (tmp & (0xfff << 52))
  let z = Double(bitPattern: iz)
  let invc = tables.logInvC[i]
  // z = zhi + zlo with zhi of 21 bits: zhi * invc is exact, and so is zhi * invc - 1.
  let zhi = Double(bitPattern: (iz &+ (1 << 31)) & (~0 << 32))
  return logarithmFromTable(
    z: z, zhi: zhi, invc: invc, kd: Double(k), logcHi: tables.logCHi[i], logcLo: tables.logCLo[i])
}

/// log x = k ln2 + log c + log1p(r) as a head and a tail, from z (x = 2^k z), its 21-bit head,
/// the table's 1/c and log c.
@inline(__always)
func logarithmFromTable<T: RoundingLanes>(
  z: T, zhi: T, invc: T, kd: T, logcHi: T, logcLo: T
) -> (head: T, tail: T) {
  let zlo = z - zhi
  let rhi = zhi * invc - T(lanes: 1)
  let rlo = zlo * invc
  // |k ln2| >= 0.69 > |log c| unless k = 0, where the sum is exact: the fast two-sum is exact.
  let (w, we) = fastTwoSum(kd * T(lanes: MathTables.ln2Hi), logcHi)
  let (h1, e1) = twoSum(w, rhi)
  let (sq, sqe) = twoProduct(T(lanes: -0.5) * rhi, rhi)
  let (h2, e2) = twoSum(h1, sq)
  let r = rhi + rlo
  // (1/3 - r/4 + r^2/5 - r^3/6 + r^4/7 - r^5/8) r^3 = log1p(r) - r + r^2/2 to r^8.
  var q = T(lanes: 0.125)
  q = T(lanes: 1.0 / 7.0) - r * q
  q = T(lanes: 1.0 / 6.0) - r * q
  q = T(lanes: 1.0 / 5.0) - r * q
  q = T(lanes: 0.25) - r * q
  q = T(lanes: 1.0 / 3.0) - r * q
  let poly = r * r * r * q
  let lnTail = kd * T(lanes: MathTables.ln2Lo) + logcLo
  let linear = rlo - rlo * (rhi + T(lanes: 0.5) * rlo)
  let lo = e2 + e1 + we + sqe + lnTail + linear + poly
  let (head, tail) = fastTwoSum(h2, lo)
  return (head, tail)
}

/// log1p(r) for |r| < 2^-5 (r = x - 1 exactly) as a head and a tail.
@inline(__always)
func logarithmNearOne(_ r: Double) -> (head: Double, tail: Double) {
  let rhi = Double(bitPattern: r.bitPattern & (~0 << 32))
  return logarithmNearOne(r, rhi: rhi)
}

/// log1p(r) from r and `rhi`, r with its low 32 bits cleared: rhi * rhi * 0.5 is exact, and
/// r^2 = rhi^2 + rlo (rhi + r). Taylor to r^13.
@inline(__always)
func logarithmNearOne<T: RoundingLanes>(_ r: T, rhi: T) -> (head: T, tail: T) {
  let rlo = r - rhi
  let w = rhi * rhi * T(lanes: -0.5)
  let hi = r + w
  var lo = r - hi + w
  lo = lo + T(lanes: -0.5) * rlo * (rhi + r)
  var q = T(lanes: 1.0 / 13.0)
  q = T(lanes: 1.0 / 12.0) - r * q
  q = T(lanes: 1.0 / 11.0) - r * q
  q = T(lanes: 1.0 / 10.0) - r * q
  q = T(lanes: 1.0 / 9.0) - r * q
  q = T(lanes: 0.125) - r * q
  q = T(lanes: 1.0 / 7.0) - r * q
  q = T(lanes: 1.0 / 6.0) - r * q
  q = T(lanes: 0.2) - r * q
  q = T(lanes: 0.25) - r * q
  q = T(lanes: 1.0 / 3.0) - r * q
  let (head, tail) = fastTwoSum(hi, lo + r * r * r * q)
  return (head, tail)
}

/// The natural logarithm of one value, to within 0.52 ulp, the same on every machine.
#if hasFeature(Embedded)
  // One copy in the browser module, which travels with every page (see BrowserBuild.swift).
  @inline(never)
#else
  @inline(__always)
#endif
func deterministicLog(_ x: Double, _ tables: MathTablePointers) -> Double {
  if x > 0x1.fp-1 && x < 0x1.08p0 {
    let (h, t) = logarithmNearOne(x - 1.0)
    return h + t
  }
  // Positive normal and finite: bits strictly between the smallest normal and infinity.
  guard x.bitPattern &- 0x0010_0000_0000_0000 < 0x7fe0_0000_0000_0000 else {
    return logarithmOutsideFastRange(x)
  }
  let (h, t) = logarithmParts(x, tables)
  return h + t
}

/// log(x) for zero, negative, subnormal, infinite or nan `x`.
@inline(never)
func logarithmOutsideFastRange(_ x: Double) -> Double {
  if x.isNaN { return x }
  if x == 0 { return -.infinity }
  if x < 0 { return .nan }
  if x == .infinity { return x }
  let (h, t) = positiveLogarithmParts(x, MathTablePointers.shared)
  return h + t
}

/// ``logarithmParts(_:_:)`` for any positive finite `x`, subnormals included (those are
/// scaled into the normal range, and 52 ln 2 is taken back out in double-double).
@inline(__always)
func positiveLogarithmParts(_ x: Double, _ tables: MathTablePointers) -> (head: Double, tail: Double) {
  guard x < 0x1p-1022 else { return logarithmParts(x, tables) }
  let (h, t) = logarithmParts(x * 0x1p52, tables)
  let (s, e) = twoSum(h, -52 * MathTables.ln2Hi)
  return (s, e + t - 52 * MathTables.ln2Lo)
}
