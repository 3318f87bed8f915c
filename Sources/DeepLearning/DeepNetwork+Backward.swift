extension DeepNetwork {
  /// The gradients of one layer, and of the activation it received.
  public struct LayerGradients: Sendable, Equatable {
    /// The gradient with respect to the layer's input `A_prev` (the course's `dA{l-1}`).
    public var dAPrev: Tensor
    public var dW: Tensor
    public var db: Tensor
  }

  /// The backward step of the linear part: from `dZ` and `(A_prev, W, b)`,
  /// `dW = (1/m) dZ A_prev.T`, `db = (1/m) sum(dZ, axis 1)`, `dA_prev = W.T dZ`.
  public static func linearBackward(_ dZ: Tensor, cache: LinearCache) -> (
    dAPrev: Tensor, dW: Tensor, db: Tensor
  ) {
    let m = Double(cache.APrev.shape[1])
    var dW = Tensor.matmul(dZ, cache.APrev, transposeA: false, transposeB: true)
    dW *= 1 / m
    var db = dZ.sum(axis: 1, keepDims: true)
    db *= 1 / m
    let dAPrev = Tensor.matmul(cache.W, dZ, transposeA: true, transposeB: false)
    return (dAPrev, dW, db)
  }

  /// A layer's backward step: `dZ = dA * g'(Z)`, then ``linearBackward(_:cache:)``.
  public static func linearActivationBackward(
    _ dA: Tensor, cache: LayerCache, activation: Activation
  ) -> (dAPrev: Tensor, dW: Tensor, db: Tensor) {
    let dZ = activation.backward(dA, z: cache.Z)
    return linearBackward(dZ, cache: cache.linear)
  }

  /// The backward pass through all layers, starting from the cross-entropy's
  /// `dAL = -(Y / AL - (1 - Y) / (1 - AL))`. Element `l - 1` holds layer `l`'s gradients.
  public func modelBackward(AL: Tensor, Y: Tensor, caches: [LayerCache]) -> [LayerGradients] {
    guard caches.count == layers.count else {
      fatalError("modelBackward: \(caches.count) caches for \(layers.count) layers")
    }
    var grads = [LayerGradients?](repeating: nil, count: layers.count)
    var dA = binaryCrossEntropyDerivative(AL, Y)
    for l in layers.indices.reversed() {
      let (dAPrev, dW, db) = DeepNetwork.linearActivationBackward(
        dA, cache: caches[l], activation: layers[l].activation)
      grads[l] = LayerGradients(dAPrev: dAPrev, dW: dW, db: db)
      dA = dAPrev
    }
    return grads.map { $0! }
  }

  /// One gradient-descent step on every layer: `W -= learningRate * dW`, `b -= learningRate * db`.
  public mutating func updateParameters(_ grads: [LayerGradients], learningRate: Double) {
    guard grads.count == layers.count else {
      fatalError("updateParameters: \(grads.count) gradients for \(layers.count) layers")
    }
    let rate = learningRate
    for l in layers.indices {
      ModelKernels.formZip(&layers[l].W, grads[l].dW, "updateParameters W") { $0 - rate * $1 }
      ModelKernels.formZip(&layers[l].b, grads[l].db, "updateParameters b") { $0 - rate * $1 }
    }
  }

  /// Gradient descent for `iterations` steps (forward, cost, backward, update). Returns the
  /// cost of every iteration; with `printCost`, prints `Cost after iteration i: 0.693147`
  /// every `printEvery` iterations (the course prints every 100).
  @discardableResult
  public mutating func fit(
    X: Tensor, Y: Tensor, iterations: Int = 3000, learningRate: Double = 0.0075,
    printCost: Bool = false, printEvery: Int = 100
  ) -> [Double] {
    var costs: [Double] = []
    costs.reserveCapacity(iterations)
    for i in 0..<iterations {
      let (AL, caches) = modelForward(X)
      let cost = DeepNetwork.computeCost(AL, Y)
      let grads = modelBackward(AL: AL, Y: Y, caches: caches)
      updateParameters(grads, learningRate: learningRate)
      costs.append(cost)
      if printCost && i % printEvery == 0 {
        print("Cost after iteration \(i): \(cFormat(cost, fractionDigits: 6))")
      }
    }
    return costs
  }

  /// The course's `L_layer_model`: a generator seeded with `seed`, parameters from
  /// ``initializeParametersDeep(layerDims:initializer:rng:hiddenActivation:outputActivation:)``,
  /// then ``fit(X:Y:iterations:learningRate:printCost:printEvery:)``.
  public static func train(
    X: Tensor, Y: Tensor, layerDims: [Int], initializer: Initializer = .xavier,
    hiddenActivation: Activation = .relu, outputActivation: Activation = .sigmoid,
    iterations: Int = 3000, learningRate: Double = 0.0075, seed: UInt32 = 1,
    printCost: Bool = false
  ) -> DeepNetwork {
    var rng = NumPyRandom(seed: seed)
    var network = initializeParametersDeep(
      layerDims: layerDims, initializer: initializer, rng: &rng,
      hiddenActivation: hiddenActivation, outputActivation: outputActivation)
    network.fit(X: X, Y: Y, iterations: iterations, learningRate: learningRate, printCost: printCost)
    return network
  }
}
