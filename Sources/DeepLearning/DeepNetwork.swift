/// An L-layer fully connected network built from the course's blocks: linear step, activation,
/// caches kept for the backward pass. Hidden layers use ReLU and the output a sigmoid unless
/// told otherwise. Examples are the columns of `X` (shape `(n_x, m)`).
///
/// The functions mirror the notebook "Building your Deep Neural Network: Step by Step":
/// ``initializeParametersDeep(layerDims:initializer:rng:hiddenActivation:outputActivation:)``,
/// ``linearForward(_:W:b:)``, ``linearActivationForward(_:W:b:activation:)``,
/// ``modelForward(_:)``, ``computeCost(_:_:)``, ``linearBackward(_:cache:)``,
/// ``linearActivationBackward(_:cache:activation:)``, ``modelBackward(AL:Y:caches:)``,
/// ``updateParameters(_:learningRate:)``; then ``train(X:Y:layerDims:initializer:hiddenActivation:outputActivation:iterations:learningRate:seed:printCost:)``
/// and ``predict(_:)``.
public struct DeepNetwork: Sendable, Equatable {
  /// One layer: `A = activation(W A_prev + b)`.
  public struct Layer: Sendable, Equatable {
    /// Weights, shape `(n_l, n_{l-1})`.
    public var W: Tensor
    /// Biases, shape `(n_l, 1)`.
    public var b: Tensor
    public var activation: Activation

    public init(W: Tensor, b: Tensor, activation: Activation) {
      guard W.rank == 2, b.shape == [W.shape[0], 1] else {
        fatalError("DeepNetwork.Layer: W has shape \(W.shape), b has shape \(b.shape); b must be (n_l, 1)")
      }
      self.W = W
      self.b = b
      self.activation = activation
    }
  }

  /// What the linear step of a layer keeps for the backward pass: `(A_prev, W, b)`.
  public struct LinearCache: Sendable, Equatable {
    public var APrev: Tensor
    public var W: Tensor
    public var b: Tensor
  }

  /// What a layer keeps for the backward pass: its linear cache and `Z` (the course's
  /// `(linear_cache, activation_cache)`).
  public struct LayerCache: Sendable, Equatable {
    public var linear: LinearCache
    public var Z: Tensor
  }

  /// The layers in order; `layers[0]` is the course's layer 1 (`W1`, `b1`).
  public var layers: [Layer]

  public init(layers: [Layer]) {
    for l in layers.indices.dropFirst() where layers[l].W.shape[1] != layers[l - 1].W.shape[0] {
      fatalError(
        "DeepNetwork: layer \(l + 1) has W of shape \(layers[l].W.shape) after a layer of \(layers[l - 1].W.shape[0]) units"
      )
    }
    self.layers = layers
  }

  /// The sizes `[n_x, n_1, ..., n_L]`.
  public var layerDims: [Int] {
    guard let first = layers.first else { return [] }
    return [first.W.shape[1]] + layers.map { $0.W.shape[0] }
  }

  /// Weights from `initializer` and zero biases for the sizes `[n_x, n_1, ..., n_L]`, drawn
  /// in the course's order (`W1`, `W2`, ...; the biases draw nothing). The course's
  /// step-by-step notebook uses `.random(scale: 0.01)` after seeding 3.
  public static func initializeParametersDeep(
    layerDims: [Int], initializer: Initializer = .random(scale: 0.01), rng: inout NumPyRandom,
    hiddenActivation: Activation = .relu, outputActivation: Activation = .sigmoid
  ) -> DeepNetwork {
    guard layerDims.count >= 2 else {
      fatalError("initializeParametersDeep: need at least an input and an output size, got \(layerDims)")
    }
    var layers: [Layer] = []
    for l in 1..<layerDims.count {
      let W = initializer.weights(rows: layerDims[l], columns: layerDims[l - 1], rng: &rng)
      let activation = l == layerDims.count - 1 ? outputActivation : hiddenActivation
      layers.append(Layer(W: W, b: Tensor.zeros(layerDims[l], 1), activation: activation))
    }
    return DeepNetwork(layers: layers)
  }

  /// The linear step `Z = W A + b` and its cache `(A, W, b)`.
  public static func linearForward(_ A: Tensor, W: Tensor, b: Tensor) -> (Z: Tensor, cache: LinearCache) {
    guard A.rank == 2, W.rank == 2, W.shape[1] == A.shape[0] else {
      fatalError(
        "linearForward: shapes \(W.shape) and \(A.shape) not aligned: \(W.shape.last ?? 0) (dim 1) != \(A.shape.first ?? 0) (dim 0)"
      )
    }
    var Z = Tensor.matmul(W, A, transposeA: false, transposeB: false)
    ModelKernels.addColumn(&Z, b)
    return (Z, LinearCache(APrev: A, W: W, b: b))
  }

  /// A layer's forward step: `A = g(W A_prev + b)` and the cache `(linear cache, Z)`.
  public static func linearActivationForward(
    _ APrev: Tensor, W: Tensor, b: Tensor, activation: Activation
  ) -> (A: Tensor, cache: LayerCache) {
    let (Z, linearCache) = linearForward(APrev, W: W, b: b)
    return (activation.apply(Z), LayerCache(linear: linearCache, Z: Z))
  }

  /// The forward pass through all layers: the output `AL` and one cache per layer.
  public func modelForward(_ X: Tensor) -> (AL: Tensor, caches: [LayerCache]) {
    var A = X
    var caches: [LayerCache] = []
    caches.reserveCapacity(layers.count)
    for layer in layers {
      let (next, cache) = DeepNetwork.linearActivationForward(
        A, W: layer.W, b: layer.b, activation: layer.activation)
      caches.append(cache)
      A = next
    }
    return (A, caches)
  }

  /// The cross-entropy cost of `AL` against `Y` (the course's `compute_cost`).
  public static func computeCost(_ AL: Tensor, _ Y: Tensor) -> Double {
    binaryCrossEntropy(AL, Y)
  }

  /// 0/1 predictions, 1 where the output is above 0.5.
  public func predict(_ X: Tensor) -> Tensor {
    modelForward(X).AL.map { $0 > 0.5 ? 1 : 0 }
  }
}
