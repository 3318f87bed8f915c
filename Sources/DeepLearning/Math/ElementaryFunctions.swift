// The library's elementary functions of one Double: exp, log, log10, log2, tanh, sin, cos,
// pow, sqrt and the sigmoid, each a fixed sequence of IEEE operations written in Swift (no libm
// call, and a fused multiply-add only where its result is exact either way), so a chapter's
// numbers are the same bits on every CPU, SIMD level and operating system. Chapter programs see
// these (not the C library's) when they write `exp(x)` on a Double; the tensor functions apply
// them elementwise.

/// `e^x`, within 0.51 ulp.
public func exp(_ x: Double) -> Double { deterministicExp(x, .shared) }

/// The natural logarithm: `-inf` at 0, nan for negative `x`; within 0.52 ulp.
public func log(_ x: Double) -> Double { deterministicLog(x, .shared) }

/// The base-10 logarithm: log x times 1/ln 10 in double-double, rounded once.
public func log10(_ x: Double) -> Double {
  scaledLogarithm(x, MathTables.invLn10Hi, MathTables.invLn10Lo)
}

/// The base-2 logarithm: log x times 1/ln 2 in double-double, rounded once.
public func log2(_ x: Double) -> Double {
  scaledLogarithm(x, MathTables.invLn2Hi, MathTables.invLn2Lo)
}

/// The hyperbolic tangent, within 0.6 ulp (measured: 0.537).
public func tanh(_ x: Double) -> Double { deterministicTanh(x, .shared) }

/// The logistic sigmoid `1 / (1 + e^-z)`, within 0.6 ulp (measured: 0.531). numpy's
/// `1 / (1 + np.exp(-z))` rounds three times, so the two may differ by an ulp or two.
public func sigmoid(_ z: Double) -> Double { deterministicSigmoid(z, .shared) }

/// The sine (radians) of any finite `x`, correctly rounded except within about 2^-40 ulp of a
/// halfway point (measured: 0.5005 ulp, the reference's resolution, over a million points in
/// every decade up to the largest double); nan for infinities and nan.
public func sin(_ x: Double) -> Double { deterministicSin(x) }

/// The cosine (radians) of any finite `x`, as accurate as ``sin(_:)``.
public func cos(_ x: Double) -> Double { deterministicCos(x) }

/// `x` raised to the power `y` (C99's special values: `pow(x, 0) = 1`, `pow(-8, 1.0/3) = nan`),
/// within 0.51 ulp, bases within an ulp of 1 with huge exponents included; integer powers of -1
/// are exactly ±1.
public func pow(_ x: Double, _ y: Double) -> Double { deterministicPow(x, y) }

/// The square root (IEEE's correctly rounded one, the same everywhere).
public func sqrt(_ x: Double) -> Double { x.squareRoot() }

/// `log(x) * (hi + lo)` rounded once; exact powers of the base give exact integers.
func scaledLogarithm(_ x: Double, _ hi: Double, _ lo: Double) -> Double {
  guard x > 0, x.isFinite else { return deterministicLog(x, .shared) }
  var head: Double
  var tail: Double
  if x > 0x1.fp-1 && x < 0x1.08p0 {
    (head, tail) = logarithmNearOne(x - 1.0)
  } else {
    (head, tail) = positiveLogarithmParts(x, .shared)
  }
  let (p, e) = twoProduct(head, hi)
  return p + (e + (tail * hi + head * lo))
}

/// How this build of the library computes, for benchmarks to report: the lanes of a vector in
/// the elementary functions, and whether exact products use the CPU's fused multiply-add. The
/// numbers are the same bits in every build (see docs/reproducibility.md).
public enum LibraryBuild {
  /// Doubles per vector in the tensor versions of the elementary functions: 8 with AVX-512,
  /// 4 otherwise.
  public static let vectorLanes = DoubleLanes.scalarCount
  /// Whether exact product errors are formed by a fused multiply-add (else Dekker's product).
  public static let fusedMultiplyAdd: Bool = {
    #if FUSED_MULTIPLY_ADD
      return true
    #else
      return false
    #endif
  }()
}
