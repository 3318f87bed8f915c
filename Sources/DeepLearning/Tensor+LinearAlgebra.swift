#if !hasFeature(Embedded)
  import COpenBLAS
#endif

/// Matrix products with numpy's rules: `dot` (np.dot), `matmul` (np.matmul), `outer`, and the
/// transposing fast path ``Tensor/matmul(_:_:transposeA:transposeB:)``.
///
/// Every product here runs the library's own kernel (``MatrixKernel``), whose summation order
/// is fixed by the shapes alone, so a product is the same bits on every CPU, thread count and
/// SIMD width. OpenBLAS, whose kernels differ from one CPU to the next in the last bits, is
/// used only where asked for by name: ``Tensor/blasMatmul(_:_:transposeA:transposeB:)``.
extension Tensor {
  /// The product `op(a) · op(b)` of two rank-2 tensors, where `op` transposes when asked,
  /// without materializing a transpose (`Tensor.matmul(W, A, transposeA: true, ...)` is `W.T @ A`).
  public static func matmul(
    _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false
  ) -> Tensor {
    matrixProduct(a, b, transposeA: transposeA, transposeB: transposeB, useBLAS: false)
  }

  /// `op(a) · op(b)` through OpenBLAS's `cblas_dgemm`: faster on large products (about 4x the
  /// library's kernel at n = 1024 on two cores), but its last bits depend on the CPU OpenBLAS
  /// picks a kernel for and on its thread count, so a value computed this way may print
  /// differently on another machine. For benchmarks and for work where reproducibility does not
  /// matter; chapters use ``matmul(_:_:transposeA:transposeB:)``.
  public static func blasMatmul(
    _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false
  ) -> Tensor {
    matrixProduct(a, b, transposeA: transposeA, transposeB: transposeB, useBLAS: true)
  }

  /// `op(a) · op(b)` of two rank-2 tensors, by the library's kernel or by OpenBLAS.
  static func matrixProduct(
    _ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool, useBLAS: Bool
  ) -> Tensor {
    let (m, n, k) = productShape(a, b, transposeA: transposeA, transposeB: transposeB)
    let values = product(
      a.scalars, b.scalars, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
      useBLAS: useBLAS)
    return Tensor(shape: [m, n], scalars: values)
  }

  /// `(m, n, k)` of `op(a) · op(b)`, trapping with numpy's message when the inner extents differ.
  static func productShape(
    _ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool
  ) -> (m: Int, n: Int, k: Int) {
    guard a.rank == 2, b.rank == 2 else {
      fatalError("Tensor.matmul needs two rank-2 tensors, got shapes \(a.shape) and \(b.shape)")
    }
    let m = transposeA ? a.shape[1] : a.shape[0]
    let k = transposeA ? a.shape[0] : a.shape[1]
    let kb = transposeB ? b.shape[1] : b.shape[0]
    let n = transposeB ? b.shape[0] : b.shape[1]
    guard k == kb else {
      fatalError(
        "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size \(kb) is different from \(k))"
      )
    }
    return (m, n, k)
  }

  /// The `m × n` row-major product of `op(a)` (`m × k`) and `op(b)` (`k × n`): the library's
  /// kernel, or OpenBLAS when `useBLAS`.
  static func product(
    _ a: [Double], _ b: [Double], m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool,
    useBLAS: Bool = false
  ) -> [Double] {
    var out = [Double](repeating: 0, count: m * n)
    guard m > 0, n > 0, k > 0 else { return out }
    a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        out.withUnsafeMutableBufferPointer { pc in
          if useBLAS {
            #if !hasFeature(Embedded)
            cblas_dgemm(
              CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
              transposeB ? CblasTrans : CblasNoTrans,
              blasint(m), blasint(n), blasint(k), 1.0,
              pa.baseAddress, blasint(transposeA ? m : k),
              pb.baseAddress, blasint(transposeB ? k : n), 0.0,
              pc.baseAddress, blasint(n))
            #else
              // No BLAS in the browser build: the library's kernel, whose bits are the same.
              MatrixKernel.multiply(
                pa.baseAddress!, pb.baseAddress!, pc.baseAddress!, m: m, n: n, k: k,
                transposeA: transposeA, transposeB: transposeB)
            #endif
          } else {
            MatrixKernel.multiply(
              pa.baseAddress!, pb.baseAddress!, pc.baseAddress!, m: m, n: n, k: k,
              transposeA: transposeA, transposeB: transposeB)
          }
        }
      }
    }
    return out
  }

  /// Plain i-k-j loops accumulating into a zeroed `c`, the textbook triple loop: the baseline
  /// ``naiveMatmul(_:_:)`` measures the library's kernel against. Its additions come in the
  /// same order as the kernel's, so the two agree bit for bit.
  static func loopProduct(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
    m: Int, n: Int, k: Int
  ) {
    for i in 0..<m {
      let row = c + i * n
      for p in 0..<k {
        let x = a[i * k + p]
        let brow = b + p * n
        for j in 0..<n { row[j] += x * brow[j] }
      }
    }
  }
}

/// The textbook triple-loop product of two rank-2 tensors in plain Swift (i-k-j order, no BLAS),
/// kept as a baseline to measure the BLAS path against.
public func naiveMatmul(_ a: Tensor, _ b: Tensor) -> Tensor {
  guard a.rank == 2, b.rank == 2, a.shape[1] == b.shape[0] else {
    fatalError("naiveMatmul needs (m, k) and (k, n) tensors, got \(a.shape) and \(b.shape)")
  }
  let (m, n, k) = (a.shape[0], b.shape[1], a.shape[1])
  var values = [Double](repeating: 0, count: m * n)
  a.scalars.withUnsafeBufferPointer { pa in
    b.scalars.withUnsafeBufferPointer { pb in
      values.withUnsafeMutableBufferPointer { pc in
        guard m > 0, n > 0, k > 0 else { return }
        Tensor.loopProduct(pa.baseAddress!, pb.baseAddress!, pc.baseAddress!, m: m, n: n, k: k)
      }
    }
  }
  return Tensor(shape: [m, n], scalars: values)
}

/// numpy's `np.dot`: 1-D·1-D is the inner product as a rank-0 tensor, 2-D·2-D the matrix product,
/// 2-D·1-D and 1-D·2-D give rank-1 results, and a rank-0 operand scales the other. Mismatched
/// inner extents trap with numpy's message (`shapes (5,) and (4,) not aligned: ...`).
public func dot(_ a: Tensor, _ b: Tensor) -> Tensor {
  if a.rank == 0 || b.rank == 0 { return a * b }
  guard a.rank <= 2, b.rank <= 2 else {
    fatalError("dot supports tensors of rank 0 to 2, got shapes \(a.shape) and \(b.shape)")
  }
  if let message = dotErrorMessage(a.shape, b.shape) { fatalError(message) }
  return matrixProduct(a, b)
}

/// numpy's `np.dot` message for mismatched inner extents, or nil if the shapes are aligned.
func dotErrorMessage(_ a: Shape, _ b: Shape) -> String? {
  let aAxis = a.rank - 1
  let bAxis = b.rank == 1 ? 0 : b.rank - 2
  guard a[aAxis] != b[bAxis] else { return nil }
  return
    "shapes \(a.compactDescription) and \(b.compactDescription) not aligned: \(a[aAxis]) (dim \(aAxis)) != \(b[bAxis]) (dim \(bAxis))"
}

/// numpy's `np.matmul` (`a @ b`) for ranks 1 and 2: like ``dot(_:_:)`` but rank-0 operands trap.
public func matmul(_ a: Tensor, _ b: Tensor) -> Tensor {
  for (index, t) in [a, b].enumerated() where t.rank == 0 {
    fatalError(
      "matmul: Input operand \(index) does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)"
    )
  }
  guard a.rank <= 2, b.rank <= 2 else {
    fatalError("matmul supports tensors of rank 1 and 2, got shapes \(a.shape) and \(b.shape)")
  }
  let k = a.shape[a.rank - 1]
  let kb = b.shape[0]
  guard k == kb else {
    fatalError(
      "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size \(kb) is different from \(k))"
    )
  }
  return matrixProduct(a, b)
}

/// The product of aligned rank-1/rank-2 operands, a rank-1 operand acting as a row (left) or a
/// column (right) that is dropped from the result shape.
func matrixProduct(_ a: Tensor, _ b: Tensor) -> Tensor {
  if a.rank == 1, b.rank == 1 {
    return Tensor(innerProduct(a.scalars, b.scalars))
  }
  let m = a.rank == 2 ? a.shape[0] : 1
  let k = a.shape[a.rank - 1]
  let n = b.rank == 2 ? b.shape[1] : 1
  let values = Tensor.product(
    a.scalars, b.scalars, m: m, n: n, k: k, transposeA: false, transposeB: false,
    useBLAS: false)
  var dims: [Int] = []
  if a.rank == 2 { dims.append(m) }
  if b.rank == 2 { dims.append(n) }
  return Tensor(shape: Shape(dims), scalars: values)
}

/// The inner product of two equally long vectors in the library's fixed order
/// (``MatrixKernel/dot(_:_:count:)``).
func innerProduct(_ a: [Double], _ b: [Double]) -> Double {
  a.withUnsafeBufferPointer { pa in
    b.withUnsafeBufferPointer { pb in
      guard let x = pa.baseAddress, let y = pb.baseAddress else { return 0 }
      return MatrixKernel.dot(x, y, count: pa.count)
    }
  }
}

/// The outer product of two tensors, flattened first (numpy's `np.outer`): shape `(a.count, b.count)`.
/// Each element is one product `a[i] * b[j]`, as numpy's `a[:, None] * b[None, :]` (so
/// `outer([-1], [0])` is `[[-0.]]`).
public func outer(_ a: Tensor, _ b: Tensor) -> Tensor {
  var values: [Double] = []
  values.reserveCapacity(a.count * b.count)
  for x in a.scalars {
    for y in b.scalars { values.append(x * y) }
  }
  return Tensor(shape: [a.count, b.count], scalars: values)
}
