import DeepLearning
import Testing

// Reference numbers from numpy, running the course notebook's functions on its test inputs.

private let w: Tensor = [[1.0], [2.0]]
private let X: Tensor = [[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]
private let Y: Tensor = [[1, 0, 1]]

private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-13) -> Bool {
  abs(a - b) <= tolerance * max(1, abs(b))
}

@Test func initializeWithZerosGivesAColumn() {
  let model = LogisticRegression.initializeWithZeros(dim: 2)
  #expect(model.w == Tensor.zeros(2, 1))
  #expect(model.b == 0)
}

@Test func propagateMatchesNumpy() {
  let (dw, db, cost) = LogisticRegression.propagate(w: w, b: 2, X: X, Y: Y)
  #expect(dw.shape == [2, 1])
  #expect(close(dw.scalars[0], 0.998456014637956))
  #expect(close(dw.scalars[1], 2.3950723884862066))
  #expect(close(db, 0.001455578136784208))
  #expect(close(cost, 5.801545319394553))
}

@Test func optimizeMatchesNumpy() {
  var model = LogisticRegression(w: w, b: 2)
  let costs = model.optimize(X: X, Y: Y, iterations: 100, learningRate: 0.009)
  #expect(close(model.w.scalars[0], 0.19033590888604332))
  #expect(close(model.w.scalars[1], 0.1225915924656141))
  #expect(close(model.b, 1.9253598300845747))
  #expect(costs.count == 1)
  #expect(close(costs[0], 5.801545319394553))
}

@Test func predictThresholdsAtOneHalf() {
  let model = LogisticRegression(w: [[0.1124579], [0.23106775]], b: -0.3)
  #expect(model.predict([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]]) == Tensor([[1.0, 1.0, 0.0]]))
}

@Test func trainingSeparatesALinearlySeparableSet() {
  let points: Tensor = [[-2, -1, -0.5, 0.5, 1, 2], [0.3, -0.2, 0.1, 0.2, -0.1, 0.4]]
  let labels: Tensor = [[0, 0, 0, 1, 1, 1]]
  let (model, costs) = LogisticRegression.train(X: points, Y: labels, iterations: 500, learningRate: 0.5)
  #expect(costs.count == 5)
  #expect(costs[4] < costs[0])
  #expect(model.predict(points) == labels)
}
