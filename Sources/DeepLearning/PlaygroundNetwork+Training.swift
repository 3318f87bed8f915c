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
    let skipDead = configuration.regularization == .l1
    for (index, point) in points.enumerated() {
      _ = kernel.forward(point.x1, point.x2)
      kernel.accumulate(point.label, skipDead: skipDead)
      accumulated += 1
      if (index + 1) % configuration.batchSize == 0 {
        // The gradient step with the derivatives averaged over the batch, then the
        // regularization step (see `PlaygroundRegularization`).
        kernel.update(count: accumulated, configuration)
        accumulated = 0
      }
    }
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
    var network = PlaygroundNetwork(configuration, seed: seed)
    trainLoss = [network.loss(data.train)]
    testLoss = [network.loss(data.test)]
    for _ in 0..<epochs {
      network.trainEpoch(data.train)
      trainLoss.append(network.loss(data.train))
      testLoss.append(network.loss(data.test))
    }
    self.network = network
  }
}
