/// The classification data sets of the TensorFlow Playground, plus the course's planar flower,
/// generated as the playground does (its `dataset.ts`) but from ``NumPyRandom``, so a data set
/// is the same on every machine.
///
/// Points lie in about `[-6, 6]^2` and are labelled `+1` or `-1`. `noise` runs from 0 to 0.5
/// (the playground's slider shows it as 0 to 50). What noise does depends on the data set, as
/// in the playground: for the circle and XOR it perturbs the point used to decide the label
/// (the point itself stays where it was drawn, so labels near the boundary flip); for the
/// gaussians it widens the two clouds; for the spiral and the flower it moves every point.
public enum PlaygroundDataSet: String, CaseIterable, Sendable {
  /// A disc of radius 2.5 (label +1) inside a ring from 3.5 to 5 (label -1).
  case circle
  /// The four quadrants of `[-5, 5]^2`, +1 where `x1 x2 >= 0`, with a 0.3 gap along the axes.
  case xor
  /// Two Gaussian clouds centred at `(2, 2)` (+1) and `(-2, -2)` (-1).
  case gauss
  /// Two interleaved spiral arms, 1.75 turns out to radius 5.
  case spiral
  /// The course's planar flower (`load_planar_dataset`), scaled by 1.5: petals of radius 6.
  case flower

  /// `count` labelled points (half of each class), drawn from `rng`.
  ///
  /// - Precondition: `count` is even and positive; `noise` is in `0...0.5`.
  public func points(count: Int, noise: Double, rng: inout NumPyRandom) -> [PlaygroundPoint] {
    guard count > 0, count % 2 == 0 else {
      fatalError("PlaygroundDataSet.points: count must be even and positive, got \(count)")
    }
    guard noise >= 0, noise <= 0.5 else {
      fatalError("PlaygroundDataSet.points: noise must be in 0...0.5, got \(noise)")
    }
    switch self {
    case .circle: return Self.circle(count, noise, &rng)
    case .xor: return Self.xor(count, noise, &rng)
    case .gauss: return Self.gauss(count, noise, &rng)
    case .spiral: return Self.spiral(count, noise, &rng)
    case .flower: return Self.flower(count, noise, &rng)
    }
  }

  private static func uniform(_ low: Double, _ high: Double, _ rng: inout NumPyRandom) -> Double {
    low + (high - low) * rng.rand()
  }

  private static func circle(_ count: Int, _ noise: Double, _ rng: inout NumPyRandom)
    -> [PlaygroundPoint]
  {
    let radius = 5.0
    func label(_ x: Double, _ y: Double) -> Double {
      (x * x + y * y).squareRoot() < radius * 0.5 ? 1 : -1
    }
    var points: [PlaygroundPoint] = []
    for inner in [true, false] {
      for _ in 0..<count / 2 {
        let r = inner ? uniform(0, radius * 0.5, &rng) : uniform(radius * 0.7, radius, &rng)
        let angle = uniform(0, 2 * Double.pi, &rng)
        let x = r * sin(angle)
        let y = r * cos(angle)
        let noiseX = uniform(-radius, radius, &rng) * noise
        let noiseY = uniform(-radius, radius, &rng) * noise
        points.append(PlaygroundPoint(x1: x, x2: y, label: label(x + noiseX, y + noiseY)))
      }
    }
    return points
  }

  private static func xor(_ count: Int, _ noise: Double, _ rng: inout NumPyRandom)
    -> [PlaygroundPoint]
  {
    let padding = 0.3
    var points: [PlaygroundPoint] = []
    for _ in 0..<count {
      var x = uniform(-5, 5, &rng)
      x += x > 0 ? padding : -padding
      var y = uniform(-5, 5, &rng)
      y += y > 0 ? padding : -padding
      let noiseX = uniform(-5, 5, &rng) * noise
      let noiseY = uniform(-5, 5, &rng) * noise
      let label: Double = (x + noiseX) * (y + noiseY) >= 0 ? 1 : -1
      points.append(PlaygroundPoint(x1: x, x2: y, label: label))
    }
    return points
  }

  private static func gauss(_ count: Int, _ noise: Double, _ rng: inout NumPyRandom)
    -> [PlaygroundPoint]
  {
    // The playground maps noise 0...0.5 linearly onto a variance of 0.5...4.
    let variance = 0.5 + noise / 0.5 * 3.5
    let deviation = variance.squareRoot()
    var points: [PlaygroundPoint] = []
    for (centre, label) in [(2.0, 1.0), (-2.0, -1.0)] {
      for _ in 0..<count / 2 {
        let x = centre + deviation * rng.randn()
        let y = centre + deviation * rng.randn()
        points.append(PlaygroundPoint(x1: x, x2: y, label: label))
      }
    }
    return points
  }

  private static func spiral(_ count: Int, _ noise: Double, _ rng: inout NumPyRandom)
    -> [PlaygroundPoint]
  {
    let n = count / 2
    var points: [PlaygroundPoint] = []
    for (deltaT, label) in [(0.0, 1.0), (Double.pi, -1.0)] {
      for i in 0..<n {
        let r = Double(i) / Double(n) * 5
        let t = 1.75 * Double(i) / Double(n) * 2 * Double.pi + deltaT
        let x = r * sin(t) + uniform(-1, 1, &rng) * noise
        let y = r * cos(t) + uniform(-1, 1, &rng) * noise
        points.append(PlaygroundPoint(x1: x, x2: y, label: label))
      }
    }
    return points
  }

  private static func flower(_ count: Int, _ noise: Double, _ rng: inout NumPyRandom)
    -> [PlaygroundPoint]
  {
    let perClass = count / 2
    let scale = 1.5
    var points: [PlaygroundPoint] = []
    for j in 0..<2 {
      let start = Double(j) * 3.12
      let step = 3.12 / Double(max(perClass - 1, 1))
      let angleNoise = rng.randn(perClass).scalars
      let radiusNoise = rng.randn(perClass).scalars
      for i in 0..<perClass {
        let t = (i == perClass - 1 ? start + 3.12 : start + Double(i) * step) + angleNoise[i] * 0.2
        let r = 4 * sin(4 * t) + radiusNoise[i] * 0.2
        points.append(PlaygroundPoint(x1: scale * r * sin(t), x2: scale * r * cos(t), label: j == 0 ? -1 : 1))
      }
    }
    // The playground's noise comes after the course's draws, so noise 0 gives the course's points.
    for index in points.indices {
      points[index].x1 += uniform(-1, 1, &rng) * noise
      points[index].x2 += uniform(-1, 1, &rng) * noise
    }
    return points
  }
}

/// One labelled point of a playground data set.
public struct PlaygroundPoint: Sendable, Equatable {
  /// The first coordinate.
  public var x1: Double
  /// The second coordinate.
  public var x2: Double
  /// The class, `+1` or `-1`.
  public var label: Double

  /// A point at `(x1, x2)` of class `label`.
  public init(x1: Double, x2: Double, label: Double) {
    self.x1 = x1
    self.x2 = x2
    self.label = label
  }
}

/// A data set split into training and test points, as the playground splits it: all points are
/// shuffled, then the first `trainPercent` percent (rounded down) are the training points.
public struct PlaygroundData: Sendable {
  /// The points the network learns from, in the order training visits them.
  public var train: [PlaygroundPoint]
  /// The held-out points.
  public var test: [PlaygroundPoint]

  /// Draws `count` points of `dataSet` with `noise` and splits them, all from one seed.
  ///
  /// - Precondition: `trainPercent` is in `1...99`.
  public init(
    _ dataSet: PlaygroundDataSet, count: Int = 500, noise: Double = 0, trainPercent: Int = 50,
    seed: UInt32 = 1
  ) {
    guard (1...99).contains(trainPercent) else {
      fatalError("PlaygroundData: trainPercent must be in 1...99, got \(trainPercent)")
    }
    var rng = NumPyRandom(seed: seed)
    var points = dataSet.points(count: count, noise: noise, rng: &rng)
    rng.shuffle(&points)
    let split = count * trainPercent / 100
    train = Array(points[..<split])
    test = Array(points[split...])
  }
}
