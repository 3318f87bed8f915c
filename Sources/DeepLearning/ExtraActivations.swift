// Activations the course lists beside ReLU without defining them: the exponential linear unit
// (ELU) and its scaled form (SELU), with their derivatives, and the gradient of a leaky ReLU's
// slope when the slope is learned. They use the library's own exp, so they give the same bits
// on every machine.

/// SELU's scale λ (Klambauer et al., "Self-Normalizing Neural Networks", 2017).
public let seluScale: Double = 1.0507009873554804934193349852946
/// SELU's α, the height of its negative saturation before scaling.
public let seluAlpha: Double = 1.6732632423543772848170429916717

/// The exponential linear unit: `z` where positive, `alpha * (exp(z) - 1)` elsewhere.
public func elu(_ z: Tensor, alpha: Double = 1) -> Tensor {
  z.mapElementary { z, tables in z > 0 ? z : alpha * (deterministicExp(z, tables) - 1) }
}

/// The derivative of the ELU at `z`: 1 where `z > 0`, `alpha * exp(z)` elsewhere (the left
/// limit, `alpha`, at `z = 0`).
public func eluDerivative(_ z: Tensor, alpha: Double = 1) -> Tensor {
  z.mapElementary { z, tables in z > 0 ? 1 : alpha * deterministicExp(z, tables) }
}

/// The scaled exponential linear unit: `seluScale * elu(z, alpha: seluAlpha)`.
public func selu(_ z: Tensor) -> Tensor {
  z.mapElementary { z, tables in
    seluScale * (z > 0 ? z : seluAlpha * (deterministicExp(z, tables) - 1))
  }
}

/// The derivative of the SELU at `z`: `seluScale` where `z > 0`, else
/// `seluScale * seluAlpha * exp(z)`.
public func seluDerivative(_ z: Tensor) -> Tensor {
  z.mapElementary { z, tables in
    seluScale * (z > 0 ? 1 : seluAlpha * deterministicExp(z, tables))
  }
}

/// The gradient of the cost with respect to the slope `f` of a leaky ReLU `max(f z, z)` that
/// one layer shares, given `dA`, the gradient with respect to the layer's activations: the sum
/// of `dA * z` over the elements where `z <= 0` (where the activation is `f z`).
/// - Precondition: `dA` and `z` have the same shape.
public func leakyReluSlopeGradient(_ dA: Tensor, z: Tensor) -> Double {
  if dA.shape != z.shape {
    fatalError("leakyReluSlopeGradient: dA has shape \(dA.shape), z has shape \(z.shape)")
  }
  var total: Double = 0
  for (d, value) in zip(dA.scalars, z.scalars) where value <= 0 { total += d * value }
  return total
}
