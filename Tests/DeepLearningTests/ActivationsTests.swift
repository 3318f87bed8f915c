import DeepLearning
import Testing

private let samplePoints: Tensor = [[-3.0, -0.7, -0.1], [0.2, 1.3, 4.0]]

/// Central differences of `f` at every element of `z`.
private func numericalDerivative(_ f: (Tensor) -> Tensor, at z: Tensor, h: Double = 1e-6) -> [Double] {
  zip(f(z + h).scalars, f(z - h).scalars).map { ($0 - $1) / (2 * h) }
}

private func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
  zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

@Test func sigmoidIsCorrectlyRounded() {
  // The exact values rounded to the nearest double. numpy's `1 / (1 + np.exp(-z))` rounds three
  // times and prints 0.8807970779778823 at z = 2, one ulp below.
  let s = sigmoid(Tensor([0, 2, -3.5]))
  #expect(s.scalars == [0.5, 0.8807970779778824, 0.02931223075135632])
}

@Test func reluAndLeakyReluClipNegatives() {
  #expect(relu(Tensor([-2, 0, 3])).scalars == [0, 0, 3])
  #expect(leakyRelu(Tensor([-2, 0, 3])).scalars == [-0.02, 0, 3])
  #expect(leakyRelu(Tensor([-2]), slope: 0.2).scalars == [-0.4])
}

@Test func activationsKeepTheShape() {
  #expect(sigmoid(samplePoints).shape == [2, 3])
  #expect(Activation.tanh.apply(samplePoints).shape == [2, 3])
}

@Test func sigmoidDerivativeMatchesNumericalDerivative() {
  #expect(
    maxDifference(sigmoidDerivative(samplePoints).scalars, numericalDerivative(sigmoid, at: samplePoints))
      < 1e-9)
}

@Test func tanhDerivativeMatchesNumericalDerivative() {
  #expect(
    maxDifference(tanhDerivative(samplePoints).scalars, numericalDerivative(tanh, at: samplePoints)) < 1e-9)
}

@Test func reluDerivativeMatchesNumericalDerivativeAwayFromZero() {
  #expect(
    maxDifference(reluDerivative(samplePoints).scalars, numericalDerivative(relu, at: samplePoints)) < 1e-9)
  #expect(reluDerivative(Tensor([0])).scalars == [0])
}

@Test func leakyReluDerivativeMatchesNumericalDerivative() {
  let numeric = numericalDerivative({ leakyRelu($0, slope: 0.1) }, at: samplePoints)
  #expect(maxDifference(leakyReluDerivative(samplePoints, slope: 0.1).scalars, numeric) < 1e-9)
}

@Test(arguments: [Activation.sigmoid, .tanh, .relu, .leakyRelu(0.05), .linear])
func activationDerivativeMatchesNumericalDerivative(activation: Activation) {
  let numeric = numericalDerivative(activation.apply, at: samplePoints)
  #expect(maxDifference(activation.derivative(samplePoints).scalars, numeric) < 1e-9)
}

@Test(arguments: [Activation.sigmoid, .tanh, .relu, .leakyRelu(0.05), .linear])
func activationBackwardIsGradientTimesDerivative(activation: Activation) {
  let dA: Tensor = [[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]]
  let expected = (dA * activation.derivative(samplePoints)).scalars
  #expect(maxDifference(activation.backward(dA, z: samplePoints).scalars, expected) < 1e-15)
}

@Test func activationNamesFollowTheCourse() {
  #expect(Activation.leakyRelu(0.01).description == "leaky_relu(0.01)")
  #expect("\(Activation.relu)" == "relu")
}

@Test func crossEntropyMatchesNumpy() {
  let cost = binaryCrossEntropy(Tensor([[0.8, 0.9, 0.4]]), Tensor([[1, 1, 0]]))
  #expect(abs(cost - 0.2797765635793423) < 1e-15)
}

@Test func crossEntropyDerivativeIsTheCoursesDAL() {
  let dAL = binaryCrossEntropyDerivative(Tensor([[0.8, 0.4]]), Tensor([[1, 0]]))
  #expect(maxDifference(dAL.scalars, [-1.25, 1 / 0.6]) < 1e-15)
}

@Test func accuracyCountsMatchingLabels() {
  #expect(accuracy(Tensor([[1, 0, 1, 1]]), Tensor([[1, 1, 1, 1]])) == 75)
}

@Test func initializersScaleStandardNormalDraws() {
  var rng = NumPyRandom(seed: 3)
  let draws = rng.randn(2, 8)
  for (initializer, scale) in [
    (Initializer.random(scale: 0.01), 0.01), (.he, 0.5), (.xavier, (1.0 / 8).squareRoot()),
  ] {
    var seeded = NumPyRandom(seed: 3)
    let w = initializer.weights(rows: 2, columns: 8, rng: &seeded)
    #expect(w.shape == [2, 8])
    #expect(maxDifference(w.scalars, (draws * scale).scalars) < 1e-16)
  }
  var seeded = NumPyRandom(seed: 3)
  #expect(Initializer.zeros.weights(rows: 2, columns: 8, rng: &seeded) == Tensor.zeros(2, 8))
  #expect(seeded.randn() == draws.scalars[0])
}
