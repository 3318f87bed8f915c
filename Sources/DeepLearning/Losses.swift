/// The number of examples in a tensor laid out with examples in columns: the last axis of a
/// matrix (`Y` of shape `(1, m)`), or the element count of a vector.
func exampleCount(_ t: Tensor) -> Int {
  t.rank >= 2 ? t.shape[t.rank - 1] : t.count
}

/// The cross-entropy cost of predictions `a` against 0/1 labels `y`, averaged over examples:
/// `-(1/m) * sum(y * log(a) + (1 - y) * log(1 - a))`, the course's `compute_cost`.
///
/// Examples are columns, so `m` is the number of columns (for a rank-1 `y`, its length). The
/// sum is taken in numpy's pairwise order. A prediction of exactly 0 or 1 for the opposite
/// label gives `inf` or `nan`, as in numpy.
/// - Precondition: `a` and `y` have the same shape.
public func binaryCrossEntropy(_ a: Tensor, _ y: Tensor) -> Double {
  guard a.shape == y.shape else {
    fatalError("binaryCrossEntropy: shapes \(a.shape) and \(y.shape) differ")
  }
  let tables = MathTablePointers.shared
  let n = a.count
  let terms = [Double](unsafeUninitializedCapacity: n) { out, initialized in
    a.scalars.withUnsafeBufferPointer { pa in
      y.scalars.withUnsafeBufferPointer { py in
        crossEntropyTerms(pa, py, out, tables)
      }
    }
    initialized = n
  }
  return -Tensor(shape: a.shape, scalars: terms).sum() / Double(exampleCount(y))
}

/// `log(a) * y + log(1 - a) * (1 - y)` for every element. For a label of exactly 1 (or 0) the
/// other product is a signed zero whenever its log is finite, and adding it changes nothing, so
/// only the log that matters is taken (a vector at a time); other labels take the formula.
#if hasFeature(Embedded)
  // One copy in the browser module, which travels with every page (see BrowserBuild.swift).
  @inline(never)
#else
  @inline(__always)
#endif
func crossEntropyTerms(
  _ a: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>,
  _ out: UnsafeMutableBufferPointer<Double>, _ tables: MathTablePointers
) {
  @inline(__always)
  func term(_ a: Double, _ y: Double) -> Double {
    if y == 1 && a < 1 { return deterministicLog(a, tables) }
    if y == 0 && a > 0 && a < .infinity { return deterministicLog(1 - a, tables) }
    return deterministicLog(a, tables) * y + deterministicLog(1 - a, tables) * (1 - y)
  }
  let n = a.count
  let width = DoubleLanes.scalarCount
  var i = 0
  while i + width <= n {
    let av = UnsafeRawPointer(a.baseAddress! + i).loadUnaligned(as: DoubleLanes.self)
    let yv = UnsafeRawPointer(y.baseAddress! + i).loadUnaligned(as: DoubleLanes.self)
    let one = yv .== 1 .& av .< 1
    let zero = yv .== 0 .& av .> 0 .& av .< .infinity
    let argument = (1 - av).replacing(with: av, where: one)
    var logs = logarithmLanes(argument, tables)
    let special = .!(one .| zero) .| .!(argument .>= 0x1p-1022 .& argument .< .infinity)
    if anyLane(special) {
      for lane in 0..<width where special[lane] { logs[lane] = term(av[lane], yv[lane]) }
    }
    UnsafeMutableRawPointer(out.baseAddress! + i).storeBytes(of: logs, as: DoubleLanes.self)
    i += width
  }
  while i < n {
    out[i] = term(a[i], y[i])
    i += 1
  }
}

/// The gradient of the cross-entropy with respect to the predictions (before averaging):
/// `-(y / a - (1 - y) / (1 - a))`, the course's `dAL`.
public func binaryCrossEntropyDerivative(_ a: Tensor, _ y: Tensor) -> Tensor {
  ModelKernels.zip(a, y, "binaryCrossEntropyDerivative") { a, y in
    -(y / a - (1 - y) / (1 - a))
  }
}

/// The percentage of predictions equal to the labels (both 0/1 tensors of the same shape):
/// the course's `100 - np.mean(np.abs(prediction - Y)) * 100`, so nan for empty tensors, as
/// numpy's mean of nothing is.
public func accuracy(_ predictions: Tensor, _ labels: Tensor) -> Double {
  let misses = ModelKernels.zip(predictions, labels, "accuracy") { p, y in abs(p - y) }
  return 100 - misses.mean() * 100
}
