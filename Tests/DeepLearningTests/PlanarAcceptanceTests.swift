import DeepLearning
import Foundation
import Testing

// The course notebook "Planar data classification with one hidden layer": flower data,
// n_h = 4, learning rate 1.2, 10,000 iterations, parameters initialized after seeding 2.

@Test func planarTrainingPrintsTheNotebookCosts() {
  let (X, Y) = Datasets.planarFlower()
  var rng = NumPyRandom(seed: 2)
  var network = TwoLayerNetwork.initialize(nX: 2, nH: 4, nY: 1, rng: &rng)
  let costs = network.fit(X: X, Y: Y, iterations: 10_000, learningRate: 1.2)
  let printed = stride(from: 0, through: 7000, by: 1000).map { sixDecimals(costs[$0]) }
  #expect(
    printed == [
      "0.693048", "0.288083", "0.254385", "0.233864", "0.226792", "0.222644", "0.219731", "0.217504",
    ])
}

@Test func planarTrainingReachesTheNotebookAccuracy() {
  let (X, Y) = Datasets.planarFlower()
  let network = TwoLayerNetwork.train(X: X, Y: Y, hiddenUnits: 4, iterations: 10_000, learningRate: 1.2)
  let predictions = network.predict(X)
  // 362 of 400 points. A few points lie so close to the boundary that the last bits of 10,000
  // iterations decide them (with OpenBLAS and the C library's tanh the same code printed 90.75
  // on one machine); the library's own arithmetic gives this on every machine.
  #expect(accuracy(predictions, Y) == 90.5)
}

/// `value` formatted like Python's `%f`.
private func sixDecimals(_ value: Double) -> String { String(format: "%f", value) }
