// The exponential in a fixed sequence of IEEE operations: the same bits on every CPU.
//
// x = k ln2/128 + r with |r| <= ln2/256; exp(x) = 2^(k/128) exp(r), where 2^(j/128) comes from a
// 128-entry table (a double and its relative tail) and exp(r) - 1 from its Taylor polynomial to
// r^5 (the first omitted term is below 2^-60 relative). Measured error: under 0.51 ulp.

/// `exp(x)` as `scale * (1 + tmp)`: `scale` an exact power-of-two multiple of a table entry,
/// `tmp` small (|tmp| < 0.003). Valid for |x + tail| < 704, where `scale` is a normal number.
/// `tail` is a small correction added to `x` (the low part of a double-double argument).
@inline(__always)
func exponentialParts(_ x: Double, tail: Double = 0, _ tables: MathTablePointers) -> (
  scale: Double, tmp: Double
) {
  let (k, r) = exponentialReduction(x, tail: tail)
  return (exponentialScale(k, exponentOffset: 0, tables), exponentialTmp(r, k & 127, tables))
}

/// `2^(k/128 + exponentOffset)` as the table entry `k mod 128` with its exponent raised by
/// `k >> 7` plus the offset (which must keep it normal).
@inline(__always)
func exponentialScale(_ k: Int, exponentOffset: Int, _ tables: MathTablePointers) -> Double {
  let e = (k >> 7) + exponentOffset
  return Double(bitPattern: tables.expScaleBits[k & 127] &+ (UInt64(bitPattern: Int64(e)) << 52))
}

/// `k = round(128 x / ln2)` and `r = x - k ln2/128` (plus `tail`).
@inline(__always)
func exponentialReduction(_ x: Double, tail: Double) -> (k: Int, r: Double) {
  let shift = 0x1.8p52
  let kd = (x * MathTables.invLn2N + shift) - shift
  return (Int(kd), exponentialRemainder(x, kd, tail: tail))
}

/// `r = x - kd ln2/128` (plus `tail`). x - kd * hi is exact: kd * hi is exact and within a
/// factor 2 of x, or kd is 0.
@inline(__always)
func exponentialRemainder<T: RoundingLanes>(_ x: T, _ kd: T, tail: T) -> T {
  ((x - kd * T(lanes: MathTables.ln2NHi)) - kd * T(lanes: MathTables.ln2NLo)) + tail
}

/// `2^(j/128) exp(r) / scale - 1` for the table entry `j`.
@inline(__always)
func exponentialTmp(_ r: Double, _ j: Int, _ tables: MathTablePointers) -> Double {
  exponentialTmp(r, tableTail: tables.expTail[j])
}

/// `tableTail + (exp(r) - 1)`, exp(r) - 1 by its Taylor polynomial to r^5.
@inline(__always)
func exponentialTmp<T: RoundingLanes>(_ r: T, tableTail: T) -> T {
  let r2 = r * r
  let p =
    r2 * (T(lanes: 0.5) + r * T(lanes: 1.0 / 6.0)) + r2 * r2
    * (T(lanes: 1.0 / 24.0) + r * T(lanes: 1.0 / 120.0))
  return tableTail + r + p
}

/// The exponential of one value, to within 0.51 ulp, the same on every machine.
#if hasFeature(Embedded)
  // One copy in the browser module, which travels with every page (see BrowserBuild.swift).
  @inline(never)
#else
  @inline(__always)
#endif
func deterministicExp(_ x: Double, _ tables: MathTablePointers) -> Double {
  guard Swift.abs(x) < 704 else { return exponentialOutsideFastRange(x) }
  let (scale, tmp) = exponentialParts(x, tables)
  return scale + scale * tmp
}

/// `exp(x)` where the result is near overflow or subnormal (or x is nan or infinite).
@inline(never)
func exponentialOutsideFastRange(_ x: Double, tail: Double = 0) -> Double {
  if x.isNaN { return x }
  if x > 710 { return .infinity }
  if x < -746 { return 0 }
  let (k, r) = exponentialReduction(x, tail: tail)
  let tables = MathTablePointers.shared
  let tmp = exponentialTmp(r, k & 127, tables)
  if x > 0 {
    // 2^1009 * (2^(e - 1009) ...): the final product overflows to inf where it should.
    let scale = exponentialScale(k, exponentOffset: -1009, tables)
    return 0x1p1009 * (scale + scale * tmp)
  }
  // The result is tiny: compute it scaled up by 2^1022, then round once onto the subnormal grid.
  let scale = exponentialScale(k, exponentOffset: 1022, tables)
  var y = scale + scale * tmp
  if y < 1 {
    // Adding 1 rounds y to a multiple of 2^-52, which 2^-1022 maps onto the subnormal grid;
    // the low part keeps that rounding the only one.
    var lo = scale - y + scale * tmp
    let hi = 1.0 + y
    lo = 1.0 - hi + y + lo
    y = (hi + lo) - 1.0
    if y == 0 { y = 0 }
  }
  return y * 0x1p-1022
}
