// Four-lane versions of exp, log, tanh and the sigmoid for loops over buffers: the table
// lookups and bit manipulations lane by lane, the arithmetic the same generic code as the scalar
// functions' (Exponential.swift, Logarithm.swift, Hyperbolic.swift), so a tensor's elements are
// the scalar functions' bits. Lanes outside a kernel's main range (nan, infinities,
// subnormals, results near overflow) are recomputed by the scalar function.

typealias DoubleX4 = SIMD4<Double>
typealias BitsX4 = SIMD4<UInt64>

/// The four-lane ``exponentialParts(_:tail:_:)`` (tail 0), for lanes with |x| < 704.
@inline(__always)
func exponentialParts(_ x: DoubleX4, _ tables: MathTablePointers) -> (scale: DoubleX4, tmp: DoubleX4) {
  let shift = DoubleX4(repeating: 0x1.8p52)
  let shifted = x * MathTables.invLn2N + shift
  let kd = shifted - shift
  let r = exponentialRemainder(x, kd, tail: DoubleX4(repeating: 0))
  // The low bits of `shifted` hold k in two's complement: j = k mod 128, and (k - j) << 45
  // is e << 52 (the shift's own bits leave the word).
  let ki = unsafeBitCast(shifted, to: BitsX4.self)
  let j = ki & 127
  let top = (ki &- j) &<< 45
  let scaleBits = BitsX4(
    tables.expScaleBits[Int(j[0])], tables.expScaleBits[Int(j[1])],
    tables.expScaleBits[Int(j[2])], tables.expScaleBits[Int(j[3])])
  let tail = DoubleX4(
    tables.expTail[Int(j[0])], tables.expTail[Int(j[1])], tables.expTail[Int(j[2])],
    tables.expTail[Int(j[3])])
  return (unsafeBitCast(scaleBits &+ top, to: DoubleX4.self), exponentialTmp(r, tableTail: tail))
}

/// The four-lane tanh: every lane as ``deterministicTanh(_:_:)``.
@inline(__always)
func deterministicTanh(_ x: DoubleX4, _ tables: MathTablePointers) -> DoubleX4 {
  let a = x.replacing(with: -x, where: x .< 0)
  let smallLanes = a .< 0.0625
  if all(smallLanes) { return tanhPolynomial(x).replacing(with: x, where: a .< 0x1p-27) }
  // 22 and beyond round to 1; so does the formula at 22.
  let clamped = a.replacing(with: 22, where: a .> 22)
  let large = tanhOfMagnitude(clamped, tables)
  // The polynomial is computed for every lane and selected where it applies: a branch here
  // would lead LLVM to split the quotient's vector arithmetic into scalar pieces.
  return large.replacing(with: -large, where: x .< 0)
    .replacing(with: tanhPolynomial(x), where: smallLanes)
    .replacing(with: x, where: a .< 0x1p-27)
}

/// tanh|x| for 1/16 <= |x| <= 22 lane by lane: 1 - 2/(E + 1), E = exp(2|x|).
@inline(__always)
func tanhOfMagnitude(_ a: DoubleX4, _ tables: MathTablePointers) -> DoubleX4 {
  let (scale, tmp) = exponentialParts(2 * a, tables)
  return tanhFromExponential(scale: scale, tmp: tmp)
}

/// The four-lane sigmoid for lanes with -40 < z < 40: every lane as ``deterministicSigmoid(_:_:)``.
@inline(__always)
func sigmoidInRange(_ z: DoubleX4, _ tables: MathTablePointers) -> DoubleX4 {
  let negativeMagnitude = z.replacing(with: -z, where: z .>= 0)
  let (scale, tmp) = exponentialParts(negativeMagnitude, tables)
  let (e, eTail, d, de) = sigmoidParts(scale: scale, tmp: tmp)
  let positive = z .>= 0
  let numerator = e.replacing(with: 1, where: positive)
  let numeratorTail = eTail.replacing(with: 0, where: positive)
  return correctedQuotient(numerator, numeratorTail, d, de)
}

/// The four-lane ``logarithmParts(_:_:)`` summed, for positive normal lanes.
@inline(__always)
func logarithmMain(_ x: DoubleX4, _ tables: MathTablePointers) -> DoubleX4 {
  let offset: UInt64 = 0x3fe6_0000_0000_0000
  let ix = unsafeBitCast(x, to: BitsX4.self)
  let tmp = ix &- offset
  let i = (tmp &>> 45) & 127
  let k = unsafeBitCast(tmp, to: SIMD4<Int64>.self) &>> 52
  let iz = ix &- (tmp & (0xfff << 52))
  let z = unsafeBitCast(iz, to: DoubleX4.self)
  let invc = DoubleX4(
    tables.logInvC[Int(i[0])], tables.logInvC[Int(i[1])], tables.logInvC[Int(i[2])],
    tables.logInvC[Int(i[3])])
  let logcHi = DoubleX4(
    tables.logCHi[Int(i[0])], tables.logCHi[Int(i[1])], tables.logCHi[Int(i[2])],
    tables.logCHi[Int(i[3])])
  let logcLo = DoubleX4(
    tables.logCLo[Int(i[0])], tables.logCLo[Int(i[1])], tables.logCLo[Int(i[2])],
    tables.logCLo[Int(i[3])])
  let zhi = unsafeBitCast((iz &+ (1 << 31)) & (~0 << 32), to: DoubleX4.self)
  let kd = DoubleX4(Double(k[0]), Double(k[1]), Double(k[2]), Double(k[3]))
  let (head, tail) = logarithmFromTable(
    z: z, zhi: zhi, invc: invc, kd: kd, logcHi: logcHi, logcLo: logcLo)
  return head + tail
}

/// The four-lane log1p(x - 1) for lanes within 2^-5 of 1, as ``logarithmNearOne(_:)`` summed.
@inline(__always)
func logarithmNearOne(_ x: DoubleX4) -> DoubleX4 {
  let r = x - 1.0
  let rhi = unsafeBitCast(unsafeBitCast(r, to: BitsX4.self) & (~0 << 32), to: DoubleX4.self)
  let (head, tail) = logarithmNearOne(r, rhi: rhi)
  return head + tail
}

/// The four-lane natural logarithm of positive normal lanes: the near-one polynomial where a
/// lane is within 2^-5 of 1, the table elsewhere (each computed only if some lane needs it).
@inline(__always)
func logarithmLanes(_ x: DoubleX4, _ tables: MathTablePointers) -> DoubleX4 {
  let near = x .> 0x1.fp-1 .& x .< 0x1.08p0
  if !any(near) { return logarithmMain(x, tables) }
  if all(near) { return logarithmNearOne(x) }
  return logarithmMain(x, tables).replacing(with: logarithmNearOne(x), where: near)
}

/// An elementwise function as a four-lane kernel, the lanes it hands back to the scalar
/// function, and that function. Loops are generic over it, so each one is specialized and the
/// kernel inlined into it (a closure would be called once per four elements).
protocol LaneKernel {
  static func vector(_ x: DoubleX4, _ tables: MathTablePointers) -> DoubleX4
  static func needsScalar(_ x: DoubleX4) -> SIMDMask<SIMD4<Int64>>
  static func scalar(_ x: Double, _ tables: MathTablePointers) -> Double
}

/// Applies `Kernel` to a buffer, four elements at a time, and its scalar function to the rest
/// and to every lane `needsScalar` marks.
@inline(__always)
func applyElementwise<Kernel: LaneKernel>(
  _ kernel: Kernel.Type, _ input: UnsafeBufferPointer<Double>,
  _ output: UnsafeMutableBufferPointer<Double>, _ tables: MathTablePointers
) {
  let n = input.count
  guard let source = input.baseAddress, let target = output.baseAddress else { return }
  var i = 0
  while i + 4 <= n {
    let x = UnsafeRawPointer(source + i).loadUnaligned(as: DoubleX4.self)
    var y = Kernel.vector(x, tables)
    let special = Kernel.needsScalar(x)
    if any(special) {
      for lane in 0..<4 where special[lane] { y[lane] = Kernel.scalar(x[lane], tables) }
    }
    UnsafeMutableRawPointer(target + i).storeBytes(of: y, as: DoubleX4.self)
    i += 4
  }
  while i < n {
    target[i] = Kernel.scalar(source[i], tables)
    i += 1
  }
}
