/// All elements of `tensors` in one column vector of shape `(n, 1)`, in order (the course's
/// `dictionary_to_vector` with the parameters listed as `W1, b1, W2, b2, ...`).
public func flattenParameters(_ tensors: [Tensor]) -> Tensor {
  var values: [Double] = []
  values.reserveCapacity(tensors.reduce(0) { $0 + $1.count })
  for t in tensors { values.append(contentsOf: t.scalars) }
  return Tensor(shape: [values.count, 1], scalars: values)
}

/// The inverse of ``flattenParameters(_:)``: cuts `vector` into tensors of the given shapes.
public func unflattenParameters(_ vector: Tensor, shapes: [Shape]) -> [Tensor] {
  let total = shapes.reduce(0) { $0 + $1.elementCount }
  guard vector.count == total else {
    fatalError("unflattenParameters: vector has \(vector.count) values, shapes need \(total)")
  }
  var start = 0
  return shapes.map { shape in
    let end = start + shape.elementCount
    defer { start = end }
    return Tensor(shape: shape, scalars: Array(vector.scalars[start..<end]))
  }
}

/// Central-difference estimates of the gradient of `cost` at `parameters`: for every element
/// `θ_i`, `(J(θ + ε e_i) - J(θ - ε e_i)) / (2ε)`. Costs `2n` evaluations of `cost`.
public func numericalGradient(
  at parameters: [Tensor], epsilon: Double = 1e-7, cost: ([Tensor]) -> Double
) -> [Tensor] {
  var probe = parameters
  var result = parameters.map { Tensor.zeros($0.shape) }
  for p in parameters.indices {
    for i in 0..<parameters[p].count {
      let original = parameters[p].scalars[i]
      probe[p].scalars[i] = original + epsilon
      let plus = cost(probe)
      probe[p].scalars[i] = original - epsilon
      let minus = cost(probe)
      probe[p].scalars[i] = original
      result[p].scalars[i] = (plus - minus) / (2 * epsilon)
    }
  }
  return result
}

/// The relative difference `‖g - g_approx‖ / (‖g‖ + ‖g_approx‖)` between two gradients given
/// as matching lists of tensors (0 when both are zero).
public func gradientDifference(_ gradient: [Tensor], _ approximation: [Tensor]) -> Double {
  let g = flattenParameters(gradient).scalars
  let a = flattenParameters(approximation).scalars
  guard g.count == a.count else {
    fatalError("gradientDifference: \(g.count) gradient values but \(a.count) approximations")
  }
  var difference = 0.0
  var normG = 0.0
  var normA = 0.0
  for i in g.indices {
    difference += (g[i] - a[i]) * (g[i] - a[i])
    normG += g[i] * g[i]
    normA += a[i] * a[i]
  }
  let denominator = normG.squareRoot() + normA.squareRoot()
  return denominator == 0 ? 0 : difference.squareRoot() / denominator
}

/// Gradient checking: compares the analytic `gradients` of `cost` at `parameters` with
/// central differences and returns their relative difference. Below about 1e-7 the
/// backward pass is right; above 1e-3 it almost surely has a bug.
public func gradientCheck(
  parameters: [Tensor], gradients: [Tensor], epsilon: Double = 1e-7,
  cost: ([Tensor]) -> Double
) -> Double {
  for (p, g) in zip(parameters, gradients) where p.shape != g.shape {
    fatalError("gradientCheck: a parameter has shape \(p.shape) but its gradient has shape \(g.shape)")
  }
  let approximation = numericalGradient(at: parameters, epsilon: epsilon, cost: cost)
  return gradientDifference(gradients, approximation)
}

extension DeepNetwork {
  /// The parameters in the course's order `W1, b1, W2, b2, ...`; setting it replaces them
  /// (shapes must match).
  public var parameters: [Tensor] {
    get { layers.flatMap { [$0.W, $0.b] } }
    set {
      guard newValue.count == 2 * layers.count else {
        fatalError("parameters: expected \(2 * layers.count) tensors, got \(newValue.count)")
      }
      for l in layers.indices {
        guard newValue[2 * l].shape == layers[l].W.shape, newValue[2 * l + 1].shape == layers[l].b.shape
        else {
          fatalError("parameters: layer \(l + 1) expects W \(layers[l].W.shape) and b \(layers[l].b.shape)")
        }
        layers[l].W = newValue[2 * l]
        layers[l].b = newValue[2 * l + 1]
      }
    }
  }

  /// The names matching ``parameters``: `W1, b1, W2, b2, ...`.
  public var parameterNames: [String] {
    layers.indices.flatMap { ["W\($0 + 1)", "b\($0 + 1)"] }
  }

  /// Checks ``modelBackward(AL:Y:caches:)`` against central differences of the cost on
  /// `(X, Y)` over every parameter; returns the relative difference.
  public func gradientCheck(X: Tensor, Y: Tensor, epsilon: Double = 1e-7) -> Double {
    let (AL, caches) = modelForward(X)
    let grads = modelBackward(AL: AL, Y: Y, caches: caches)
    let analytic = grads.flatMap { [$0.dW, $0.db] }
    var probe = self
    return DeepLearning.gradientCheck(parameters: parameters, gradients: analytic, epsilon: epsilon) {
      probe.parameters = $0
      return DeepNetwork.computeCost(probe.modelForward(X).AL, Y)
    }
  }
}
