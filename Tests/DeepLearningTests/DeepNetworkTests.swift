import DeepLearning
import Testing

// Reference numbers from numpy with the course's L-layer functions: dims [3, 5, 4, 1], He
// weights after seeding 1, every bias 0.1, X = the next randn(3, 6) draws.

private let labels: Tensor = [[1, 0, 1, 1, 0, 0]]

private func referenceSetup() -> (network: DeepNetwork, X: Tensor) {
  var rng = NumPyRandom(seed: 1)
  var net = DeepNetwork.initializeParametersDeep(layerDims: [3, 5, 4, 1], initializer: .he, rng: &rng)
  for l in net.layers.indices { net.layers[l].b += 0.1 }
  return (net, rng.randn(3, 6))
}

private func close(_ a: Tensor, _ b: [Double]) -> Bool {
  a.count == b.count && zip(a.scalars, b).allSatisfy { abs($0 - $1) <= 1e-13 * max(1, abs($1)) }
}

@Test func initializeParametersDeepFollowsTheLayerDims() {
  let (net, _) = referenceSetup()
  #expect(net.layerDims == [3, 5, 4, 1])
  #expect(net.layers.map(\.activation) == [.relu, .relu, .sigmoid])
  #expect(close(net.layers[0].W.row(0), [1.3262724356768405, -0.4994970201058942, -0.43125042986571754]))
  #expect(
    close(
      net.layers[2].W, [-0.008955223776562972, -0.7900577242099105, 0.16575692954304244, 1.1736573748625845]))
}

@Test func linearForwardAddsTheBiasToEveryColumn() {
  let (Z, cache) = DeepNetwork.linearForward([[1, 2], [3, 4]], W: [[1, -1]], b: [[0.5]])
  #expect(Z == Tensor([[-1.5, -1.5]]))
  #expect(cache.W == Tensor([[1, -1]]))
}

@Test func modelForwardAndCostMatchNumpy() {
  let (net, X) = referenceSetup()
  let (AL, caches) = net.modelForward(X)
  #expect(caches.count == 3)
  #expect(
    close(
      AL,
      [
        0.52497918747894, 0.13254285191240783, 0.07222908269316651, 0.2888666474781757, 0.4931729076956969,
        0.40602341603718456,
      ]))
  #expect(abs(DeepNetwork.computeCost(AL, labels) - 0.9761315354600246) < 1e-14)
}

@Test func modelBackwardMatchesNumpy() {
  let (net, X) = referenceSetup()
  let (AL, caches) = net.modelForward(X)
  let grads = net.modelBackward(AL: AL, Y: labels, caches: caches)
  #expect(
    close(
      grads[0].dW,
      [
        0.07417462861459184, 0.030219237010094508, 0.012637383365801934, -0.12664956483773196,
        0.19147929665346575, -0.030599196789500918, -0.06453962138799152, -0.03389726698103904,
        -0.05258670498672151, -0.055653938470025824, 0.08406233602274474, -0.013448528348714956,
        -0.10414136498960061, -0.024459544880231526, -0.055518113719351406,
      ]))
  #expect(
    close(
      grads[0].db,
      [
        0.057352418693032536, 0.14348854714558593, -0.07381724315677002, 0.06306568421442306,
        -0.010178709970709118,
      ]))
  #expect(close(grads[2].dW, [0.01711525573434218, -0.5564888546420541, 0.016040881851229385, 0.0]))
  #expect(close(grads[2].db, [-0.18036431778407147]))
  #expect(
    close(
      grads[0].dAPrev.row(0),
      [
        0.0, 0.16986941955298798, -0.5123436988941341, -0.47702290348892706, 0.10163573637326241,
        -0.2719317477905245,
      ]))
}

@Test func updateParametersStepsEveryLayer() {
  var (net, X) = referenceSetup()
  let (AL, caches) = net.modelForward(X)
  let grads = net.modelBackward(AL: AL, Y: labels, caches: caches)
  let before = net
  net.updateParameters(grads, learningRate: 0.1)
  for l in net.layers.indices {
    #expect(net.layers[l].W == before.layers[l].W - 0.1 * grads[l].dW)
    #expect(net.layers[l].b == before.layers[l].b - 0.1 * grads[l].db)
  }
}

@Test func trainingLearnsXor() {
  let (X, Y) = Datasets.xor(count: 200, seed: 4)
  let net = DeepNetwork.train(
    X: X, Y: Y, layerDims: [2, 8, 1], initializer: .he, iterations: 3000, learningRate: 0.5, seed: 1)
  #expect(accuracy(net.predict(X), Y) > 95)
}
