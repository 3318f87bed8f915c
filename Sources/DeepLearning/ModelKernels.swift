#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Single-pass loops the models use on their hot paths: one allocation per result, no
/// broadcasting machinery, no intermediate tensors.
enum ModelKernels {
  /// `transform` applied to every element; the result has `t`'s shape.
  static func map(_ t: Tensor, _ transform: (Double) -> Double) -> Tensor {
    let n = t.scalars.count
    let values = [Double](unsafeUninitializedCapacity: n) { out, initialized in
      t.scalars.withUnsafeBufferPointer { x in
        for i in 0..<n { out[i] = transform(x[i]) }
      }
      initialized = n
    }
    return Tensor(shape: t.shape, scalars: values)
  }

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
      fatalError(
        "operands could not be broadcast together with shapes \(compact(z.shape)) \(compact(b.shape)) ")
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

  /// The sums of the rows of a matrix as a column `(n, 1)` (numpy's
  /// `np.sum(a, axis=1, keepdims=True)`), added in numpy's pairwise order.
  static func rowSums(_ t: Tensor) -> Tensor {
    guard t.rank == 2 else { fatalError("rowSums needs a matrix, got shape \(t.shape)") }
    let rows = t.shape[0]
    let columns = t.shape[1]
    var sums = [Double](repeating: 0, count: rows)
    t.scalars.withUnsafeBufferPointer { x in
      for row in 0..<rows {
        sums[row] = pairwiseSum(UnsafeBufferPointer(rebasing: x[(row * columns)..<((row + 1) * columns)]))
      }
    }
    return Tensor(shape: [rows, 1], scalars: sums)
  }

  /// The sum of all elements, added in numpy's pairwise order.
  static func sum(_ t: Tensor) -> Double {
    t.scalars.withUnsafeBufferPointer { pairwiseSum($0) }
  }

  /// numpy's sum of a contiguous run: halves split at multiples of 8 down to blocks of at most
  /// 128 elements, each added with eight running sums (so results agree with numpy's bits).
  static func pairwiseSum(_ a: UnsafeBufferPointer<Double>) -> Double {
    let n = a.count
    if n < 8 {
      var result = 0.0
      for i in 0..<n { result += a[i] }
      return result
    }
    if n <= 128 {
      var r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3]
      var r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7]
      var i = 8
      let end = n - n % 8
      while i < end {
        r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3]
        r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7]
        i += 8
      }
      var result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
      while i < n {
        result += a[i]
        i += 1
      }
      return result
    }
    var half = n / 2
    half -= half % 8
    return pairwiseSum(UnsafeBufferPointer(rebasing: a[0..<half]))
      + pairwiseSum(UnsafeBufferPointer(rebasing: a[half...]))
  }

  /// A shape the way numpy writes it in broadcasting errors: `(2,3)`.
  static func compact(_ shape: Shape) -> String {
    shape.count == 1
      ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ",") + ")"
  }

  /// `value` formatted like C's and Python's `%f` (six decimals, `%.6f`), as the course's
  /// `print("Cost after iteration %i: %f" % (i, cost))` shows it.
  static func fixed(_ value: Double, decimals: Int = 6) -> String {
    var buffer = [CChar](repeating: 0, count: 512)
    _ = withVaList([value]) { arguments in
      vsnprintf(&buffer, buffer.count, "%.\(decimals)f", arguments)
    }
    let length = buffer.firstIndex(of: 0) ?? buffer.count
    return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
