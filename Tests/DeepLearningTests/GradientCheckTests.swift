import DeepLearning
import Testing

@Test func flattenAndUnflattenRoundTrip() {
  let parts: [Tensor] = [[[1, 2], [3, 4]], [[5], [6]]]
  let vector = flattenParameters(parts)
  #expect(vector.shape == [6, 1])
  #expect(vector.scalars == [1, 2, 3, 4, 5, 6])
  #expect(unflattenParameters(vector, shapes: parts.map(\.shape)) == parts)
}

@Test func oneDimensionalCheckAgreesForJEqualsThetaX() {
  // The course's first example: J(θ) = θ x, so dJ/dθ = x.
  let x = 2.0
  let difference = gradientCheck(parameters: [Tensor(4.0)], gradients: [Tensor(x)]) { $0[0].scalar * x }
  #expect(difference < 1e-7)
}

@Test func gradientCheckFlagsAWrongGradient() {
  let difference = gradientCheck(parameters: [Tensor(4.0)], gradients: [Tensor(3.0)]) { $0[0].scalar * 2 }
  #expect(difference > 0.1)
}

@Test func numericalGradientOfASquareIsTwiceTheInput() {
  let g = numericalGradient(at: [Tensor([1.0, -2.0, 3.0])]) { ($0[0] * $0[0]).sum() }
  #expect(zip(g[0].scalars, [2.0, -4.0, 6.0]).allSatisfy { abs($0 - $1) < 1e-6 })
}

@Test(arguments: [Activation.relu, .tanh, .sigmoid, .leakyRelu(0.01)])
func deepNetworkBackwardPassesGradientCheck(hidden: Activation) {
  var rng = NumPyRandom(seed: 1)
  var net = DeepNetwork.initializeParametersDeep(
    layerDims: [4, 5, 3, 1], initializer: .he, rng: &rng, hiddenActivation: hidden)
  // Random biases keep every pre-activation away from ReLU's kink at 0.
  for l in net.layers.indices { net.layers[l].b = rng.randn(net.layers[l].b.shape) }
  let X = rng.randn(4, 3)
  let Y: Tensor = [[1, 1, 0]]
  #expect(net.parameterNames == ["W1", "b1", "W2", "b2", "W3", "b3"])
  #expect(net.gradientCheck(X: X, Y: Y) < 1e-7)
}

@Test func gradientCheckCatchesABrokenBackwardPass() {
  var rng = NumPyRandom(seed: 1)
  let net = DeepNetwork.initializeParametersDeep(layerDims: [4, 5, 3, 1], initializer: .he, rng: &rng)
  let X = rng.randn(4, 3)
  let Y: Tensor = [[1, 1, 0]]
  let (AL, caches) = net.modelForward(X)
  var gradients = net.modelBackward(AL: AL, Y: Y, caches: caches).flatMap { [$0.dW, $0.db] }
  gradients[0] = gradients[0] * 2
  var probe = net
  let difference = gradientCheck(parameters: net.parameters, gradients: gradients) {
    probe.parameters = $0
    return DeepNetwork.computeCost(probe.modelForward(X).AL, Y)
  }
  #expect(difference > 1e-3)
}
