/// The shape of a ``Tensor``: its extent along each axis, printed the way numpy prints a shape.
///
/// `Shape([5])` prints `(5,)`, `Shape([5, 1])` prints `(5, 1)`, and the shape of a scalar
/// (rank 0) prints `()`, so a chapter's `print(a.shape)` reads exactly like the course's
/// `print(a.shape)`.
public struct Shape: Hashable, Sendable, RandomAccessCollection, ExpressibleByArrayLiteral,
  CustomStringConvertible
{
  /// The extent of each axis, outermost first.
  public var dimensions: [Int]

  public init(_ dimensions: [Int]) {
    for d in dimensions where d < 0 {
      fatalError("negative dimensions are not allowed: \(Shape.format(dimensions))")
    }
    self.dimensions = dimensions
  }

  public init(arrayLiteral elements: Int...) { self.init(elements) }

  /// The number of axes (0 for a scalar).
  public var rank: Int { dimensions.count }

  /// The number of elements a tensor of this shape holds (1 for a scalar).
  public var elementCount: Int { dimensions.reduce(1, *) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { dimensions.count }
  public subscript(position: Int) -> Int {
    get { dimensions[position] }
    set { dimensions[position] = newValue }
  }

  /// Row-major strides in elements: the step between neighbours along each axis.
  public var strides: [Int] {
    var result = [Int](repeating: 1, count: dimensions.count)
    var step = 1
    for axis in dimensions.indices.reversed() {
      result[axis] = step
      step *= dimensions[axis]
    }
    return result
  }

  /// numpy's tuple notation: `(2, 3)`, `(5,)`, `()`.
  public var description: String { Shape.format(dimensions) }

  static func format(_ dimensions: [Int]) -> String {
    dimensions.count == 1
      ? "(\(dimensions[0]),)" : "(" + dimensions.map(String.init).joined(separator: ", ") + ")"
  }
}
