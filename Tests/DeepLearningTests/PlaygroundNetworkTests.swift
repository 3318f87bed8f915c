import Testing

@testable import DeepLearning

@Suite struct PlaygroundNetworkTests {
  private let points: [PlaygroundPoint] = [
    PlaygroundPoint(x1: 1.5, x2: -2, label: 1), PlaygroundPoint(x1: -3, x2: 0.5, label: -1),
    PlaygroundPoint(x1: 0.25, x2: 4, label: 1),
  ]

  @Test func startsLikeThePlayground() {
    let network = PlaygroundNetwork(PlaygroundConfiguration(), seed: 1)
    #expect(network.layerSizes == [2, 4, 2, 1])
    #expect(network.weights.map(\.count) == [8, 8, 2])
    var rng = NumPyRandom(seed: 1)
    #expect(network.weights[0][0] == rng.rand() - 0.5)
    #expect(network.weights.joined().allSatisfy { $0 >= -0.5 && $0 < 0.5 })
    #expect(network.biases.joined().allSatisfy { $0 == 0.1 })
  }

  @Test func outputIsTanhOfTheLastLayer() {
    let configuration = PlaygroundConfiguration(features: [.x1, .x1x2], hiddenLayers: [])
    let network = PlaygroundNetwork(configuration, seed: 2)
    let w = network.weights[0]
    let expected = tanh(0.1 + w[0] * 1.5 + w[1] * (1.5 * -2))
    #expect(network.output(x1: 1.5, x2: -2) == expected)
  }

  @Test(arguments: [Activation.tanh, .sigmoid, .relu, .linear])
  func backpropagationMatchesFiniteDifferences(_ activation: Activation) {
    let configuration = PlaygroundConfiguration(
      features: [.x1, .x2, .sinX1], hiddenLayers: [3, 2], activation: activation, batchSize: 100)
    var network = PlaygroundNetwork(configuration, seed: 7)
    let start = network
    network.trainEpoch(points)  // fewer points than a batch: derivatives only, no update
    #expect(network.weights == start.weights && network.accumulated == 3)
    for l in 0..<start.weights.count {
      for k in 0..<start.weights[l].count {
        let numeric = centralDifference(start) { $0.weights[l][k] += $1 }
        let analytic = network.weightDerivatives[l][k] / 3
        #expect(abs(numeric - analytic) < 1e-7, "layer \(l) weight \(k)")
      }
      for j in 0..<start.biases[l].count {
        let numeric = centralDifference(start) { $0.biases[l][j] += $1 }
        #expect(abs(numeric - network.biasDerivatives[l][j] / 3) < 1e-7, "layer \(l) bias \(j)")
      }
    }
  }

  /// dLoss/dp by central differences, `nudge` adding a step to the parameter p.
  private func centralDifference(
    _ network: PlaygroundNetwork, _ nudge: (inout PlaygroundNetwork, Double) -> Void
  ) -> Double {
    let h = 1e-6
    var plus = network
    var minus = network
    nudge(&plus, h)
    nudge(&minus, -h)
    return (plus.loss(points) - minus.loss(points)) / (2 * h)
  }

  @Test func updatesAfterEveryBatchAndCarriesTheRestOver() {
    var network = PlaygroundNetwork(PlaygroundConfiguration(batchSize: 2), seed: 3)
    let start = network.weights
    network.trainEpoch(points)
    #expect(network.weights != start)
    #expect(network.accumulated == 1)
  }

  /// A one-weight network trained by hand with the playground's rule: update after the point
  /// of index `i` when `(i + 1) % batchSize == 0`, `i` from 0 in every epoch, the derivatives of
  /// the points after an epoch's last update kept for the next epoch's first update.
  @Test(arguments: [3, 4, 5])
  func batchesRestartEveryEpochAndKeepTheLeftoverPoints(_ batchSize: Int) {
    let line: [PlaygroundPoint] = (0..<7).map {
      PlaygroundPoint(x1: Double($0) * 0.7 - 2, x2: 0, label: $0 % 3 == 0 ? 1 : -1)
    }
    let configuration = PlaygroundConfiguration(
      features: [.x1], hiddenLayers: [], learningRate: 0.3, batchSize: batchSize)
    var network = PlaygroundNetwork(configuration, seed: 5)
    var w = network.weights[0][0]
    var b = network.biases[0][0]
    var (weightSum, biasSum, count) = (0.0, 0.0, 0)
    for _ in 0..<3 {
      for (i, point) in line.enumerated() {
        let output = tanh(b + w * point.x1)
        let dz = (output - point.label) * (1 - output * output)
        (weightSum, biasSum, count) = (weightSum + dz * point.x1, biasSum + dz, count + 1)
        guard (i + 1) % batchSize == 0 else { continue }
        b -= 0.3 * biasSum / Double(count)
        w -= (0.3 / Double(count)) * weightSum
        (weightSum, biasSum, count) = (0, 0, 0)
      }
      network.trainEpoch(line)
      #expect(network.weights[0][0] == w && network.biases[0][0] == b)
      #expect(network.accumulated == count)
    }
  }

  @Test func aBatchLargerThanTheEpochNeverUpdates() {
    var network = PlaygroundNetwork(PlaygroundConfiguration(batchSize: 4), seed: 6)
    let start = network.weights
    for _ in 0..<3 { network.trainEpoch(points) }
    #expect(network.weights == start)
    #expect(network.accumulated == 9)
  }

  @Test func l2ShrinksEveryWeightByTheRateTimesTheStep() {
    let configuration = PlaygroundConfiguration(
      learningRate: 0.1, regularization: .l2, regularizationRate: 0.5, batchSize: 3)
    var plain = PlaygroundNetwork(
      PlaygroundConfiguration(learningRate: 0.1, batchSize: 3), seed: 4)
    var penalized = PlaygroundNetwork(configuration, seed: 4)
    let start = plain.weights
    plain.trainEpoch(points)
    penalized.trainEpoch(points)
    for l in 0..<start.count {
      for k in 0..<start[l].count {
        #expect(penalized.weights[l][k] == plain.weights[l][k] - 0.1 * 0.5 * start[l][k])
      }
    }
  }

  @Test func l1SetsSmallWeightsToZeroForGood() {
    let configuration = PlaygroundConfiguration(
      learningRate: 0.1, regularization: .l1, regularizationRate: 3, batchSize: 1)
    var network = PlaygroundNetwork(configuration, seed: 4)
    network.trainEpoch(points)
    #expect(network.zeroWeights > 0)
    let zeros = network.weights.map { $0.map { $0 == 0 } }
    for _ in 0..<5 { network.trainEpoch(points) }
    for l in 0..<zeros.count {
      for k in 0..<zeros[l].count where zeros[l][k] { #expect(network.weights[l][k] == 0) }
    }
  }

  @Test func x1x2AloneSolvesXorWithoutHiddenLayers() {
    let data = PlaygroundData(.xor, count: 200, seed: 1)
    let configuration = PlaygroundConfiguration(features: [.x1x2], hiddenLayers: [], learningRate: 0.1)
    let run = PlaygroundRun(configuration, data: data, epochs: 50)
    #expect(run.trainLoss.count == 51 && run.testLoss.count == 51)
    #expect(run.trainLoss[0] > 0.3)
    #expect(run.testLoss.last! < 0.05)
  }

  @Test func sameSeedSameRun() {
    let data = PlaygroundData(.circle, count: 100, seed: 2)
    let a = PlaygroundRun(PlaygroundConfiguration(), data: data, epochs: 5, seed: 9)
    let b = PlaygroundRun(PlaygroundConfiguration(), data: data, epochs: 5, seed: 9)
    #expect(a.trainLoss == b.trainLoss && a.network.weights == b.network.weights)
  }

  @Test func normsCountEveryWeightAndNoBias() {
    var network = PlaygroundNetwork(PlaygroundConfiguration(hiddenLayers: [2]), seed: 1)
    network.weights = [[1, -2, 0, 2], [-1, 3]]
    #expect(network.weightL1Norm == 9)
    #expect(network.weightL2Norm == (19.0).squareRoot())
    #expect(network.zeroWeights == 1 && network.weightCount == 6)
  }
}
