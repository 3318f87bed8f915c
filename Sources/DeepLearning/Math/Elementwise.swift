// The library's exp, log, tanh and sigmoid over whole tensors: four lanes at a time
// (VectorKernels.swift), the same bits as the scalar functions element by element.

extension Tensor {
  /// A tensor of the same shape with `f` applied to every element, the tables fetched once for
  /// the whole buffer.
  @inline(__always)
  func mapElementary(_ f: (Double, MathTablePointers) -> Double) -> Tensor {
    let tables = MathTablePointers.shared
    let n = scalars.count
    let values = [Double](unsafeUninitializedCapacity: n) { out, initialized in
      scalars.withUnsafeBufferPointer { x in
        for i in 0..<n { out[i] = f(x[i], tables) }
      }
      initialized = n
    }
    return Tensor(shape: shape, scalars: values)
  }

  /// A tensor of the same shape, computed four elements at a time by `vector`, with the lanes
  /// `needsScalar` marks (and the last `count % 4` elements) computed by `scalar`.
  @inline(__always)
  func mapLanes(
    vector: (DoubleX4, MathTablePointers) -> DoubleX4,
    needsScalar: (DoubleX4) -> SIMDMask<SIMD4<Int64>>,
    scalar: (Double, MathTablePointers) -> Double
  ) -> Tensor {
    let tables = MathTablePointers.shared
    let n = scalars.count
    let values = [Double](unsafeUninitializedCapacity: n) { out, initialized in
      scalars.withUnsafeBufferPointer { x in
        applyElementwise(
          x, out, vector: { vector($0, tables) }, needsScalar: needsScalar,
          scalar: { scalar($0, tables) })
      }
      initialized = n
    }
    return Tensor(shape: shape, scalars: values)
  }

  /// The library's exp of every element.
  func elementwiseExp() -> Tensor {
    mapLanes(
      vector: { x, tables in
        let (scale, tmp) = exponentialParts(x, tables)
        return scale + scale * tmp
      },
      needsScalar: { x in .!(x .< 704 .& x .> -704) },
      scalar: deterministicExp)
  }

  /// The library's natural logarithm of every element.
  func elementwiseLog() -> Tensor {
    mapLanes(
      vector: logarithmLanes,
      needsScalar: { x in .!(x .>= 0x1p-1022 .& x .< .infinity) },
      scalar: deterministicLog)
  }

  /// The library's tanh of every element.
  func elementwiseTanh() -> Tensor {
    mapLanes(vector: deterministicTanh, needsScalar: { x in x .!= x }, scalar: deterministicTanh)
  }

  /// The library's sigmoid of every element.
  func elementwiseSigmoid() -> Tensor {
    mapLanes(
      vector: sigmoidInRange, needsScalar: { z in .!(z .> -40 .& z .< 40) },
      scalar: deterministicSigmoid)
  }
}
