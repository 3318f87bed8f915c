/// Small labelled 2-D data sets for the course's classifiers, examples in columns: `X` has
/// shape `(2, m)` (or `(n, m)`), `Y` has shape `(1, m)` with labels 0 and 1.
///
/// Everything is drawn from ``NumPyRandom``, so a data set is the same on every machine; the
/// planar flower is exactly the course's `load_planar_dataset()`.
public enum Datasets {
  /// The course's planar "flower": 400 points in two interleaved petals, 200 per class, the
  /// same numbers as the notebook's `load_planar_dataset()` (which seeds numpy with 1).
  ///
  /// For class `j` (0 then 1): `t = linspace(3.12 j, 3.12 (j + 1), 200) + randn(200) * 0.2`,
  /// `r = 4 sin(4 t) + randn(200) * 0.2`, points `(r sin t, r cos t)`. All 800 coordinates are
  /// numpy's to the last bit: the library's sin and cos are correctly rounded at these points,
  /// as the C library's that numpy calls are.
  public static func planarFlower() -> (X: Tensor, Y: Tensor) {
    var rng = NumPyRandom(seed: 1)
    let perClass = 200
    let m = 2 * perClass
    let a = 4.0
    var X = Tensor.zeros(2, m)
    var Y = Tensor.zeros(1, m)
    for j in 0..<2 {
      let start = Double(j) * 3.12
      let step = (Double(j + 1) * 3.12 - start) / Double(perClass - 1)
      let angleNoise = rng.randn(perClass).scalars
      let radiusNoise = rng.randn(perClass).scalars
      for i in 0..<perClass {
        let base = i == perClass - 1 ? Double(j + 1) * 3.12 : Double(i) * step + start
        let t = base + angleNoise[i] * 0.2
        let r = a * sin(4 * t) + radiusNoise[i] * 0.2
        let column = j * perClass + i
        X.scalars[column] = r * sin(t)
        X.scalars[m + column] = r * cos(t)
        Y.scalars[column] = Double(j)
      }
    }
    return (X, Y)
  }

  /// Two concentric circles: label 0 on the outer circle (radius 1), label 1 on the inner one
  /// (radius `factor`), evenly spaced angles, Gaussian noise of standard deviation `noise` on
  /// each coordinate. The first `count / 2` columns are the outer circle.
  public static func circles(
    count: Int = 200, noise: Double = 0.1, factor: Double = 0.5, seed: UInt32 = 1
  ) -> (X: Tensor, Y: Tensor) {
    let outer = count / 2
    let inner = count - outer
    var rng = NumPyRandom(seed: seed)
    var points: [(Double, Double, Double)] = []
    for i in 0..<outer {
      let angle = 2 * Double.pi * Double(i) / Double(outer)
      points.append((cos(angle), sin(angle), 0))
    }
    for i in 0..<inner {
      let angle = 2 * Double.pi * Double(i) / Double(inner)
      points.append((factor * cos(angle), factor * sin(angle), 1))
    }
    return assemble(points, noise: noise, rng: &rng)
  }

  /// Two interleaved half moons: label 0 on the upper arc `(cos θ, sin θ)`, label 1 on the
  /// lower arc `(1 - cos θ, 0.5 - sin θ)`, θ evenly spaced over [0, π], plus Gaussian noise.
  public static func moons(count: Int = 200, noise: Double = 0.1, seed: UInt32 = 1) -> (X: Tensor, Y: Tensor)
  {
    let upper = count / 2
    let lower = count - upper
    var rng = NumPyRandom(seed: seed)
    var points: [(Double, Double, Double)] = []
    for i in 0..<upper {
      let angle = upper > 1 ? Double.pi * Double(i) / Double(upper - 1) : 0
      points.append((cos(angle), sin(angle), 0))
    }
    for i in 0..<lower {
      let angle = lower > 1 ? Double.pi * Double(i) / Double(lower - 1) : 0
      points.append((1 - cos(angle), 0.5 - sin(angle), 1))
    }
    return assemble(points, noise: noise, rng: &rng)
  }

  /// The XOR problem: points uniform in the square [-1, 1]², label 1 where exactly one
  /// coordinate is positive (x * y < 0), then Gaussian noise of standard deviation `noise`
  /// added to the coordinates (labels keep the clean point's quadrant).
  public static func xor(count: Int = 200, noise: Double = 0.0, seed: UInt32 = 1) -> (X: Tensor, Y: Tensor) {
    var rng = NumPyRandom(seed: seed)
    let uniform = rng.rand(2, count).scalars
    var points: [(Double, Double, Double)] = []
    for i in 0..<count {
      let x = 2 * uniform[i] - 1
      let y = 2 * uniform[count + i] - 1
      points.append((x, y, x * y < 0 ? 1 : 0))
    }
    return assemble(points, noise: noise, rng: &rng)
  }

  /// All `2^bits` bit vectors as the columns of `X` (shape `(bits, 2^bits)`, column `k` holds
  /// the binary digits of `k`, most significant first) and their parity as `Y` (1 when the
  /// number of ones is odd, the XOR of the bits).
  public static func parity(bits: Int) -> (X: Tensor, Y: Tensor) {
    guard (1...20).contains(bits) else { fatalError("parity: bits must be in 1...20, got \(bits)") }
    let m = 1 << bits
    var X = Tensor.zeros(bits, m)
    var Y = Tensor.zeros(1, m)
    for k in 0..<m {
      for row in 0..<bits {
        X.scalars[row * m + k] = Double((k >> (bits - 1 - row)) & 1)
      }
      Y.scalars[k] = Double(k.nonzeroBitCount & 1)
    }
    return (X, Y)
  }

  /// Columns from `(x, y, label)` triples, plus `randn(2, m) * noise` (all x offsets first,
  /// then all y offsets) when `noise > 0`.
  private static func assemble(
    _ points: [(Double, Double, Double)], noise: Double, rng: inout NumPyRandom
  ) -> (X: Tensor, Y: Tensor) {
    let m = points.count
    var X = Tensor.zeros(2, m)
    var Y = Tensor.zeros(1, m)
    let offsets = noise > 0 ? rng.randn(2, m).scalars : [Double](repeating: 0, count: 2 * m)
    for (i, point) in points.enumerated() {
      X.scalars[i] = point.0 + offsets[i] * noise
      X.scalars[m + i] = point.1 + offsets[m + i] * noise
      Y.scalars[i] = point.2
    }
    return (X, Y)
  }
}
