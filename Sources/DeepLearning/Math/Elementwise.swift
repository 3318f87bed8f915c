// The library's exp, log, tanh and sigmoid over whole tensors: a vector at a time
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

  /// A tensor of the same shape, computed a vector at a time by `Kernel`.
  @inline(__always)
  func mapLanes<Kernel: LaneKernel>(_ kernel: Kernel.Type) -> Tensor {
    let tables = MathTablePointers.shared
    let n = scalars.count
    let values = [Double](unsafeUninitializedCapacity: n) { out, initialized in
      scalars.withUnsafeBufferPointer { x in applyElementwise(kernel, x, out, tables) }
      initialized = n
    }
    return Tensor(shape: shape, scalars: values)
  }

  /// The library's exp of every element.
  func elementwiseExp() -> Tensor { mapLanes(ExpKernel.self) }
  /// The library's natural logarithm of every element.
  func elementwiseLog() -> Tensor { mapLanes(LogKernel.self) }
  /// The library's tanh of every element.
  func elementwiseTanh() -> Tensor { mapLanes(TanhKernel.self) }
  /// The library's sigmoid of every element.
  func elementwiseSigmoid() -> Tensor { mapLanes(SigmoidKernel.self) }
}

enum ExpKernel: LaneKernel {
  @inline(__always) static func vector(_ x: DoubleLanes, _ tables: MathTablePointers) -> DoubleLanes {
    let (scale, tmp) = exponentialParts(x, tables)
    return scale + scale * tmp
  }
  @inline(__always) static func needsScalar(_ x: DoubleLanes) -> LaneMask {
    .!(x .< 704 .& x .> -704)
  }
  @inline(__always) static func scalar(_ x: Double, _ tables: MathTablePointers) -> Double {
    deterministicExp(x, tables)
  }
}

enum LogKernel: LaneKernel {
  @inline(__always) static func vector(_ x: DoubleLanes, _ tables: MathTablePointers) -> DoubleLanes {
    logarithmLanes(x, tables)
  }
  @inline(__always) static func needsScalar(_ x: DoubleLanes) -> LaneMask {
    .!(x .>= 0x1p-1022 .& x .< .infinity)
  }
  @inline(__always) static func scalar(_ x: Double, _ tables: MathTablePointers) -> Double {
    deterministicLog(x, tables)
  }
}

enum TanhKernel: LaneKernel {
  @inline(__always) static func vector(_ x: DoubleLanes, _ tables: MathTablePointers) -> DoubleLanes {
    deterministicTanh(x, tables)
  }
  /// None: the vector function takes every lane.
  @inline(__always) static func needsScalar(_ x: DoubleLanes) -> LaneMask { LaneMask(repeating: false) }
  @inline(__always) static func scalar(_ x: Double, _ tables: MathTablePointers) -> Double {
    deterministicTanh(x, tables)
  }
}

enum SigmoidKernel: LaneKernel {
  @inline(__always) static func vector(_ x: DoubleLanes, _ tables: MathTablePointers) -> DoubleLanes {
    sigmoidInRange(x, tables)
  }
  @inline(__always) static func needsScalar(_ x: DoubleLanes) -> LaneMask {
    .!(x .> -40 .& x .< 40)
  }
  @inline(__always) static func scalar(_ x: Double, _ tables: MathTablePointers) -> Double {
    deterministicSigmoid(x, tables)
  }
}
