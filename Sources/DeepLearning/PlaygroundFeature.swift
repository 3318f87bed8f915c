/// An input feature of the TensorFlow Playground: a function of the point's two coordinates
/// that the network receives as one input.
public enum PlaygroundFeature: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
  /// The first coordinate.
  case x1
  /// The second coordinate.
  case x2
  /// The first coordinate squared.
  case x1Squared
  /// The second coordinate squared.
  case x2Squared
  /// The product of the two coordinates.
  case x1x2
  /// The sine of the first coordinate (the library's `sin`).
  case sinX1
  /// The sine of the second coordinate.
  case sinX2

  /// The feature's value at the point `(x1, x2)`.
  public func value(_ x1: Double, _ x2: Double) -> Double {
    switch self {
    case .x1: x1
    case .x2: x2
    case .x1Squared: x1 * x1
    case .x2Squared: x2 * x2
    case .x1x2: x1 * x2
    case .sinX1: sin(x1)
    case .sinX2: sin(x2)
    }
  }

  /// The name the playground shows: `x1`, `x2`, `x1²`, `x2²`, `x1x2`, `sin(x1)`, `sin(x2)`.
  public var description: String {
    switch self {
    case .x1: "x1"
    case .x2: "x2"
    case .x1Squared: "x1²"
    case .x2Squared: "x2²"
    case .x1x2: "x1x2"
    case .sinX1: "sin(x1)"
    case .sinX2: "sin(x2)"
    }
  }
}
