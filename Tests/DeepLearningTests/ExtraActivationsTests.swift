import DeepLearning
import Testing

private let points: Tensor = [[-4.0, -1.2, -0.3], [0.4, 1.5, 3.0]]

/// Central differences of `f` at every element of `z`.
private func numericalDerivative(_ f: (Tensor) -> Tensor, at z: Tensor, h: Double = 1e-6) -> [Double] {
  zip(f(z + h).scalars, f(z - h).scalars).map { ($0 - $1) / (2 * h) }
}

private func largestGap(_ a: [Double], _ b: [Double]) -> Double {
  zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

@Test func eluIsTheIdentityForPositiveInputsAndSaturatesAtMinusAlpha() {
  let values = elu(Tensor([2, 0, -1, -40]), alpha: 1.5).scalars
  #expect(values[0] == 2)
  #expect(values[1] == 0)
  #expect(abs(values[2] - 1.5 * (exp(-1.0) - 1)) < 1e-15)
  #expect(abs(values[3] + 1.5) < 1e-15)
}

@Test func seluIsTheScaledElu() {
  let expected = (seluScale * elu(points, alpha: seluAlpha)).scalars
  #expect(largestGap(selu(points).scalars, expected) < 1e-15)
  #expect(selu(points).shape == [2, 3])
}

@Test func eluDerivativeMatchesNumericalDerivative() {
  let numeric = numericalDerivative({ elu($0, alpha: 0.7) }, at: points)
  #expect(largestGap(eluDerivative(points, alpha: 0.7).scalars, numeric) < 1e-8)
}

@Test func seluDerivativeMatchesNumericalDerivative() {
  #expect(largestGap(seluDerivative(points).scalars, numericalDerivative(selu, at: points)) < 1e-8)
}

@Test func leakyReluSlopeGradientMatchesNumericalDerivative() {
  // J(f) = sum(dA * leakyRelu(z, f)) is linear in the activations, so dJ/df is the slope gradient.
  let dA: Tensor = [[0.5, -2.0, 1.0], [3.0, -1.0, 0.25]]
  func cost(_ f: Double) -> Double { (dA * leakyRelu(points, slope: f)).sum() }
  let h: Double = 1e-6
  let numeric = (cost(0.1 + h) - cost(0.1 - h)) / (2 * h)
  let analytic = leakyReluSlopeGradient(dA, z: points)
  #expect(abs(analytic - (0.5 * -4.0 + -2.0 * -1.2 + 1.0 * -0.3)) < 1e-15)
  #expect(abs(analytic - numeric) < 1e-8)
}

@Test func seluKeepsUnitGaussianInputsNearZeroMeanAndUnitVariance() {
  var rng = NumPyRandom(seed: 0)
  let a = selu(rng.randn(1, 200_000))
  let mean = a.mean()
  let variance = ((a - mean) * (a - mean)).mean()
  #expect(abs(mean) < 0.01)
  #expect(abs(variance - 1) < 0.01)
}
