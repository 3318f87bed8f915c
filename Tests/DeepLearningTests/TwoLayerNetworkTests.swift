@testable import DeepLearning
import Testing

// Reference numbers from numpy: X = randn(2, 3) after seeding 1, the notebook's forward and
// backward formulas, weights from seed 2 scaled up and biases set so every unit matters.

private let X = Tensor(
  shape: [2, 3],
  scalars: [
    1.6243453636632417, -0.6117564136500754, -0.5281717522634557,
    -1.0729686221561705, 0.8654076293246785, -2.3015386968802827,
  ])
private let Y: Tensor = [[1, 0, 1]]

private func network(_ activation: Activation) -> TwoLayerNetwork {
  TwoLayerNetwork(
    W1: Tensor(
      shape: [4, 2],
      scalars: [
        -0.4167578474054706, -0.05626682722632948, -2.136196095668454, 1.6402708084049886,
        -1.7934355851948631, -0.8417473656562041, 0.5028814171580428, -1.2452880866072316,
      ]),
    b1: [[0.1], [-0.2], [0.3], [0.05]],
    W2: [[-1.057952218862339, -0.9090076149268494, 0.5514540445464243, 2.2922080128149576]],
    b2: [[0.2]], hiddenActivation: activation)
}

private func close(_ a: Tensor, _ b: [Double]) -> Bool {
  a.count == b.count && zip(a.scalars, b).allSatisfy { abs($0 - $1) <= 1e-14 * max(1, abs($1)) }
}

@Test func layerSizesComeFromTheData() {
  let sizes = TwoLayerNetwork.layerSizes(X: Tensor.zeros(5, 3), Y: Tensor.zeros(2, 3))
  #expect(sizes.nX == 5 && sizes.nH == 4 && sizes.nY == 2)
}

@Test func initializeDrawsLikeTheNotebook() {
  var rng = NumPyRandom(seed: 2)
  let net = TwoLayerNetwork.initialize(nX: 2, nH: 4, nY: 1, rng: &rng)
  #expect(net.W1.shape == [4, 2] && net.W2.shape == [1, 4])
  #expect(net.b1 == Tensor.zeros(4, 1) && net.b2 == Tensor.zeros(1, 1))
  #expect(
    close(
      net.W1,
      [
        -0.004167578474054706, -0.0005626682722632948, -0.02136196095668454, 0.016402708084049886,
        -0.017934355851948631, -0.008417473656562041, 0.005028814171580428, -0.012452880866072316,
      ]))
  #expect(
    close(net.W2, [-0.01057952218862339, -0.009090076149268494, 0.005514540445464243, 0.022922080128149576]))
}

@Test func tanhForwardAndCostMatchNumpy() {
  let (A2, cache) = network(.tanh).forward(X)
  #expect(cache.A1.shape == [4, 3])
  #expect(close(A2, [0.9655098556472186, 0.06386074921441942, 0.9699946585147096]))
  #expect(abs(TwoLayerNetwork.cost(A2, Y) - 0.043851574965905964) < 1e-15)
}

@Test func tanhBackwardMatchesNumpy() {
  let net = network(.tanh)
  let grads = net.backward(cache: net.forward(X).cache, X: X, Y: Y)
  #expect(
    close(
      grads.dW1,
      [
        0.023264177325385993, -0.047900195072074075, 0.00023590473587902614, -0.0007035356687559187,
        -0.005974679101012238, 0.0076140270226411465, -0.009028613016410994, 0.012614636943336798,
      ]))
  #expect(
    close(
      grads.db1, [-0.0024148894702930267, -0.0003660648295794967, 0.006918016867801613, 0.010107238945591068])
  )
  #expect(
    close(grads.dW2, [0.007567904763466499, 0.04244743010287963, 0.013234872857808446, -0.03965321531947298]))
  #expect(close(grads.db2, [-0.0002115788745508107]))
}

@Test func reluHiddenLayerMatchesNumpy() {
  let net = network(.relu)
  let (A2, cache) = net.forward(X)
  let grads = net.backward(cache: cache, X: X, Y: Y)
  #expect(close(A2, [0.9947785910568202, 0.11387931331494613, 0.9994772533077599]))
  #expect(
    close(
      grads.db1, [-0.03997527706036948, -0.03450572099530887, 0.02083697904666249, -0.004388933191455196]))
  #expect(
    close(grads.dW2, [0.01154723437910254, 0.09589908064873094, 0.02482845681806774, -0.004296110445491304]))
}

@Test func sigmoidHiddenLayerMatchesNumpy() {
  let net = network(.sigmoid)
  let (A2, cache) = net.forward(X)
  let grads = net.backward(cache: cache, X: X, Y: Y)
  #expect(close(A2, [0.8753778142918884, 0.3991485887468319, 0.8979601738664769]))
  #expect(
    close(
      grads.db1, [-0.015535803354274735, -0.006524093984499319, 0.0127486385352324, 0.036957008687347116]))
  #expect(close(grads.db2, [0.05749552563506573]))
}

@Test func updateStepsAgainstTheGradient() {
  var net = network(.tanh)
  let grads = net.backward(cache: net.forward(X).cache, X: X, Y: Y)
  let before = net
  net.update(grads, learningRate: 0.5)
  #expect(net.W1 == before.W1 - 0.5 * grads.dW1)
  #expect(net.b2 == before.b2 - 0.5 * grads.db2)
}

@Test func fitLowersTheCostAndPredictsLabels() {
  var net = network(.tanh)
  let costs = net.fit(X: X, Y: Y, iterations: 200, learningRate: 1.2)
  #expect(costs.count == 200)
  #expect(costs[199] < costs[0])
  #expect(net.predict(X) == Y)
}

/// The fused loop against the step-by-step one on the planar flower: every cost and every
/// parameter the same bits, for each hidden activation and for hidden sizes that are and are
/// not multiples of four, the example count not one either (397 examples).
@Test(arguments: [
  (Activation.tanh, 4), (.tanh, 1), (.tanh, 5), (.sigmoid, 3), (.relu, 6), (.leakyRelu(0.01), 2),
  (.linear, 4),
])
func fusedFitIsTheStepByStepLoop(activation: Activation, hiddenUnits: Int) {
  let (flowerX, flowerY) = Datasets.planarFlower()
  let X = flowerX.columns(0..<397)
  let Y = flowerY.columns(0..<397)
  var rng = NumPyRandom(seed: 3)
  var fused = TwoLayerNetwork.initialize(
    nX: 2, nH: hiddenUnits, nY: 1, rng: &rng, hiddenActivation: activation)
  var reference = fused
  let fusedCosts = fused.fit(X: X, Y: Y, iterations: 300, learningRate: 1.2)
  let referenceCosts = reference.fitStepByStep(
    X: X, Y: Y, iterations: 300, learningRate: 1.2, printCost: false)
  #expect(firstDifference(fusedCosts, referenceCosts) == nil)
  for (a, b) in [
    (fused.W1, reference.W1), (fused.b1, reference.b1), (fused.W2, reference.W2),
    (fused.b2, reference.b2),
  ] {
    #expect(firstDifference(a.scalars, b.scalars) == nil)
  }
}

/// The first index where two arrays differ in any bit (or in length), or nil.
private func firstDifference(_ a: [Double], _ b: [Double]) -> Int? {
  guard a.count == b.count else { return min(a.count, b.count) }
  return a.indices.first { a[$0].bitPattern != b[$0].bitPattern }
}
