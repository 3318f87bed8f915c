/// Reshaping, transposing, squeezing and concatenating, with numpy's rules.
extension Tensor {
  /// The same elements in a new shape; one dimension may be `-1` and is inferred
  /// (numpy's `a.reshape(3, -1)`).
  public func reshaped(_ dimensions: Int...) -> Tensor { reshaped(dimensions) }

  /// The same elements in a new shape (numpy's `a.reshape(shape)`).
  public func reshaped(_ shape: Shape) -> Tensor { reshaped(shape.dimensions) }

  func reshaped(_ requested: [Int]) -> Tensor {
    var dims = requested
    let unknown = dims.indices.filter { dims[$0] == -1 }
    let describe = {
      "(" + requested.map { $0 == -1 ? "newaxis" : String($0) }.joined(separator: ",")
        + (requested.count == 1 ? ",)" : ")")
    }
    guard unknown.count <= 1, !dims.contains(where: { $0 < -1 }) else {
      fatalError(
        unknown.count > 1 ? "can only specify one unknown dimension" : "negative dimensions not allowed")
    }
    if let u = unknown.first {
      let known = dims.enumerated().filter { $0.offset != u }.reduce(1) { $0 * $1.element }
      guard known != 0, count % known == 0 else {
        fatalError("cannot reshape array of size \(count) into shape \(describe())")
      }
      dims[u] = count / known
    }
    guard dims.reduce(1, *) == count else {
      fatalError("cannot reshape array of size \(count) into shape \(describe())")
    }
    return Tensor(shape: Shape(dims), scalars: scalars)
  }

  /// The axes reversed (numpy's `a.T`): a `(2, 3)` becomes `(3, 2)`; rank 0 and rank 1 come back
  /// unchanged, exactly like numpy, so a rank-1 vector never becomes a column.
  public func transposed() -> Tensor {
    switch rank {
    case 0, 1:
      return self
    case 2:
      let rows = shape[0]
      let cols = shape[1]
      let n = count
      let values = scalars.withUnsafeBufferPointer { bp in
        [Double](unsafeUninitializedCapacity: n) { buffer, written in
          written = n
          guard n > 0, let out = buffer.baseAddress, let p = bp.baseAddress else { return }
          // Blocked so both reads and writes stay within cache lines.
          let block = 32
          var i0 = 0
          while i0 < rows {
            let i1 = Swift.min(i0 + block, rows)
            var j0 = 0
            while j0 < cols {
              let j1 = Swift.min(j0 + block, cols)
              for i in i0..<i1 {
                for j in j0..<j1 { out[j * rows + i] = p[i * cols + j] }
              }
              j0 = j1
            }
            i0 = i1
          }
        }
      }
      return Tensor(shape: [cols, rows], scalars: values)
    default:
      return permuted(Array((0..<rank).reversed()))
    }
  }

  /// The axes reversed (numpy's `a.T`); the same as ``transposed()``.
  public var T: Tensor { transposed() }

  /// The axes reordered so that result axis `k` is this tensor's axis `axes[k]`.
  func permuted(_ axes: [Int]) -> Tensor {
    let source = shape.strides
    let dims = axes.map { shape[$0] }
    var steps = axes.map { source[$0] }
    var extents = dims
    while extents.count < 4 {
      extents.insert(1, at: 0)
      steps.insert(0, at: 0)
    }
    var values = [Double]()
    values.reserveCapacity(count)
    scalars.withUnsafeBufferPointer { p in
      for i0 in 0..<extents[0] {
        for i1 in 0..<extents[1] {
          for i2 in 0..<extents[2] {
            let base = i0 * steps[0] + i1 * steps[1] + i2 * steps[2]
            for i3 in 0..<extents[3] { values.append(p[base + i3 * steps[3]]) }
          }
        }
      }
    }
    return Tensor(shape: Shape(dims), scalars: values)
  }

  /// All axes of extent 1 removed (numpy's `np.squeeze(a)`): `(1, 1)` becomes `()`.
  public func squeezed() -> Tensor {
    Tensor(shape: Shape(shape.dimensions.filter { $0 != 1 }), scalars: scalars)
  }

  /// One axis of extent 1 removed (numpy's `np.squeeze(a, axis=axis)`); traps if its extent is not 1.
  public func squeezed(axis: Int) -> Tensor {
    let a = normalizedAxis(axis)
    guard shape[a] == 1 else {
      fatalError("cannot select an axis to squeeze out which has size not equal to one")
    }
    var dims = shape.dimensions
    dims.remove(at: a)
    return Tensor(shape: Shape(dims), scalars: scalars)
  }

  /// The elements as a rank-1 tensor in row-major order (numpy's `a.flatten()`).
  public func flattened() -> Tensor { Tensor(shape: [count], scalars: scalars) }

  /// Joins tensors along an existing axis (numpy's `np.concatenate(parts, axis=axis)`); all
  /// other extents must match.
  public static func concatenate(_ parts: [Tensor], axis: Int = 0) -> Tensor {
    guard let first = parts.first else { fatalError("need at least one array to concatenate") }
    guard first.rank > 0 else {
      fatalError("zero-dimensional arrays cannot be concatenated")
    }
    let a = first.normalizedAxis(axis)
    for (index, part) in parts.enumerated() {
      guard part.rank == first.rank else {
        fatalError(
          "all the input array dimensions except for the concatenation axis must match exactly, but the array at index 0 has \(first.rank) dimension(s) and the array at index \(index) has \(part.rank) dimension(s)"
        )
      }
      for d in 0..<first.rank where d != a && part.shape[d] != first.shape[d] {
        fatalError(
          "all the input array dimensions except for the concatenation axis must match exactly, but along dimension \(d), the array at index 0 has size \(first.shape[d]) and the array at index \(index) has size \(part.shape[d])"
        )
      }
    }
    let outer = first.shape.dimensions[..<a].reduce(1, *)
    var dims = first.shape.dimensions
    dims[a] = parts.reduce(0) { $0 + $1.shape[a] }
    var values = [Double]()
    values.reserveCapacity(dims.reduce(1, *))
    for o in 0..<outer {
      for part in parts {
        let chunk = part.count / Swift.max(outer, 1)
        values.append(contentsOf: part.scalars[(o * chunk)..<((o + 1) * chunk)])
      }
    }
    return Tensor(shape: Shape(dims), scalars: values)
  }
}
