/// Training as the playground does it: one epoch is one pass over the training points in their
/// order; each point is propagated forward and backward, its derivatives added up, and after
/// every `batchSize` points the weights move by the learning rate times the average derivative,
/// then by the regularization step. Points left over at the end of an epoch are carried into
/// the first batch of the next one.
extension PlaygroundNetwork {
  /// One pass over `points`.
  public mutating func trainEpoch(_ points: [PlaygroundPoint]) {
    var outputs = layerSizes.map { Array(repeating: 0.0, count: $0) }
    var derivatives = layerSizes.map { Array(repeating: 0.0, count: $0) }
    for point in points {
      forward(point.x1, point.x2, into: &outputs)
      accumulate(point.label, outputs, &derivatives)
      if accumulated == configuration.batchSize { update() }
    }
  }

  /// Adds the derivatives of `(output - label)^2 / 2` for one point; `outputs` is its forward
  /// pass, `derivatives` scratch space shaped like it (it ends holding dLoss/dz per neuron).
  mutating func accumulate(_ label: Double, _ outputs: [[Double]], _ derivatives: inout [[Double]]) {
    let last = layerSizes.count - 1
    let output = outputs[last][0]
    derivatives[last][0] = (output - label) * (1 - output * output)
    for l in stride(from: last - 1, through: 0, by: -1) {
      let inputs = layerSizes[l]
      for j in 0..<layerSizes[l + 1] {
        let dz = derivatives[l + 1][j]
        biasDerivatives[l][j] += dz
        for i in 0..<inputs where !dead[l][j * inputs + i] {
          weightDerivatives[l][j * inputs + i] += dz * outputs[l][i]
        }
      }
      guard l > 0 else { break }
      for i in 0..<inputs {
        var total = 0.0
        for j in 0..<layerSizes[l + 1] {
          total += weights[l][j * inputs + i] * derivatives[l + 1][j]
        }
        derivatives[l][i] =
          total * Self.slope(configuration.activation, output: outputs[l][i])
      }
    }
    accumulated += 1
  }

  /// The gradient step with the averaged derivatives, then the regularization step; clears
  /// the accumulated derivatives.
  mutating func update() {
    guard accumulated > 0 else { return }
    let count = Double(accumulated)
    let learningRate = configuration.learningRate
    let penalty = learningRate * configuration.regularizationRate
    for l in 0..<weights.count {
      for j in 0..<biases[l].count {
        biases[l][j] -= learningRate * biasDerivatives[l][j] / count
        biasDerivatives[l][j] = 0
      }
      for k in 0..<weights[l].count where !dead[l][k] {
        // As in the playground, the penalty's derivative is taken at the weight before the step.
        let before = weights[l][k]
        let w = before - (learningRate / count) * weightDerivatives[l][k]
        weightDerivatives[l][k] = 0
        switch configuration.regularization {
        case .none:
          weights[l][k] = w
        case .l2:
          weights[l][k] = w - penalty * before
        case .l1:
          let shrunk = w - penalty * (before > 0 ? 1 : before < 0 ? -1 : 0)
          if w * shrunk < 0 {
            weights[l][k] = 0
            dead[l][k] = true
          } else {
            weights[l][k] = shrunk
          }
        }
      }
    }
    accumulated = 0
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
