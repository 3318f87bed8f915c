/// Which penalty on the weights the playground adds to its updates.
public enum PlaygroundRegularization: String, CaseIterable, Sendable, Hashable {
  /// No penalty.
  case none
  /// The L1 penalty `rate * sum |w|`: every update moves each weight towards 0 by `lr * rate`,
  /// and a weight that would cross 0 is set to 0 and stays there.
  case l1
  /// The L2 penalty `rate * sum w^2 / 2`: every update shrinks each weight by `lr * rate * w`.
  case l2
}

/// The settings of a playground network: inputs, hidden layers, activation, and how it learns.
public struct PlaygroundConfiguration: Sendable, Hashable {
  /// The input features, in order.
  public var features: [PlaygroundFeature]
  /// The number of neurons of each hidden layer (empty: the inputs feed the output neuron).
  public var hiddenLayers: [Int]
  /// The activation of the hidden neurons; the output neuron always uses tanh.
  public var activation: Activation
  /// The step size of gradient descent.
  public var learningRate: Double
  /// The penalty on the weights (biases are never penalized).
  public var regularization: PlaygroundRegularization
  /// The strength of the penalty.
  public var regularizationRate: Double
  /// How many training points are seen between two updates.
  public var batchSize: Int

  /// The playground's defaults: x1 and x2, hidden layers of 4 and 2 tanh neurons, learning rate
  /// 0.03, no regularization, batches of 10.
  public init(
    features: [PlaygroundFeature] = [.x1, .x2], hiddenLayers: [Int] = [4, 2],
    activation: Activation = .tanh, learningRate: Double = 0.03,
    regularization: PlaygroundRegularization = .none, regularizationRate: Double = 0,
    batchSize: Int = 10
  ) {
    self.features = features
    self.hiddenLayers = hiddenLayers
    self.activation = activation
    self.learningRate = learningRate
    self.regularization = regularization
    self.regularizationRate = regularizationRate
    self.batchSize = batchSize
  }
}

/// A fully connected network as the TensorFlow Playground builds and trains it: one input per
/// feature, hidden layers, one tanh output neuron, the loss `(output - label)^2 / 2`, and
/// per-point backpropagation whose derivatives are averaged over a batch before each update.
///
/// Weights start uniform in `[-0.5, 0.5)` and biases at 0.1, as in the playground. Everything
/// is plain Double arithmetic in a fixed order with the library's tanh and sigmoid, so a run
/// gives the same bits on every machine.
public struct PlaygroundNetwork: Sendable {
  /// The settings the network was built with (only the learning rate changes afterwards,
  /// through ``changeLearningRate(to:)``).
  public internal(set) var configuration: PlaygroundConfiguration
  /// Neurons per layer, inputs first and the output neuron last.
  public let layerSizes: [Int]
  /// `weights[l][j * layerSizes[l] + i]` connects neuron `i` of layer `l` to neuron `j` of
  /// layer `l + 1`.
  public internal(set) var weights: [[Double]]
  /// `biases[l][j]` is the bias of neuron `j` of layer `l + 1`.
  public internal(set) var biases: [[Double]]
  /// Weights that L1 regularization set to 0 for good.
  var dead: [[Bool]]
  var weightDerivatives: [[Double]]
  var biasDerivatives: [[Double]]
  /// Points whose derivatives are accumulated since the last update.
  var accumulated = 0

  /// A freshly initialized network; the weights come from `NumPyRandom(seed: seed)`.
  ///
  /// - Precondition: at least one feature, at most 8 neurons per hidden layer and at least 1,
  ///   a positive batch size.
  public init(_ configuration: PlaygroundConfiguration, seed: UInt32 = 1) {
    guard !configuration.features.isEmpty else {
      fatalError("PlaygroundNetwork: at least one input feature is needed")
    }
    guard configuration.hiddenLayers.allSatisfy({ (1...8).contains($0) }) else {
      fatalError("PlaygroundNetwork: hidden layers need 1 to 8 neurons, got \(configuration.hiddenLayers)")
    }
    guard configuration.batchSize > 0 else {
      fatalError("PlaygroundNetwork: batch size must be positive, got \(configuration.batchSize)")
    }
    self.configuration = configuration
    layerSizes = [configuration.features.count] + configuration.hiddenLayers + [1]
    var rng = NumPyRandom(seed: seed)
    var weights: [[Double]] = []
    var biases: [[Double]] = []
    for l in 0..<layerSizes.count - 1 {
      var layer: [Double] = []
      for _ in 0..<layerSizes[l + 1] * layerSizes[l] { layer.append(rng.rand() - 0.5) }
      weights.append(layer)
      biases.append(Array(repeating: 0.1, count: layerSizes[l + 1]))
    }
    self.weights = weights
    self.biases = biases
    dead = weights.map { Array(repeating: false, count: $0.count) }
    weightDerivatives = weights.map { Array(repeating: 0, count: $0.count) }
    biasDerivatives = biases.map { Array(repeating: 0, count: $0.count) }
  }

  /// The outputs of every layer at the point `(x1, x2)`: the features, each hidden layer, then
  /// the output neuron's value in `(-1, 1)`.
  public func layerOutputs(x1: Double, x2: Double) -> [[Double]] {
    let kernel = PlaygroundKernel(self, derivatives: false)
    defer { kernel.release() }
    _ = kernel.forward(x1, x2)
    return layerSizes.indices.map { l in
      (0..<layerSizes[l]).map { kernel.outputs[kernel.neuronStart[l] + $0] }
    }
  }

  /// The network's output at `(x1, x2)`; its sign is the predicted class.
  public func output(x1: Double, x2: Double) -> Double {
    let kernel = PlaygroundKernel(self, derivatives: false)
    defer { kernel.release() }
    return kernel.forward(x1, x2)
  }

  /// The playground's loss: the mean over `points` of `(output - label)^2 / 2`.
  public func loss(_ points: [PlaygroundPoint]) -> Double {
    let kernel = PlaygroundKernel(self, derivatives: false)
    defer { kernel.release() }
    return kernel.loss(PlaygroundPointTable(points, features: configuration.features))
  }

  /// The sum of the absolute values of all weights (biases excluded).
  public var weightL1Norm: Double {
    weights.reduce(0) { total, layer in layer.reduce(total) { $0 + abs($1) } }
  }

  /// The Euclidean norm of all weights (biases excluded).
  public var weightL2Norm: Double {
    weights.reduce(0) { total, layer in layer.reduce(total) { $0 + $1 * $1 } }.squareRoot()
  }

  /// How many weights are exactly 0.
  public var zeroWeights: Int {
    weights.reduce(0) { $0 + $1.filter { $0 == 0 }.count }
  }

  /// The number of weights.
  public var weightCount: Int { weights.reduce(0) { $0 + $1.count } }
}
