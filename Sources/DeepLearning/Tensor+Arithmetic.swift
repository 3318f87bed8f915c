/// Elementwise arithmetic with numpy's broadcasting: `a + b`, `a * 2`, `1 - a`, `-a`, `a += b`.
extension Tensor {
  public static func + (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b, +) }
  public static func - (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b, -) }
  public static func * (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b, *) }
  public static func / (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b, /) }

  public static func + (a: Tensor, s: Double) -> Tensor { a.map { $0 + s } }
  public static func - (a: Tensor, s: Double) -> Tensor { a.map { $0 - s } }
  public static func * (a: Tensor, s: Double) -> Tensor { a.map { $0 * s } }
  public static func / (a: Tensor, s: Double) -> Tensor { a.map { $0 / s } }

  public static func + (s: Double, a: Tensor) -> Tensor { a.map { s + $0 } }
  public static func - (s: Double, a: Tensor) -> Tensor { a.map { s - $0 } }
  public static func * (s: Double, a: Tensor) -> Tensor { a.map { s * $0 } }
  public static func / (s: Double, a: Tensor) -> Tensor { a.map { s / $0 } }

  public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }

  /// Adds `b`, broadcast into `a`'s shape, in place; traps like numpy if `b` does not fit.
  public static func += (a: inout Tensor, b: Tensor) { a.updateBroadcasting(b, +) }
  public static func -= (a: inout Tensor, b: Tensor) { a.updateBroadcasting(b, -) }
  public static func *= (a: inout Tensor, b: Tensor) { a.updateBroadcasting(b, *) }
  public static func /= (a: inout Tensor, b: Tensor) { a.updateBroadcasting(b, /) }

  public static func += (a: inout Tensor, s: Double) { a.updateEach { $0 + s } }
  public static func -= (a: inout Tensor, s: Double) { a.updateEach { $0 - s } }
  public static func *= (a: inout Tensor, s: Double) { a.updateEach { $0 * s } }
  public static func /= (a: inout Tensor, s: Double) { a.updateEach { $0 / s } }
}

// The elementwise functions use the library's own exp, log, tanh, sin, cos and pow
// (ElementaryFunctions.swift), so their results are the same bits on every machine.

/// The elementwise exponential (numpy's `np.exp`).
public func exp(_ t: Tensor) -> Tensor { t.elementwiseExp() }
/// The elementwise natural logarithm (numpy's `np.log`); `log(0)` is `-inf`, negatives give nan.
public func log(_ t: Tensor) -> Tensor { t.elementwiseLog() }
/// The elementwise base-10 logarithm (numpy's `np.log10`).
public func log10(_ t: Tensor) -> Tensor { t.map { log10($0) } }
/// The elementwise hyperbolic tangent (numpy's `np.tanh`).
public func tanh(_ t: Tensor) -> Tensor { t.elementwiseTanh() }
/// The elementwise sine (numpy's `np.sin`).
public func sin(_ t: Tensor) -> Tensor { t.map { deterministicSin($0) } }
/// The elementwise cosine (numpy's `np.cos`).
public func cos(_ t: Tensor) -> Tensor { t.map { deterministicCos($0) } }
/// The elementwise square root (numpy's `np.sqrt`).
public func sqrt(_ t: Tensor) -> Tensor { t.map { $0.squareRoot() } }
/// The elementwise absolute value (numpy's `np.abs`).
public func abs(_ t: Tensor) -> Tensor { t.map { Swift.abs($0) } }
/// Every element raised to the power `p` (numpy's `np.power(t, p)`, `t ** p`).
///
/// As in numpy 2, three exponents take a shortcut: 2 is `x * x`, 0.5 is the square root and -1
/// is `1 / x` (so `pow(t, 0.5)` of `-inf` is nan, where the scalar `pow(-.infinity, 0.5)` is
/// C99's inf). Every other exponent is the library's `pow`, correctly rounded in all but a few
/// cases; numpy's loop is its CPU's (the C library's, or on AVX-512 machines a vector
/// library's that is 1 ulp off for about 5 % of values), so those may differ in the last bit.
public func pow(_ t: Tensor, _ p: Double) -> Tensor {
  switch p {
  case 2: return t.map { $0 * $0 }
  case 0.5: return t.map { $0.squareRoot() }
  case -1: return t.map { 1 / $0 }
  default: return t.map { deterministicPow($0, p) }
  }
}

/// The larger of two values, nan if either is nan, `b` if they are equal (numpy's `np.maximum`
/// on scalars: `maximum(0, -0.0)` is -0.0, `maximum(-0.0, 0)` is 0.0).
@inline(__always)
func propagatingMaximum(_ a: Double, _ b: Double) -> Double { a.isNaN || a > b ? a : b }
/// The smaller of two values, nan if either is nan, `b` if they are equal (numpy's
/// `np.minimum` on scalars).
@inline(__always)
func propagatingMinimum(_ a: Double, _ b: Double) -> Double { a.isNaN || a < b ? a : b }

/// The elementwise maximum of two broadcast tensors (numpy's `np.maximum`, nan propagates).
public func maximum(_ a: Tensor, _ b: Tensor) -> Tensor {
  Tensor.broadcasting(a, b, propagatingMaximum)
}
/// The elementwise maximum of a tensor and a number: `maximum(z, 0)` is ReLU.
public func maximum(_ a: Tensor, _ s: Double) -> Tensor { a.map { propagatingMaximum($0, s) } }
/// The elementwise maximum of a number and a tensor.
public func maximum(_ s: Double, _ a: Tensor) -> Tensor { a.map { propagatingMaximum(s, $0) } }

/// The elementwise minimum of two broadcast tensors (numpy's `np.minimum`, nan propagates).
public func minimum(_ a: Tensor, _ b: Tensor) -> Tensor {
  Tensor.broadcasting(a, b, propagatingMinimum)
}
/// The elementwise minimum of a tensor and a number.
public func minimum(_ a: Tensor, _ s: Double) -> Tensor { a.map { propagatingMinimum($0, s) } }
/// The elementwise minimum of a number and a tensor.
public func minimum(_ s: Double, _ a: Tensor) -> Tensor { a.map { propagatingMinimum(s, $0) } }
