/// Training as the playground does it: one epoch is one pass over the training points in their
/// order; each point is propagated forward and backward and its derivatives added up, and the
/// weights move by the learning rate times the average derivative, then by the regularization
/// step, after the point of index `i` (counted from 0 in every epoch) whenever
/// `(i + 1) % batchSize == 0`.
///
/// Where the batch size does not divide the number of points, the points after the epoch's
/// last update are not dropped: their derivatives stay accumulated, so the next epoch's first
/// update averages over them and its own first `batchSize` points. A batch size above the
/// number of points never updates.
extension PlaygroundNetwork {
  /// One pass over `points`.
  public mutating func trainEpoch(_ points: [PlaygroundPoint]) {
    let kernel = PlaygroundKernel(self, derivatives: true)
    defer { kernel.release() }
    kernel.trainEpoch(
      PlaygroundPointTable(points, features: configuration.features), accumulated: &accumulated,
      configuration)
    kernel.store(into: &self)
  }
}

/// A trained playground network with its loss curves.
public struct PlaygroundRun: Sendable {
  /// The network after the last epoch.
  public var network: PlaygroundNetwork
  /// The training loss before training (index 0) and after each epoch.
  public var trainLoss: [Double]
  /// The test loss at the same moments.
  public var testLoss: [Double]

  /// Builds a network from `seed` and trains it for `epochs` passes over `data.train`.
  public init(
    _ configuration: PlaygroundConfiguration, data: PlaygroundData, epochs: Int, seed: UInt32 = 1
  ) {
    let trainer = PlaygroundTrainer(PlaygroundNetwork(configuration, seed: seed), data: data)
    trainLoss = [trainer.trainLoss]
    testLoss = [trainer.testLoss]
    for _ in 0..<epochs {
      trainer.trainEpoch()
      trainLoss.append(trainer.trainLoss)
      testLoss.append(trainer.testLoss)
    }
    network = trainer.network
  }
}

/// A playground network that trains on one data set epoch after epoch, as the live page does:
/// its parameters stay in flat memory between epochs and every point's features are computed
/// once. Its runs are `PlaygroundNetwork.trainEpoch(_:)`'s and `loss(_:)`'s, bit for bit.
public final class PlaygroundTrainer {
  private let kernel: PlaygroundKernel
  private var configuration: PlaygroundConfiguration
  private var accumulated: Int
  private let train: PlaygroundPointTable
  private let test: PlaygroundPointTable
  /// The network as it was given: its shape, for `network`.
  private let start: PlaygroundNetwork

  /// Takes over `network`, to train on `data.train` and measure on both sets.
  public init(_ network: PlaygroundNetwork, data: PlaygroundData) {
    kernel = PlaygroundKernel(network, derivatives: true)
    configuration = network.configuration
    accumulated = network.accumulated
    train = PlaygroundPointTable(data.train, features: configuration.features)
    test = PlaygroundPointTable(data.test, features: configuration.features)
    start = network
  }

  deinit { kernel.release() }

  /// One pass over the training points.
  public func trainEpoch() {
    kernel.trainEpoch(train, accumulated: &accumulated, configuration)
  }

  /// The loss over the training points.
  public var trainLoss: Double { kernel.loss(train) }

  /// The loss over the test points.
  public var testLoss: Double { kernel.loss(test) }

  /// Sets the step size of the updates from now on (see `PlaygroundNetwork.changeLearningRate`).
  public func changeLearningRate(to learningRate: Double) {
    configuration.learningRate = learningRate
  }

  /// Neurons per layer, inputs first and the output neuron last.
  public var layerSizes: [Int] { kernel.sizes }

  /// `PlaygroundNetwork.neuronOutputs(over:)` of the network as it is now, read from the
  /// trainer's own memory.
  public func neuronOutputs(over axis: [Double]) -> [Double] { kernel.neuronOutputs(over: axis) }

  /// The network as it is now.
  public var network: PlaygroundNetwork {
    var network = start
    kernel.store(into: &network)
    network.accumulated = accumulated
    network.changeLearningRate(to: configuration.learningRate)
    return network
  }
}
