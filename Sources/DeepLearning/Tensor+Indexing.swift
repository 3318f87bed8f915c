/// Element access and row/column slicing with numpy's meaning.
extension Tensor {
  /// `index` made non-negative (numpy's `a[-1]` is the last element); traps like numpy if out of range.
  func normalizedIndex(_ index: Int, axis: Int) -> Int {
    let size = shape[axis]
    let i = index < 0 ? index + size : index
    guard i >= 0 && i < size else {
      fatalError("index \(index) is out of bounds for axis \(axis) with size \(size)")
    }
    return i
  }

  /// The row-major offset of a full index, checked against the shape.
  func offset(of index: [Int]) -> Int {
    guard index.count == rank else {
      fatalError("a tensor of shape \(shape) needs \(rank) indices, got \(index.count)")
    }
    var result = 0
    for axis in 0..<rank { result = result * shape[axis] + normalizedIndex(index[axis], axis: axis) }
    return result
  }

  /// The sub-tensor at position `i` along the first axis (numpy's `a[i]`): a row of a matrix,
  /// a rank-0 tensor for a rank-1 tensor. Setting assigns a value broadcast into that slot.
  public subscript(i: Int) -> Tensor {
    get {
      guard rank > 0 else {
        fatalError("too many indices for array: array is 0-dimensional, but 1 were indexed")
      }
      let row = normalizedIndex(i, axis: 0)
      let dims = Array(shape.dimensions.dropFirst())
      let size = dims.reduce(1, *)
      return Tensor(shape: Shape(dims), scalars: Array(scalars[(row * size)..<((row + 1) * size)]))
    }
    set {
      guard rank > 0 else {
        fatalError("too many indices for array: array is 0-dimensional, but 1 were indexed")
      }
      let row = normalizedIndex(i, axis: 0)
      let slot = Shape(Array(shape.dimensions.dropFirst()))
      // As numpy does, leading axes of extent 1 beyond the slot's rank are dropped, then the
      // value is broadcast into the slot and copied (so -0.0 stays -0.0).
      var source = newValue
      while source.rank > slot.rank && source.shape[0] == 1 {
        source = source.reshaped(Array(source.shape.dimensions.dropFirst()))
      }
      guard source.rank <= slot.rank, Shape.broadcast(slot, source.shape) == slot else {
        fatalError(
          "could not broadcast input array from shape \(newValue.shape.compactDescription) into shape \(slot.compactDescription)"
        )
      }
      var value = Tensor.zeros(slot)
      value.updateBroadcasting(source) { _, new in new }
      scalars.replaceSubrange(
        (row * slot.elementCount)..<((row + 1) * slot.elementCount), with: value.scalars)
    }
  }

  /// The element at row `i`, column `j` of a rank-2 tensor (numpy's `a[i, j]`).
  public subscript(i: Int, j: Int) -> Double {
    get { scalars[offset(of: [i, j])] }
    set { scalars[offset(of: [i, j])] = newValue }
  }

  /// The element at a full index, one entry per axis (numpy's `a[i, j, k]`).
  public subscript(index index: [Int]) -> Double {
    get { scalars[offset(of: index)] }
    set { scalars[offset(of: index)] = newValue }
  }

  /// Row `i` of a rank-2 tensor as a rank-1 tensor (numpy's `a[i]`, `a[i, :]`).
  public func row(_ i: Int) -> Tensor {
    requireMatrix("row")
    return self[i]
  }

  /// Column `j` of a rank-2 tensor as a rank-1 tensor (numpy's `a[:, j]`).
  public func column(_ j: Int) -> Tensor {
    requireMatrix("column")
    let c = normalizedIndex(j, axis: 1)
    let cols = shape[1]
    return Tensor((0..<shape[0]).map { scalars[$0 * cols + c] })
  }

  /// The rows in `range`, rank kept (numpy's `a[i:j]`, `a[i:j, :]`).
  public func rows(_ range: Range<Int>) -> Tensor {
    requireMatrix("rows")
    checkRange(range, axis: 0)
    let cols = shape[1]
    return Tensor(
      shape: [range.count, cols],
      scalars: Array(scalars[(range.lowerBound * cols)..<(range.upperBound * cols)]))
  }

  /// The columns in `range`, rank kept (numpy's `a[:, i:j]`), e.g. one mini-batch of examples.
  public func columns(_ range: Range<Int>) -> Tensor {
    requireMatrix("columns")
    checkRange(range, axis: 1)
    let cols = shape[1]
    var values: [Double] = []
    values.reserveCapacity(shape[0] * range.count)
    for r in 0..<shape[0] {
      values.append(contentsOf: scalars[(r * cols + range.lowerBound)..<(r * cols + range.upperBound)])
    }
    return Tensor(shape: [shape[0], range.count], scalars: values)
  }

  /// The given columns in the given order (numpy's `a[:, indices]`), e.g. shuffled examples.
  public func columns(_ indices: [Int]) -> Tensor {
    requireMatrix("columns")
    let cols = shape[1]
    let picked = indices.map { normalizedIndex($0, axis: 1) }
    var values: [Double] = []
    values.reserveCapacity(shape[0] * picked.count)
    for r in 0..<shape[0] {
      for c in picked { values.append(scalars[r * cols + c]) }
    }
    return Tensor(shape: [shape[0], picked.count], scalars: values)
  }

  private func requireMatrix(_ operation: String) {
    guard rank == 2 else { fatalError("\(operation) needs a rank-2 tensor, this one has shape \(shape)") }
  }

  private func checkRange(_ range: Range<Int>, axis: Int) {
    guard range.lowerBound >= 0 && range.upperBound <= shape[axis] else {
      fatalError("range \(range) is out of bounds for axis \(axis) with size \(shape[axis])")
    }
  }
}
