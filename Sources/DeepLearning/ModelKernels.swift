/// Single-pass loops the models use on their hot paths: one allocation per result, no
/// broadcasting machinery, no intermediate tensors.
enum ModelKernels {
  /// `combine` applied to matching elements of two tensors of the same shape.
  static func zip(
    _ a: Tensor, _ b: Tensor, _ what: StaticString, _ combine: (Double, Double) -> Double
  ) -> Tensor {
    guard a.shape == b.shape else {
      fatalError("\(what): shapes \(a.shape) and \(b.shape) differ")
    }
    let n = a.scalars.count
    let values = [Double](unsafeUninitializedCapacity: n) { out, initialized in
      a.scalars.withUnsafeBufferPointer { x in
        b.scalars.withUnsafeBufferPointer { y in
          for i in 0..<n { out[i] = combine(x[i], y[i]) }
        }
      }
      initialized = n
    }
    return Tensor(shape: a.shape, scalars: values)
  }

  /// Replaces every element of `t` by `combine(element, other's element)`, in place.
  static func formZip(
    _ t: inout Tensor, _ other: Tensor, _ what: StaticString, _ combine: (Double, Double) -> Double
  ) {
    guard t.shape == other.shape else {
      fatalError("\(what): shapes \(t.shape) and \(other.shape) differ")
    }
    other.scalars.withUnsafeBufferPointer { y in
      t.scalars.withUnsafeMutableBufferPointer { x in
        for i in x.indices { x[i] = combine(x[i], y[i]) }
      }
    }
  }

  /// Adds the column `b` (shape `(n, 1)`) to every column of `z` (shape `(n, m)`), in place:
  /// numpy's `Z + b` broadcast for the course's bias vectors.
  static func addColumn(_ z: inout Tensor, _ b: Tensor) {
    guard z.rank == 2, b.shape == [z.shape[0], 1] else {
      fatalError(broadcastErrorMessage(z.shape, b.shape))
    }
    let columns = z.shape[1]
    b.scalars.withUnsafeBufferPointer { bias in
      z.scalars.withUnsafeMutableBufferPointer { x in
        for row in 0..<bias.count {
          let offset = row * columns
          let value = bias[row]
          for j in 0..<columns { x[offset + j] += value }
        }
      }
    }
  }
}
