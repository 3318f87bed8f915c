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
  /// `np.linspace` does (`start + i * step`, with the last value set to `stop` exactly; where
  /// the step underflows to zero, `start + i / (count - 1) * (stop - start)`).
  /// A negative count traps, as numpy's ValueError does.
  public static func linspace(_ start: Double, _ stop: Double, count: Int) -> Tensor {
    guard count >= 0 else {
      fatalError(
        "linspace(\(start), \(stop), count: \(count)): the number of samples, \(count), must be non-negative")
    }
    guard count > 0 else { return Tensor(shape: [0], scalars: []) }
    guard count > 1 else { return Tensor([start]) }
    let divisor = Double(count - 1)
    let delta = stop - start
    let step = delta / divisor
    var values = (0..<count).map { i in
      step == 0 ? Double(i) / divisor * delta + start : Double(i) * step + start
    }
    values[count - 1] = stop
    return Tensor(values)
  }

  /// Values from `start` up to (not including) `stop` by `step` (numpy's `np.arange`), computed
  /// as numpy does: the length is `ceil((stop - start) / step)` (one value where that quotient
  /// underflows to +0, so an infinite step gives `[start]`), the values `start`, `start + step`,
  /// then `start + i * delta` with `delta = (start + step) - start` (so
  /// `arange(1.0, 2.54, step: 0.1)[9]` is 1.9000000000000008, as in numpy).
  ///
  /// A zero step, a nan among the arguments, or a length no array can hold traps with a message
  /// naming the arguments, where numpy raises ZeroDivisionError or ValueError.
  public static func arange(_ start: Double, _ stop: Double, step: Double = 1) -> Tensor {
    let call = "arange(\(start), \(stop), step: \(step))"
    guard step != 0 else { fatalError("\(call): the step must not be zero") }
    let delta = stop - start
    let quotient = delta / step
    guard !quotient.isNaN else { fatalError("\(call): cannot compute the length") }
    let length: Int
    if quotient == 0 && delta != 0 {
      length = quotient.sign == .minus ? 0 : 1
    } else {
      // numpy refuses a length out of range before it takes a negative one as empty.
      let rounded = quotient.rounded(.up)
      guard Swift.abs(rounded) <= Double(Int.max / 8) else {
        fatalError("\(call): a length of \(rounded) values is out of range")
      }
      length = Swift.max(0, Int(rounded))
    }
    guard length > 1 else { return Tensor(length == 1 ? [start] : []) }
    let second = start + step
    let increment = second - start
    return Tensor((0..<length).map { i in i == 0 ? start : i == 1 ? second : start + Double(i) * increment })
  }

  /// `0, 1, ..., stop - 1` (numpy's `np.arange(stop)`); empty for `stop <= 0`, as in numpy.
  public static func arange(_ stop: Int) -> Tensor { Tensor((0..<Swift.max(0, stop)).map(Double.init)) }

  /// The integers of a range as a rank-1 tensor: `Tensor(0..<5)`.
  public init(_ range: Range<Int>) { self.init(range.map(Double.init)) }
  /// The integers of a closed range as a rank-1 tensor: `Tensor(1...3)`.
  public init(_ range: ClosedRange<Int>) { self.init(range.map(Double.init)) }
}
