import Testing

@testable import DeepLearning

/// The playground network's forward pass over lanes (several points side by side) and the
/// training built on it give, bit for bit, what one point at a time gives.
@Suite struct PlaygroundLanesTests {
  /// Points that reach every branch of the activations: tiny, saturated and out-of-range
  /// inputs, a negative zero and a nan among ordinary ones.
  private let coordinates: [(Double, Double)] = [
    (1.5, -2), (-3, 0.5), (0.25, 4), (1e-20, -1e-18), (-0.0, 0.0), (300, -250), (45, 60),
    (-5.5, 5.75), (.nan, 1), (0.03125, -0.0625), (6, 6), (-6, -6),
  ]

  private static let activations: [Activation] = [.tanh, .sigmoid, .relu, .leakyRelu(0.01), .linear]

  /// Every neuron's output of each lane equals the scalar forward pass at that lane's point.
  @Test(arguments: activations)
  func lanesGiveEachPointsBits(_ activation: Activation) {
    let configuration = PlaygroundConfiguration(
      features: PlaygroundFeature.allCases, hiddenLayers: [8, 3], activation: activation)
    let network = PlaygroundNetwork(configuration, seed: 4)
    let kernel = PlaygroundKernel(network, derivatives: false)
    defer { kernel.release() }
    let table = PlaygroundPointTable(
      coordinates.map { PlaygroundPoint(x1: $0.0, x2: $0.1, label: 1) },
      features: configuration.features)
    let neurons = network.neuronCount
    for count in 1...PlaygroundKernel.laneWidth {
      for first in stride(from: 0, through: table.count - count, by: count) {
        table.values.withUnsafeBufferPointer {
          kernel.forwardLanes($0.baseAddress! + first, stride: table.count, count: count)
        }
        let lanes = (0..<neurons).map { kernel.laneOutputs[$0] }
        for p in 0..<count {
          let (x1, x2) = coordinates[first + p]
          _ = kernel.forward(x1, x2)
          for n in 0..<neurons {
            #expect(
              lanes[n][p].bitPattern == kernel.outputs[n].bitPattern,
              "point \(first + p), neuron \(n), count \(count), lanes \(lanes[n])")
          }
        }
      }
    }
  }

  /// One point at a time, as the playground's `oneStep` does it: forward, backward, and an
  /// update after the point of index `i` whenever `(i + 1) % batchSize == 0`.
  private func referenceEpoch(
    _ kernel: PlaygroundKernel, _ points: [PlaygroundPoint], accumulated: inout Int,
    _ configuration: PlaygroundConfiguration
  ) {
    for (index, point) in points.enumerated() {
      _ = kernel.forward(point.x1, point.x2)
      kernel.accumulate(point.label, skipDead: configuration.regularization == .l1)
      accumulated += 1
      if (index + 1) % configuration.batchSize == 0 {
        kernel.update(count: accumulated, configuration)
        accumulated = 0
      }
    }
  }

  private func referenceLoss(_ kernel: PlaygroundKernel, _ points: [PlaygroundPoint]) -> Double {
    var total = 0.0
    for point in points {
      let error = kernel.forward(point.x1, point.x2) - point.label
      total += 0.5 * error * error
    }
    return total / Double(points.count)
  }

  /// Training and losses through lanes equal the point-by-point reference after every epoch,
  /// for batch sizes that do and do not divide the 150 training points.
  @Test(arguments: [
    PlaygroundConfiguration(batchSize: 10),
    PlaygroundConfiguration(batchSize: 1),
    PlaygroundConfiguration(
      features: [.x1, .x2, .x1x2, .sinX1], hiddenLayers: [6, 3], activation: .relu,
      learningRate: 0.1, regularization: .l1, regularizationRate: 0.01, batchSize: 7),
    PlaygroundConfiguration(
      features: PlaygroundFeature.allCases, hiddenLayers: [8, 8, 8], activation: .sigmoid,
      learningRate: 0.3, regularization: .l2, regularizationRate: 0.003, batchSize: 30),
    PlaygroundConfiguration(hiddenLayers: [], activation: .linear, batchSize: 3),
  ])
  func trainerEqualsOnePointAtATime(_ configuration: PlaygroundConfiguration) {
    let data = PlaygroundData(.spiral, count: 300, noise: 0.2, seed: 5)
    let network = PlaygroundNetwork(configuration, seed: 5)
    let trainer = PlaygroundTrainer(network, data: data)
    let reference = PlaygroundKernel(network, derivatives: true)
    defer { reference.release() }
    var accumulated = 0
    for epoch in 1...4 {
      trainer.trainEpoch()
      referenceEpoch(reference, data.train, accumulated: &accumulated, configuration)
      #expect(
        trainer.trainLoss.bitPattern == referenceLoss(reference, data.train).bitPattern, "epoch \(epoch)")
      #expect(trainer.testLoss.bitPattern == referenceLoss(reference, data.test).bitPattern, "epoch \(epoch)")
    }
    var expected = network
    reference.store(into: &expected)
    let trained = trainer.network
    #expect(trained.weights.joined().map(\.bitPattern) == expected.weights.joined().map(\.bitPattern))
    #expect(trained.biases.joined().map(\.bitPattern) == expected.biases.joined().map(\.bitPattern))
  }
}
