// Vector versions of exp, log, tanh and the sigmoid for loops over buffers: the table lookups
// and bit manipulations lane by lane, the arithmetic the same generic code as the scalar
// functions' (Exponential.swift, Logarithm.swift, Hyperbolic.swift), so a tensor's elements are
// the scalar functions' bits. Lanes outside a kernel's main range (nan, infinities,
// subnormals, results near overflow) are recomputed by the scalar function.
//
// A vector is eight doubles where the library is compiled for AVX-512 (`WIDE_VECTORS`, see
// Package.swift) and in the browser build (WebAssembly's SIMD, see BrowserBuild.swift), four
// elsewhere: each lane does the same operations at any width.

#if WIDE_VECTORS
  typealias DoubleLanes = SIMD8<Double>
  typealias BitLanes = SIMD8<UInt64>
  typealias SignedLanes = SIMD8<Int64>
#else
  typealias DoubleLanes = SIMD4<Double>
  typealias BitLanes = SIMD4<UInt64>
  typealias SignedLanes = SIMD4<Int64>
#endif
typealias LaneMask = SIMDMask<SignedLanes>

/// Whether some lane of `mask` is set: an OR of the lanes, which LLVM reduces in registers (the
/// standard library's `any` is a call for eight lanes, with the vector spilled around it).
@inline(__always)
func anyLane(_ mask: LaneMask) -> Bool {
  let lanes = unsafeBitCast(mask, to: SignedLanes.self)
  var combined: Int64 = 0
  for lane in 0..<SignedLanes.scalarCount { combined |= lanes[lane] }
  return combined != 0
}

/// Whether every lane of `mask` is set.
@inline(__always)
func allLanes(_ mask: LaneMask) -> Bool {
  let lanes = unsafeBitCast(mask, to: SignedLanes.self)
  var combined: Int64 = -1
  for lane in 0..<SignedLanes.scalarCount { combined &= lanes[lane] }
  return combined != 0
}

/// The exponential's table entries `index` for every lane: the scales' bits and the tails.
/// One 16-byte load per lane, then shuffles, instead of a load and an insert per lane and table.
@inline(__always)
func gatherExponentialEntries(_ table: UnsafePointer<SIMD2<Double>>, _ index: BitLanes) -> (
  scaleBits: BitLanes, tail: DoubleLanes
) {
  func entry(_ lane: Int) -> SIMD2<Double> { table[Int(index[lane])] }
  let low = SIMD4(lowHalf: entry(0), highHalf: entry(1))
  let high = SIMD4(lowHalf: entry(2), highHalf: entry(3))
  #if WIDE_VECTORS
    let first = SIMD8(lowHalf: low, highHalf: high)
    let second = SIMD8(
      lowHalf: SIMD4(lowHalf: entry(4), highHalf: entry(5)),
      highHalf: SIMD4(lowHalf: entry(6), highHalf: entry(7)))
    let scales = DoubleLanes(lowHalf: first.evenHalf, highHalf: second.evenHalf)
    let tails = DoubleLanes(lowHalf: first.oddHalf, highHalf: second.oddHalf)
  #else
    let scales = DoubleLanes(lowHalf: low.evenHalf, highHalf: high.evenHalf)
    let tails = DoubleLanes(lowHalf: low.oddHalf, highHalf: high.oddHalf)
  #endif
  return (unsafeBitCast(scales, to: BitLanes.self), tails)
}

/// `table[index]` for every lane.
@inline(__always)
func gather(_ table: UnsafePointer<Double>, _ index: BitLanes) -> DoubleLanes {
  var values = DoubleLanes()
  for lane in 0..<DoubleLanes.scalarCount { values[lane] = table[Int(index[lane])] }
  return values
}

/// The vector ``exponentialParts(_:tail:_:)`` (tail 0), for lanes with |x| < 704.
@inline(__always)
func exponentialParts(_ x: DoubleLanes, _ tables: MathTablePointers) -> (scale: DoubleLanes, tmp: DoubleLanes)
{
  let shift = DoubleLanes(repeating: 0x1.8p52)
  let shifted = x * MathTables.invLn2N + shift
  let kd = shifted - shift
  // The scalar form adds a tail of 0, which can only turn a remainder of -0 into +0; tmp is
  // the same either way (`tableTail + r` is +0 or tableTail for both), so it is left out.
  let r =
    (x - kd * DoubleLanes(repeating: MathTables.ln2NHi)) - kd * DoubleLanes(repeating: MathTables.ln2NLo)
  // The low bits of `shifted` hold k in two's complement: j = k mod 128, and (k - j) << 45
  // is e << 52 (the shift's own bits leave the word).
  let ki = unsafeBitCast(shifted, to: BitLanes.self)
  let j = ki & 127
  let top = (ki &- j) &<< 45
  let (scaleBits, tail) = gatherExponentialEntries(tables.expPairs, j)
  return (unsafeBitCast(scaleBits &+ top, to: DoubleLanes.self), exponentialTmp(r, tableTail: tail))
}

/// The vector tanh: every lane as ``deterministicTanh(_:_:)``, nan lanes included.
@inline(__always)
func deterministicTanh(_ x: DoubleLanes, _ tables: MathTablePointers) -> DoubleLanes {
  // |x| and the sign by their bits; tanh|x| >= 0 takes x's sign the same way.
  let bits = unsafeBitCast(x, to: BitLanes.self)
  let sign = bits & BitLanes(repeating: 1 << 63)
  let a = unsafeBitCast(bits ^ sign, to: DoubleLanes.self)
  // 22 and beyond round to 1; so does the formula at 22.
  let large = tanhOfMagnitude(a.replacing(with: 22, where: a .> 22), tables)
  let signed = unsafeBitCast(unsafeBitCast(large, to: BitLanes.self) | sign, to: DoubleLanes.self)
  // Small lanes, and nan ones (which fail every comparison), go the rare way.
  if allLanes(a .>= 0.0625) { return signed }
  return tanhOfSmallLanes(x, magnitude: a, otherwise: signed)
}

/// `otherwise` with the lanes where |x| < 1/16 replaced by the polynomial's tanh, those below
/// 2^-27 and the nan ones by x. Kept out of line: inlined, it makes the common path slower
/// where vectors are short of registers (WebAssembly).
@inline(never)
func tanhOfSmallLanes(_ x: DoubleLanes, magnitude a: DoubleLanes, otherwise: DoubleLanes) -> DoubleLanes {
  otherwise.replacing(with: tanhPolynomial(x), where: a .< 0.0625)
    .replacing(with: x, where: a .< 0x1p-27 .| x .!= x)
}

/// tanh|x| for 1/16 <= |x| <= 22 lane by lane: 1 - 2/(E + 1), E = exp(2|x|).
@inline(__always)
func tanhOfMagnitude(_ a: DoubleLanes, _ tables: MathTablePointers) -> DoubleLanes {
  let (scale, tmp) = exponentialParts(2 * a, tables)
  return tanhFromExponential(scale: scale, tmp: tmp)
}

/// The vector sigmoid for lanes with -40 < z < 40: every lane as ``deterministicSigmoid(_:_:)``.
@inline(__always)
func sigmoidInRange(_ z: DoubleLanes, _ tables: MathTablePointers) -> DoubleLanes {
  let negativeMagnitude = z.replacing(with: -z, where: z .>= 0)
  let (scale, tmp) = exponentialParts(negativeMagnitude, tables)
  let (e, eTail, d, de) = sigmoidParts(scale: scale, tmp: tmp)
  let positive = z .>= 0
  let numerator = e.replacing(with: 1, where: positive)
  let numeratorTail = eTail.replacing(with: 0, where: positive)
  return correctedQuotient(numerator, numeratorTail, d, de)
}

/// The vector ``logarithmParts(_:_:)`` summed, for positive normal lanes.
@inline(__always)
func logarithmMain(_ x: DoubleLanes, _ tables: MathTablePointers) -> DoubleLanes {
  let offset: UInt64 = 0x3fe6_0000_0000_0000
  let ix = unsafeBitCast(x, to: BitLanes.self)
  let tmp = ix &- offset
  let i = (tmp &>> 45) & 127
  let k = unsafeBitCast(tmp, to: SignedLanes.self) &>> 52
  let iz = ix &- (tmp & (0xfff << 52))
  let z = unsafeBitCast(iz, to: DoubleLanes.self)
  let invc = gather(tables.logInvC, i)
  let logcHi = gather(tables.logCHi, i)
  let logcLo = gather(tables.logCLo, i)
  let zhi = unsafeBitCast((iz &+ (1 << 31)) & (~0 << 32), to: DoubleLanes.self)
  let kd = DoubleLanes(k)
  let (head, tail) = logarithmFromTable(
    z: z, zhi: zhi, invc: invc, kd: kd, logcHi: logcHi, logcLo: logcLo)
  return head + tail
}

/// The vector log1p(x - 1) for lanes within 2^-5 of 1, as ``logarithmNearOne(_:)`` summed.
@inline(__always)
func logarithmNearOne(_ x: DoubleLanes) -> DoubleLanes {
  let r = x - 1.0
  let rhi = unsafeBitCast(unsafeBitCast(r, to: BitLanes.self) & (~0 << 32), to: DoubleLanes.self)
  let (head, tail) = logarithmNearOne(r, rhi: rhi)
  return head + tail
}

/// The vector natural logarithm of positive normal lanes: the near-one polynomial where a
/// lane is within 2^-5 of 1, the table elsewhere (each computed only if some lane needs it).
@inline(__always)
func logarithmLanes(_ x: DoubleLanes, _ tables: MathTablePointers) -> DoubleLanes {
  let near = x .> 0x1.fp-1 .& x .< 0x1.08p0
  if !anyLane(near) { return logarithmMain(x, tables) }
  if allLanes(near) { return logarithmNearOne(x) }
  return logarithmMain(x, tables).replacing(with: logarithmNearOne(x), where: near)
}

/// An elementwise function as a vector kernel, the lanes it hands back to the scalar
/// function, and that function. Loops are generic over it, so each one is specialized and the
/// kernel inlined into it (a closure would be called once per vector).
protocol LaneKernel {
  static func vector(_ x: DoubleLanes, _ tables: MathTablePointers) -> DoubleLanes
  static func needsScalar(_ x: DoubleLanes) -> LaneMask
  static func scalar(_ x: Double, _ tables: MathTablePointers) -> Double
}

extension LaneKernel {
  /// The function of every lane of `x`: the vector kernel, and the scalar function for the
  /// lanes `needsScalar` marks.
  @inline(__always)
  static func lanes(_ x: DoubleLanes, _ tables: MathTablePointers) -> DoubleLanes {
    var y = vector(x, tables)
    let special = needsScalar(x)
    if anyLane(special) {
      for lane in 0..<DoubleLanes.scalarCount where special[lane] { y[lane] = scalar(x[lane], tables) }
    }
    return y
  }
}

/// `Kernel.lanes(x, tables)` as a call to one copy of it: the vector functions are hundreds of
/// instructions, beside which a call per vector costs little, and the browser's module, which
/// travels with every page, carries one copy of each instead of one per use.
@inline(never)
func lanesOutOfLine<Kernel: LaneKernel>(_ kernel: Kernel.Type, _ x: DoubleLanes, _ tables: MathTablePointers)
  -> DoubleLanes
{
  Kernel.lanes(x, tables)
}

/// Applies `Kernel` to a buffer, a vector at a time, and its scalar function to the rest and to
/// every lane `needsScalar` marks.
@inline(__always)
func applyElementwise<Kernel: LaneKernel>(
  _ kernel: Kernel.Type, _ input: UnsafeBufferPointer<Double>,
  _ output: UnsafeMutableBufferPointer<Double>, _ tables: MathTablePointers
) {
  let n = input.count
  guard let source = input.baseAddress, let target = output.baseAddress else { return }
  let width = DoubleLanes.scalarCount
  var i = 0
  while i + width <= n {
    let x = UnsafeRawPointer(source + i).loadUnaligned(as: DoubleLanes.self)
    #if hasFeature(Embedded)
      let y = lanesOutOfLine(kernel, x, tables)
    #else
      let y = Kernel.lanes(x, tables)
    #endif
    UnsafeMutableRawPointer(target + i).storeBytes(of: y, as: DoubleLanes.self)
    i += width
  }
  while i < n {
    target[i] = Kernel.scalar(source[i], tables)
    i += 1
  }
}
