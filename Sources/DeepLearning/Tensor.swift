/// An n-dimensional array of `Double` with numpy's semantics: contiguous row-major storage, a
/// shape of rank 0 to 4 (rank 1 included, so the course's rank-1 pitfalls reproduce), numpy's
/// broadcasting for every elementwise operation, and numpy's printing.
///
/// `Tensor` is a value type; its storage is copied on write, so `var b = a; b[0] = 1` leaves `a`
/// alone. Operations that would be programmer errors in numpy (shape mismatches) trap with
/// numpy's message naming both shapes.
public struct Tensor: Sendable, Equatable {
  /// The extent of each axis, printed like numpy (`(5,)`, `(5, 1)`).
  public internal(set) var shape: Shape
  /// The elements in row-major (C) order.
  public internal(set) var scalars: [Double]

  /// The largest rank a tensor may have.
  public static let maximumRank = 4

  /// A tensor of the given shape over row-major `scalars`.
  /// - Precondition: `scalars.count == shape.elementCount` and `shape.rank <= 4`.
  public init(shape: Shape, scalars: [Double]) {
    guard shape.rank <= Tensor.maximumRank else {
      fatalError("Tensor supports rank 0 to \(Tensor.maximumRank), not \(shape.rank) (shape \(shape))")
    }
    guard scalars.count == shape.elementCount else {
      fatalError("cannot make a tensor of shape \(shape) from \(scalars.count) values")
    }
    self.shape = shape
    self.scalars = scalars
  }

  /// A rank-0 tensor holding one value (numpy's `np.array(3.0)`).
  public init(_ value: Double) { self.init(shape: [], scalars: [value]) }

  /// A rank-1 tensor of shape `(n,)` (numpy's `np.array([...])`).
  public init(_ values: [Double]) { self.init(shape: [values.count], scalars: values) }

  /// A rank-2 tensor from rows; every row must have the same length.
  public init(_ rows: [[Double]]) {
    let columns = rows.first?.count ?? 0
    for (i, row) in rows.enumerated() where row.count != columns {
      fatalError("row \(i) has \(row.count) values, expected \(columns) like row 0")
    }
    self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 })
  }

  /// A rank-3 tensor from nested arrays of equal lengths.
  public init(_ blocks: [[[Double]]]) {
    let parts = blocks.map { Tensor($0) }
    self.init(stacking: parts)
  }

  /// Stacks equally shaped tensors along a new leading axis (numpy's `np.array([t0, t1, ...])`).
  public init(stacking parts: [Tensor]) {
    guard let first = parts.first else {
      self.init(shape: [0], scalars: [])
      return
    }
    for (i, part) in parts.enumerated() where part.shape != first.shape {
      fatalError(
        "setting an array element with a sequence: element \(i) has shape \(part.shape), element 0 has shape \(first.shape)"
      )
    }
    var values: [Double] = []
    values.reserveCapacity(parts.count * first.shape.elementCount)
    for part in parts { values.append(contentsOf: part.scalars) }
    self.init(shape: Shape([parts.count] + first.shape.dimensions), scalars: values)
  }

  /// The number of axes.
  public var rank: Int { shape.rank }
  /// The number of elements (numpy's `size`).
  public var count: Int { scalars.count }

  /// The single value of a tensor with one element (numpy's `float(a)` / `a.item()`).
  public var scalar: Double {
    guard scalars.count == 1 else {
      fatalError("only a tensor with one element converts to a scalar, this one has shape \(shape)")
    }
    return scalars[0]
  }
}

extension Tensor: ExpressibleByArrayLiteral {
  /// Nested literals build tensors of any rank: `[[1, 2], [3, 4]]` has shape `(2, 2)`.
  ///
  /// The elements are ``TensorLiteral``s rather than tensors so that `Tensor` itself is not
  /// expressible by a number literal: otherwise `w *= 1 / m` (with `m: Double`) would be
  /// ambiguous between `Double / Double` and `Tensor / Double`.
  public init(arrayLiteral elements: TensorLiteral...) {
    self.init(stacking: elements.map { $0.tensor })
  }
}

/// One element of a ``Tensor`` array literal: a number or a nested array literal.
public struct TensorLiteral: ExpressibleByArrayLiteral, ExpressibleByFloatLiteral,
  ExpressibleByIntegerLiteral, Sendable
{
  /// The tensor this literal stands for (rank 0 for a number).
  public let tensor: Tensor

  public init(arrayLiteral elements: TensorLiteral...) {
    tensor = Tensor(stacking: elements.map { $0.tensor })
  }
  public init(floatLiteral value: Double) { tensor = Tensor(value) }
  public init(integerLiteral value: Int) { tensor = Tensor(Double(value)) }
}

extension Tensor {
  /// A tensor of the given shape filled with `value` (numpy's `np.full`).
  public static func full(_ shape: Shape, _ value: Double) -> Tensor {
    Tensor(shape: shape, scalars: [Double](repeating: value, count: shape.elementCount))
  }

  /// Zeros of the given shape (numpy's `np.zeros(shape)`).
  public static func zeros(_ shape: Shape) -> Tensor { full(shape, 0) }
  /// Zeros of the given shape: `Tensor.zeros(3, 1)`.
  public static func zeros(_ dimensions: Int...) -> Tensor { full(Shape(dimensions), 0) }

  /// Ones of the given shape (numpy's `np.ones(shape)`).
  public static func ones(_ shape: Shape) -> Tensor { full(shape, 1) }
  /// Ones of the given shape: `Tensor.ones(3, 1)`.
  public static func ones(_ dimensions: Int...) -> Tensor { full(Shape(dimensions), 1) }

  /// `count` evenly spaced values from `start` to `stop` inclusive, computed as numpy's
  /// `np.linspace` does (`start + i * step`, with the last value set to `stop` exactly).
  public static func linspace(_ start: Double, _ stop: Double, count: Int) -> Tensor {
    guard count > 0 else { return Tensor(shape: [0], scalars: []) }
    guard count > 1 else { return Tensor([start]) }
    let step = (stop - start) / Double(count - 1)
    var values = (0..<count).map { start + Double($0) * step }
    values[count - 1] = stop
    return Tensor(values)
  }

  /// Values from `start` up to (not including) `stop` by `step` (numpy's `np.arange`).
  public static func arange(_ start: Double, _ stop: Double, step: Double = 1) -> Tensor {
    guard step != 0 else { fatalError("arange: step must not be zero") }
    let n = Swift.max(0, Int((((stop - start) / step)).rounded(.up)))
    return Tensor((0..<n).map { start + Double($0) * step })
  }

  /// `0, 1, ..., stop - 1` (numpy's `np.arange(stop)`).
  public static func arange(_ stop: Int) -> Tensor { Tensor((0..<stop).map(Double.init)) }

  /// The integers of a range as a rank-1 tensor: `Tensor(0..<5)`.
  public init(_ range: Range<Int>) { self.init(range.map(Double.init)) }
  /// The integers of a closed range as a rank-1 tensor: `Tensor(1...3)`.
  public init(_ range: ClosedRange<Int>) { self.init(range.map(Double.init)) }
}
