// The course's activation functions and their derivatives, elementwise over tensors of any
// shape, computed with the library's own sigmoid and tanh (ElementaryFunctions.swift): the
// same bits on every machine, and within an ulp of the exact values, so they agree with
// numpy's `1 / (1 + np.exp(-z))` to the last bit or nearly so. `tanh(_:)` itself is one of the
// tensor's elementwise functions.

/// The logistic function `1 / (1 + exp(-z))`, elementwise.
public func sigmoid(_ z: Tensor) -> Tensor {
  z.elementwiseSigmoid()
}

/// The rectified linear unit `max(0, z)`, elementwise, as the course's `np.maximum(0, Z)`: a
/// nan stays nan (a diverged value shows) and -0.0 stays -0.0.
public func relu(_ z: Tensor) -> Tensor {
  z.map { propagatingMaximum(0, $0) }
}

/// The leaky ReLU: `z` where positive, `slope * z` elsewhere.
public func leakyRelu(_ z: Tensor, slope: Double = 0.01) -> Tensor {
  z.map { $0 > 0 ? $0 : slope * $0 }
}

/// The derivative of the sigmoid at `z`: `s * (1 - s)` with `s = sigmoid(z)`.
public func sigmoidDerivative(_ z: Tensor) -> Tensor {
  z.mapElementary { z, tables in
    let s = deterministicSigmoid(z, tables)
    return s * (1 - s)
  }
}

/// The derivative of tanh at `z`: `1 - tanh(z)^2`.
public func tanhDerivative(_ z: Tensor) -> Tensor {
  z.mapElementary { z, tables in
    let t = deterministicTanh(z, tables)
    return 1 - t * t
  }
}

/// The derivative of ReLU at `z`: 1 where `z > 0`, else 0 (0 at `z = 0`, as the course's
/// `relu_backward` sets `dZ[Z <= 0] = 0`).
public func reluDerivative(_ z: Tensor) -> Tensor {
  z.map { $0 <= 0 ? 0 : 1 }
}

/// The derivative of the leaky ReLU at `z`: 1 where `z > 0`, else `slope`.
public func leakyReluDerivative(_ z: Tensor, slope: Double = 0.01) -> Tensor {
  z.map { $0 > 0 ? 1 : slope }
}

/// An activation function of a layer, with its derivative.
public enum Activation: Sendable, Hashable, CustomStringConvertible {
  case sigmoid
  case tanh
  case relu
  /// The leaky ReLU with the given slope for negative inputs (0.01 in the course).
  case leakyRelu(Double)
  /// The identity, `g(z) = z`.
  case linear

  /// `g(z)`, elementwise.
  public func apply(_ z: Tensor) -> Tensor {
    var a = z
    a.scalars.withUnsafeMutableBufferPointer { apply(inPlace: $0) }
    return a
  }

  /// Replaces every value `z` of `values` by `g(z)` (the tensor functions' operations).
  func apply(inPlace values: UnsafeMutableBufferPointer<Double>) {
    let tables = MathTablePointers.shared
    switch self {
    case .sigmoid: applyElementwise(SigmoidKernel.self, UnsafeBufferPointer(values), values, tables)
    case .tanh: applyElementwise(TanhKernel.self, UnsafeBufferPointer(values), values, tables)
    case .relu: for j in values.indices { values[j] = propagatingMaximum(0, values[j]) }
    case .leakyRelu(let slope):
      for j in values.indices { values[j] = values[j] > 0 ? values[j] : slope * values[j] }
    case .linear: break
    }
  }

  /// `g'(z)`, elementwise.
  public func derivative(_ z: Tensor) -> Tensor {
    switch self {
    case .sigmoid: sigmoidDerivative(z)
    case .tanh: tanhDerivative(z)
    case .relu: reluDerivative(z)
    case .leakyRelu(let slope): leakyReluDerivative(z, slope: slope)
    case .linear: Tensor.full(z.shape, 1)
    }
  }

  /// The gradient with respect to `z` given the gradient `dA` with respect to `a = g(z)`:
  /// `dA * g'(z)`, computed in one pass (the course's `relu_backward`, `sigmoid_backward`).
  public func backward(_ dA: Tensor, z: Tensor) -> Tensor {
    switch self {
    case .sigmoid:
      let tables = MathTablePointers.shared
      return ModelKernels.zip(dA, z, "sigmoid backward") { da, z in
        let s = deterministicSigmoid(z, tables)
        return da * s * (1 - s)
      }
    case .tanh:
      let tables = MathTablePointers.shared
      return ModelKernels.zip(dA, z, "tanh backward") { da, z in
        let t = deterministicTanh(z, tables)
        return da * (1 - t * t)
      }
    case .relu: return ModelKernels.zip(dA, z, "relu backward") { da, z in z <= 0 ? 0 : da }
    case .leakyRelu(let slope):
      return ModelKernels.zip(dA, z, "leaky relu backward") { da, z in z > 0 ? da : da * slope }
    case .linear: return dA
    }
  }

  /// The name the course uses: `sigmoid`, `tanh`, `relu`, `leaky_relu(0.01)`, `linear`.
  public var description: String {
    switch self {
    case .sigmoid: "sigmoid"
    case .tanh: "tanh"
    case .relu: "relu"
    case .leakyRelu(let slope): "leaky_relu(\(slope))"
    case .linear: "linear"
    }
  }
}

extension Activation {
  /// Multiplies `d` elementwise by `g'(z)` computed from the activation `a = g(z)`, in place:
  /// the notebook's `np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))` for tanh.
  func multiplyByDerivative(_ d: inout Tensor, output a: Tensor) {
    guard d.shape == a.shape else {
      fatalError("activation backward: shapes \(d.shape) and \(a.shape) differ")
    }
    a.scalars.withUnsafeBufferPointer { a in
      d.scalars.withUnsafeMutableBufferPointer { multiplyByDerivative($0, output: a) }
    }
  }

  /// ``multiplyByDerivative(_:output:)`` over buffers of the same length.
  func multiplyByDerivative(_ d: UnsafeMutableBufferPointer<Double>, output a: UnsafeBufferPointer<Double>) {
    switch self {
    case .sigmoid: for j in d.indices { d[j] = d[j] * (a[j] * (1 - a[j])) }
    case .tanh: for j in d.indices { d[j] = d[j] * (1 - a[j] * a[j]) }
    case .relu: for j in d.indices { d[j] = a[j] <= 0 ? 0 : d[j] }
    case .leakyRelu(let slope): for j in d.indices { d[j] = a[j] > 0 ? d[j] : d[j] * slope }
    case .linear: break
    }
  }
}
