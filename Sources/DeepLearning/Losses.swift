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
  let terms = ModelKernels.zip(a, y, "binaryCrossEntropy") { a, y in
    log(a) * y + log(1 - a) * (1 - y)
  }
  return -terms.sum() / Double(exampleCount(y))
}

/// The gradient of the cross-entropy with respect to the predictions (before averaging):
/// `-(y / a - (1 - y) / (1 - a))`, the course's `dAL`.
public func binaryCrossEntropyDerivative(_ a: Tensor, _ y: Tensor) -> Tensor {
  ModelKernels.zip(a, y, "binaryCrossEntropyDerivative") { a, y in
    -(y / a - (1 - y) / (1 - a))
  }
}

/// The percentage of predictions equal to the labels (both 0/1 tensors of the same shape):
/// the course's `100 - np.mean(np.abs(prediction - Y)) * 100`.
public func accuracy(_ predictions: Tensor, _ labels: Tensor) -> Double {
  let misses = ModelKernels.zip(predictions, labels, "accuracy") { p, y in abs(p - y) }
  return 100 - misses.sum() / Double(max(misses.count, 1)) * 100
}
