/// numpy's pairwise summation (`pairwise_sum_DOUBLE`): eight running partial sums per block of
/// up to 128 values, halves above that. Reproduces numpy's `sum` to the last bit for contiguous
/// data, which keeps printed costs identical to the course notebooks.
///
/// The eight partial sums of a block are the lanes of one vector: lane `l` adds the values at
/// `8i + l` in order, exactly as numpy's unrolled loop does, eight additions to an instruction.
@inline(__always)
func pairwiseSum(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
  if n < 8 {
    var result = 0.0
    for i in 0..<n { result += p[i] }
    return result
  }
  if n <= 128 {
    let raw = UnsafeRawPointer(p)
    var r = raw.loadUnaligned(as: SIMD8<Double>.self)
    var i = 8
    let blockEnd = n - n % 8
    while i < blockEnd {
      r = r + raw.loadUnaligned(fromByteOffset: i * 8, as: SIMD8<Double>.self)
      i += 8
    }
    var result = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
    while i < n {
      result += p[i]
      i += 1
    }
    return result
  }
  var half = n / 2
  half -= half % 8
  return pairwiseSum(p, half) + pairwiseSum(p + half, n - half)
}

extension Tensor {
  /// `axis` made non-negative (numpy accepts `-1` for the last axis); traps like numpy if out of range.
  func normalizedAxis(_ axis: Int) -> Int {
    let a = axis < 0 ? axis + rank : axis
    guard a >= 0 && a < Swift.max(rank, 1) && rank > 0 else {
      fatalError("axis \(axis) is out of bounds for array of dimension \(rank)")
    }
    return a
  }

  /// Reduces along `axis`, viewing the data as `(outer, n, inner)`: `contiguous` reduces a run of
  /// `n` adjacent values (when `axis` is the last one with extent > 1), otherwise the values are
  /// folded in order along the axis with `initial` and `accumulate`, as numpy's loops do.
  @inline(__always)
  func reduce(
    axis: Int, keepDims: Bool,
    contiguous: (UnsafePointer<Double>, Int) -> Double,
    initial: (Double) -> Double,
    accumulate: (Double, Double) -> Double,
    finish: (Double) -> Double = { $0 }
  ) -> Tensor {
    let a = normalizedAxis(axis)
    let dims = shape.dimensions
    let outer = dims[..<a].reduce(1, *)
    let n = dims[a]
    let inner = dims[(a + 1)...].reduce(1, *)
    var resultDims = dims
    if keepDims { resultDims[a] = 1 } else { resultDims.remove(at: a) }
    let total = outer * inner
    let values = scalars.withUnsafeBufferPointer { buffer in
      [Double](unsafeUninitializedCapacity: total) { result, count in
        count = total
        guard total > 0, let out = result.baseAddress else { return }
        guard let p = buffer.baseAddress else {
          for k in 0..<total { out[k] = finish(0) }
          return
        }
        if inner == 1 {
          for o in 0..<outer { out[o] = finish(contiguous(p + o * n, n)) }
        } else if n == 0 {
          for k in 0..<total { out[k] = finish(0) }
        } else {
          for o in 0..<outer {
            let base = p + o * n * inner
            let row = out + o * inner
            for j in 0..<inner { row[j] = initial(base[j]) }
            for i in 1..<n {
              let src = base + i * inner
              for j in 0..<inner { row[j] = accumulate(row[j], src[j]) }
            }
            for j in 0..<inner { row[j] = finish(row[j]) }
          }
        }
      }
    }
    return Tensor(shape: Shape(resultDims), scalars: values)
  }

  /// The sum of all elements (numpy's `np.sum(a)`, pairwise like numpy). numpy adds the pairwise
  /// sum to its identity, 0.0, so a sum of negative zeros is +0.0, as here.
  public func sum() -> Double {
    scalars.withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return 0 }
      return 0 + pairwiseSum(base, p.count)
    }
  }

  /// numpy's sum, max, min and argmax accept axis 0 (or -1) on a rank-0 tensor: the reduction
  /// of its one value, of rank 0 (its mean does not, and neither does the library's). nil for
  /// any other rank. `dimension` is the rank numpy's message names for a bad axis (argmax
  /// flattens first, so it says 1).
  func reducingRankZero(axis: Int, dimension: Int = 0, _ reduction: (Tensor) -> Tensor) -> Tensor? {
    guard rank == 0 else { return nil }
    guard axis == 0 || axis == -1 else {
      fatalError("axis \(axis) is out of bounds for array of dimension \(dimension)")
    }
    return Tensor(reduction(reshaped([1])).scalars[0])
  }

  /// The mean of all elements (numpy's `np.mean(a)`); nan for an empty tensor.
  public func mean() -> Double { sum() / Double(count) }

  /// The largest element (numpy's `np.max(a)`; nan if any element is nan).
  public func max() -> Double {
    guard !scalars.isEmpty else {
      fatalError("zero-size array to reduction operation maximum which has no identity")
    }
    return scalars.withUnsafeBufferPointer { p in sequentialMaximum(p.baseAddress!, p.count) }
  }

  /// The smallest element (numpy's `np.min(a)`; nan if any element is nan).
  public func min() -> Double {
    guard !scalars.isEmpty else {
      fatalError("zero-size array to reduction operation minimum which has no identity")
    }
    return scalars.withUnsafeBufferPointer { p in sequentialMinimum(p.baseAddress!, p.count) }
  }

  /// Sums along `axis` (numpy's `np.sum(a, axis=axis, keepdims=keepDims)`).
  public func sum(axis: Int, keepDims: Bool = false) -> Tensor {
    if let value = reducingRankZero(axis: axis, { $0.sum(axis: 0) }) { return value }
    return reduce(
      axis: axis, keepDims: keepDims, contiguous: { 0 + pairwiseSum($0, $1) },
      initial: { 0 + $0 }, accumulate: +)
  }

  /// Averages along `axis` (numpy's `np.mean(a, axis=axis, keepdims=keepDims)`).
  public func mean(axis: Int, keepDims: Bool = false) -> Tensor {
    let n = Double(shape.dimensions[normalizedAxis(axis)])
    return reduce(
      axis: axis, keepDims: keepDims, contiguous: { 0 + pairwiseSum($0, $1) },
      initial: { 0 + $0 }, accumulate: +, finish: { $0 / n })
  }

  /// The maximum along `axis` (numpy's `np.max(a, axis=axis, keepdims=keepDims)`).
  public func max(axis: Int, keepDims: Bool = false) -> Tensor {
    if let value = reducingRankZero(axis: axis, { $0.max(axis: 0) }) { return value }
    guard shape.dimensions[normalizedAxis(axis)] > 0 else {
      fatalError("zero-size array to reduction operation maximum which has no identity")
    }
    return reduce(
      axis: axis, keepDims: keepDims, contiguous: { sequentialMaximum($0, $1) },
      initial: { $0 }, accumulate: propagatingMaximum)
  }

  /// The minimum along `axis` (numpy's `np.min(a, axis=axis, keepdims=keepDims)`).
  public func min(axis: Int, keepDims: Bool = false) -> Tensor {
    if let value = reducingRankZero(axis: axis, { $0.min(axis: 0) }) { return value }
    guard shape.dimensions[normalizedAxis(axis)] > 0 else {
      fatalError("zero-size array to reduction operation minimum which has no identity")
    }
    return reduce(
      axis: axis, keepDims: keepDims, contiguous: { sequentialMinimum($0, $1) },
      initial: { $0 }, accumulate: propagatingMinimum)
  }

  /// The flat index of the first largest element (numpy's `np.argmax(a)`; a nan counts as largest).
  public func argmax() -> Int {
    guard !scalars.isEmpty else { fatalError("attempt to get argmax of an empty sequence") }
    return scalars.withUnsafeBufferPointer { p in firstMaximumIndex(p.baseAddress!, p.count, 1) }
  }

  /// The indices (as `Double`s) of the first largest element along `axis` (numpy's
  /// `np.argmax(a, axis=axis)`); the axis is removed.
  public func argmax(axis: Int) -> Tensor {
    if let value = reducingRankZero(axis: axis, dimension: 1, { $0.argmax(axis: 0) }) { return value }
    let a = normalizedAxis(axis)
    let dims = shape.dimensions
    let outer = dims[..<a].reduce(1, *)
    let n = dims[a]
    let inner = dims[(a + 1)...].reduce(1, *)
    guard n > 0 else { fatalError("attempt to get argmax of an empty sequence") }
    var resultDims = dims
    resultDims.remove(at: a)
    var values = [Double](repeating: 0, count: outer * inner)
    scalars.withUnsafeBufferPointer { p in
      for o in 0..<outer {
        for j in 0..<inner {
          values[o * inner + j] = Double(firstMaximumIndex(p.baseAddress! + o * n * inner + j, n, inner))
        }
      }
    }
    return Tensor(shape: Shape(resultDims), scalars: values)
  }
}

@inline(__always)
func sequentialMaximum(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
  var result = p[0]
  for i in 1..<Swift.max(n, 1) { result = propagatingMaximum(result, p[i]) }
  return result
}

@inline(__always)
func sequentialMinimum(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
  var result = p[0]
  for i in 1..<Swift.max(n, 1) { result = propagatingMinimum(result, p[i]) }
  return result
}

/// The index of the first maximum among `n` values `stride` apart; the first nan wins, as in numpy.
func firstMaximumIndex(_ p: UnsafePointer<Double>, _ n: Int, _ stride: Int) -> Int {
  var best = 0
  var value = p[0]
  if value.isNaN { return 0 }
  for i in 1..<Swift.max(n, 1) {
    let v = p[i * stride]
    if v.isNaN { return i }
    if v > value {
      value = v
      best = i
    }
  }
  return best
}
