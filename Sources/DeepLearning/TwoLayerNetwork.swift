/// The course's shallow network for the planar data: one hidden layer (tanh by default) and a
/// sigmoid output unit, examples in the columns of `X` (shape `(n_x, m)`), labels `Y` of shape
/// `(n_y, m)`.
///
/// The steps mirror the notebook "Planar data classification with one hidden layer":
/// ``layerSizes(X:Y:hiddenUnits:)``, ``initialize(nX:nH:nY:rng:hiddenActivation:)``,
/// ``forward(_:)``, ``cost(_:_:)``, ``backward(cache:X:Y:)``, ``update(_:learningRate:)``,
/// ``train(X:Y:hiddenUnits:iterations:learningRate:hiddenActivation:seed:printCost:)`` and
/// ``predict(_:)``. Seeded the same way, it reproduces the notebook's printed costs.
public struct TwoLayerNetwork: Sendable, Equatable {
  /// Hidden-layer weights, shape `(n_h, n_x)`.
  public var W1: Tensor
  /// Hidden-layer biases, shape `(n_h, 1)`.
  public var b1: Tensor
  /// Output weights, shape `(n_y, n_h)`.
  public var W2: Tensor
  /// Output biases, shape `(n_y, 1)`.
  public var b2: Tensor
  /// The activation of the hidden layer (the notebook's is tanh).
  public var hiddenActivation: Activation

  /// The values of a forward pass that the backward pass needs.
  public struct Cache: Sendable, Equatable {
    public var Z1: Tensor
    public var A1: Tensor
    public var Z2: Tensor
    public var A2: Tensor
  }

  /// The gradients of the cost with respect to each parameter.
  public struct Gradients: Sendable, Equatable {
    public var dW1: Tensor
    public var db1: Tensor
    public var dW2: Tensor
    public var db2: Tensor
  }

  public init(W1: Tensor, b1: Tensor, W2: Tensor, b2: Tensor, hiddenActivation: Activation = .tanh) {
    guard W1.rank == 2, W2.rank == 2, b1.shape == [W1.shape[0], 1], W2.shape[1] == W1.shape[0],
      b2.shape == [W2.shape[0], 1]
    else {
      fatalError(
        "TwoLayerNetwork: inconsistent shapes W1 \(W1.shape), b1 \(b1.shape), W2 \(W2.shape), b2 \(b2.shape)")
    }
    self.W1 = W1
    self.b1 = b1
    self.W2 = W2
    self.b2 = b2
    self.hiddenActivation = hiddenActivation
  }

  /// The sizes of the input, hidden and output layers: `n_x` and `n_y` from the rows of `X`
  /// and `Y`, `n_h` as given (the notebook's is 4).
  public static func layerSizes(X: Tensor, Y: Tensor, hiddenUnits: Int = 4) -> (nX: Int, nH: Int, nY: Int) {
    (X.shape[0], hiddenUnits, Y.shape[0])
  }

  /// Small random weights and zero biases, drawn in the notebook's order:
  /// `W1 = randn(n_h, n_x) * 0.01`, `b1 = zeros`, `W2 = randn(n_y, n_h) * 0.01`, `b2 = zeros`.
  public static func initialize(
    nX: Int, nH: Int, nY: Int, rng: inout NumPyRandom, hiddenActivation: Activation = .tanh
  ) -> TwoLayerNetwork {
    let W1 = Initializer.random(scale: 0.01).weights(rows: nH, columns: nX, rng: &rng)
    let W2 = Initializer.random(scale: 0.01).weights(rows: nY, columns: nH, rng: &rng)
    return TwoLayerNetwork(
      W1: W1, b1: Tensor.zeros(nH, 1), W2: W2, b2: Tensor.zeros(nY, 1),
      hiddenActivation: hiddenActivation)
  }

  /// The forward pass: `Z1 = W1 X + b1`, `A1 = g(Z1)`, `Z2 = W2 A1 + b2`, `A2 = sigmoid(Z2)`.
  public func forward(_ X: Tensor) -> (A2: Tensor, cache: Cache) {
    guard X.rank == 2, X.shape[0] == W1.shape[1] else {
      fatalError("forward: X has shape \(X.shape) but W1 has shape \(W1.shape)")
    }
    var Z1 = Tensor.matmul(W1, X, transposeA: false, transposeB: false)
    ModelKernels.addColumn(&Z1, b1)
    let A1 = hiddenActivation.apply(Z1)
    var Z2 = Tensor.matmul(W2, A1, transposeA: false, transposeB: false)
    ModelKernels.addColumn(&Z2, b2)
    let A2 = sigmoid(Z2)
    return (A2, Cache(Z1: Z1, A1: A1, Z2: Z2, A2: A2))
  }

  /// The cross-entropy cost of the output `A2` against `Y` (the notebook's `compute_cost`).
  public static func cost(_ A2: Tensor, _ Y: Tensor) -> Double {
    binaryCrossEntropy(A2, Y)
  }

  /// The backward pass:
  /// `dZ2 = A2 - Y`, `dW2 = (1/m) dZ2 A1.T`, `db2 = (1/m) sum(dZ2, axis 1)`,
  /// `dZ1 = W2.T dZ2 * g'(Z1)` (for tanh `1 - A1^2`), `dW1 = (1/m) dZ1 X.T`,
  /// `db1 = (1/m) sum(dZ1, axis 1)`.
  public func backward(cache: Cache, X: Tensor, Y: Tensor) -> Gradients {
    let m = Double(X.shape[1])
    let dZ2 = ModelKernels.zip(cache.A2, Y, "backward: A2 - Y") { $0 - $1 }
    var dW2 = Tensor.matmul(dZ2, cache.A1, transposeA: false, transposeB: true)
    dW2 *= 1 / m
    var db2 = dZ2.sum(axis: 1, keepDims: true)
    db2 *= 1 / m
    var dZ1 = Tensor.matmul(W2, dZ2, transposeA: true, transposeB: false)
    hiddenActivation.multiplyByDerivative(&dZ1, output: cache.A1)
    var dW1 = Tensor.matmul(dZ1, X, transposeA: false, transposeB: true)
    dW1 *= 1 / m
    var db1 = dZ1.sum(axis: 1, keepDims: true)
    db1 *= 1 / m
    return Gradients(dW1: dW1, db1: db1, dW2: dW2, db2: db2)
  }

  /// One gradient-descent step: each parameter minus `learningRate` times its gradient.
  public mutating func update(_ grads: Gradients, learningRate: Double = 1.2) {
    let rate = learningRate
    ModelKernels.formZip(&W1, grads.dW1, "update W1") { $0 - rate * $1 }
    ModelKernels.formZip(&b1, grads.db1, "update b1") { $0 - rate * $1 }
    ModelKernels.formZip(&W2, grads.dW2, "update W2") { $0 - rate * $1 }
    ModelKernels.formZip(&b2, grads.db2, "update b2") { $0 - rate * $1 }
  }

  /// Runs `iterations` steps of forward, cost, backward and update, as the notebook's
  /// `nn_model` loop does. Returns the cost of every iteration; with `printCost`, prints
  /// `Cost after iteration i: 0.693048` every 1000 iterations.
  ///
  /// With one output unit the loop is fused (TwoLayerNetwork+Fit.swift): the same bits as
  /// ``fitStepByStep(X:Y:iterations:learningRate:printCost:)``, several times faster.
  @discardableResult
  public mutating func fit(
    X: Tensor, Y: Tensor, iterations: Int = 10_000, learningRate: Double = 1.2,
    printCost: Bool = false
  ) -> [Double] {
    if fitsFused {
      return fitFused(X: X, Y: Y, iterations: iterations, learningRate: learningRate, printCost: printCost)
    }
    return fitStepByStep(
      X: X, Y: Y, iterations: iterations, learningRate: learningRate, printCost: printCost)
  }

  /// The loop of ``fit(X:Y:iterations:learningRate:printCost:)`` spelled out: ``forward(_:)``,
  /// ``cost(_:_:)``, ``backward(cache:X:Y:)`` and ``update(_:learningRate:)`` on tensors.
  mutating func fitStepByStep(
    X: Tensor, Y: Tensor, iterations: Int, learningRate: Double, printCost: Bool
  ) -> [Double] {
    var costs: [Double] = []
    costs.reserveCapacity(iterations)
    for i in 0..<iterations {
      let (A2, cache) = forward(X)
      let cost = TwoLayerNetwork.cost(A2, Y)
      let grads = backward(cache: cache, X: X, Y: Y)
      update(grads, learningRate: learningRate)
      costs.append(cost)
      if printCost && i % 1000 == 0 {
        print("Cost after iteration \(i): \(cFormat(cost, fractionDigits: 6))")
      }
    }
    return costs
  }

  /// The notebook's `nn_model`: sizes from the data, parameters initialized from a generator
  /// seeded with `seed` (the notebook's `initialize_parameters` seeds 2), then ``fit(X:Y:iterations:learningRate:printCost:)``.
  public static func train(
    X: Tensor, Y: Tensor, hiddenUnits: Int = 4, iterations: Int = 10_000,
    learningRate: Double = 1.2, hiddenActivation: Activation = .tanh, seed: UInt32 = 2,
    printCost: Bool = false
  ) -> TwoLayerNetwork {
    let sizes = layerSizes(X: X, Y: Y, hiddenUnits: hiddenUnits)
    var rng = NumPyRandom(seed: seed)
    var network = initialize(
      nX: sizes.nX, nH: sizes.nH, nY: sizes.nY, rng: &rng, hiddenActivation: hiddenActivation)
    network.fit(X: X, Y: Y, iterations: iterations, learningRate: learningRate, printCost: printCost)
    return network
  }

  /// 0/1 predictions, 1 where the output probability is above 0.5; shape `(n_y, m)`.
  public func predict(_ X: Tensor) -> Tensor {
    forward(X).A2.map { $0 > 0.5 ? 1 : 0 }
  }
}
