import DeepLearning
import Testing

@Suite struct PlaygroundDataSetTests {
  @Test(arguments: PlaygroundDataSet.allCases)
  func everyDataSetHasHalfOfEachClassInThePlaygroundSquare(_ dataSet: PlaygroundDataSet) {
    var rng = NumPyRandom(seed: 3)
    let points = dataSet.points(count: 500, noise: 0, rng: &rng)
    #expect(points.count == 500)
    #expect(points.allSatisfy { $0.label == 1 || $0.label == -1 })
    if dataSet != .circle && dataSet != .xor {
      #expect(points.filter { $0.label > 0 }.count == 250)
    }
    #expect(points.allSatisfy { abs($0.x1) <= 7 && abs($0.x2) <= 7 })
  }

  @Test func circleLabelsFollowTheRadiusWithoutNoise() {
    var rng = NumPyRandom(seed: 1)
    let points = PlaygroundDataSet.circle.points(count: 200, noise: 0, rng: &rng)
    for point in points {
      let radius = (point.x1 * point.x1 + point.x2 * point.x2).squareRoot()
      #expect(point.label == (radius < 2.5 ? 1 : -1))
      #expect(radius < 2.5 || radius >= 3.5)
    }
  }

  @Test func xorLabelsAreTheSignOfTheProductWithoutNoise() {
    var rng = NumPyRandom(seed: 1)
    let points = PlaygroundDataSet.xor.points(count: 200, noise: 0, rng: &rng)
    #expect(points.allSatisfy { $0.label == ($0.x1 * $0.x2 >= 0 ? 1 : -1) })
    #expect(points.allSatisfy { abs($0.x1) >= 0.3 && abs($0.x2) >= 0.3 })
  }

  @Test func noiseFlipsSomeXorLabelsButMovesNoPoint() {
    var clean = NumPyRandom(seed: 5)
    var noisy = NumPyRandom(seed: 5)
    let a = PlaygroundDataSet.xor.points(count: 400, noise: 0, rng: &clean)
    let b = PlaygroundDataSet.xor.points(count: 400, noise: 0.5, rng: &noisy)
    #expect(zip(a, b).allSatisfy { $0.x1 == $1.x1 && $0.x2 == $1.x2 })
    let flipped = zip(a, b).filter { $0.label != $1.label }.count
    #expect(flipped > 20 && flipped < 200)
  }

  @Test func flowerWithoutNoiseIsTheCoursesFlowerScaled() {
    var rng = NumPyRandom(seed: 1)
    let points = PlaygroundDataSet.flower.points(count: 400, noise: 0, rng: &rng)
    let (X, Y) = Datasets.planarFlower()
    for (index, point) in points.enumerated() {
      #expect(abs(point.x1 - 1.5 * X[0, index]) <= 1e-12)
      #expect(abs(point.x2 - 1.5 * X[1, index]) <= 1e-12)
      #expect(point.label == 2 * Y[0, index] - 1)
    }
  }

  @Test func gaussianNoiseWidensTheClouds() {
    func spread(_ noise: Double) -> Double {
      var rng = NumPyRandom(seed: 2)
      let points = PlaygroundDataSet.gauss.points(count: 400, noise: noise, rng: &rng)
      let positive = points.filter { $0.label > 0 }
      let variance = positive.reduce(0.0) { $0 + ($1.x1 - 2) * ($1.x1 - 2) } / Double(positive.count)
      return variance
    }
    #expect(abs(spread(0) - 0.5) < 0.15)
    #expect(abs(spread(0.5) - 4) < 1)
  }

  @Test func splitTakesTheRequestedShareForTraining() {
    let data = PlaygroundData(.spiral, count: 500, noise: 0.1, trainPercent: 30, seed: 4)
    #expect(data.train.count == 150 && data.test.count == 350)
    let again = PlaygroundData(.spiral, count: 500, noise: 0.1, trainPercent: 30, seed: 4)
    #expect(again.train == data.train && again.test == data.test)
    let other = PlaygroundData(.spiral, count: 500, noise: 0.1, trainPercent: 30, seed: 5)
    #expect(other.train != data.train)
  }

  @Test func featuresAreThePlaygroundsSeven() {
    let values = PlaygroundFeature.allCases.map { $0.value(2, -0.5) }
    #expect(values[0...4] == [2, -0.5, 4, 0.25, -1])
    #expect(values[5] == sin(2.0) && values[6] == sin(-0.5))
    #expect(
      PlaygroundFeature.allCases.map(\.description).joined(separator: " ")
        == "x1 x2 x1² x2² x1x2 sin(x1) sin(x2)")
  }
}
