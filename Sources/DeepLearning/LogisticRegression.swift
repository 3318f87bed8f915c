/// Logistic regression as a one-neuron network, the course's first model: `w` of shape
/// `(n_x, 1)`, a scalar bias `b`, examples in the columns of `X` (shape `(n_x, m)`), labels
/// `Y` of shape `(1, m)`.
///
/// The methods follow the course's notebook one to one: ``initializeWithZeros(dim:)``,
/// ``propagate(w:b:X:Y:)`` (forward and backward pass), ``optimize(X:Y:iterations:learningRate:printCost:)``
/// (gradient descent) and ``predict(_:)``.
public struct LogisticRegression: Sendable, Equatable {
  /// The weights, shape `(n_x, 1)`.
  public var w: Tensor
  /// The bias.
  public var b: Double

  public init(w: Tensor, b: Double) {
    guard w.rank == 2, w.shape[1] == 1 else {
      fatalError("LogisticRegression: w must have shape (n_x, 1), got \(w.shape)")
    }
    self.w = w
    self.b = b
  }

  /// A model with `w = np.zeros((dim, 1))` and `b = 0`.
  public static func initializeWithZeros(dim: Int) -> LogisticRegression {
    LogisticRegression(w: Tensor.zeros(dim, 1), b: 0)
  }

  /// One forward and backward pass: the cost and its gradients with respect to `w` and `b`.
  ///
  /// `A = sigmoid(w.T X + b)`, `cost = -(1/m) sum(Y log A + (1 - Y) log(1 - A))`,
  /// `dw = (1/m) X (A - Y).T`, `db = (1/m) sum(A - Y)`.
  public static func propagate(w: Tensor, b: Double, X: Tensor, Y: Tensor) -> (
    dw: Tensor, db: Double, cost: Double
  ) {
    guard X.rank == 2, w.shape == [X.shape[0], 1] else {
      fatalError("propagate: w has shape \(w.shape) but X has shape \(X.shape); w must be (n_x, 1)")
    }
    let m = Double(X.shape[1])
    var z = Tensor.matmul(w, X, transposeA: true, transposeB: false)
    z += b
    let A = sigmoid(z)
    let cost = binaryCrossEntropy(A, Y)
    let dz = ModelKernels.zip(A, Y, "propagate") { $0 - $1 }
    var dw = Tensor.matmul(X, dz, transposeA: false, transposeB: true)
    dw *= 1 / m
    let db = 1 / m * dz.sum()
    return (dw, db, cost)
  }

  /// ``propagate(w:b:X:Y:)`` at this model's parameters.
  public func propagate(X: Tensor, Y: Tensor) -> (dw: Tensor, db: Double, cost: Double) {
    LogisticRegression.propagate(w: w, b: b, X: X, Y: Y)
  }

  /// Runs `iterations` steps of gradient descent (`w -= learningRate * dw`, same for `b`) and
  /// returns the cost recorded every 100 iterations, printing
  /// `Cost after iteration i: 0.693147` at those iterations when `printCost` is set.
  @discardableResult
  public mutating func optimize(
    X: Tensor, Y: Tensor, iterations: Int = 100, learningRate: Double = 0.009,
    printCost: Bool = false
  ) -> [Double] {
    var costs: [Double] = []
    for i in 0..<iterations {
      let (dw, db, cost) = propagate(X: X, Y: Y)
      w -= learningRate * dw
      b -= learningRate * db
      if i % 100 == 0 {
        costs.append(cost)
        if printCost { print("Cost after iteration \(i): \(cFormat(cost, fractionDigits: 6))") }
      }
    }
    return costs
  }

  /// The probabilities `sigmoid(w.T X + b)`, shape `(1, m)`.
  public func probabilities(_ X: Tensor) -> Tensor {
    var z = Tensor.matmul(w, X, transposeA: true, transposeB: false)
    z += b
    return sigmoid(z)
  }

  /// 0/1 predictions, 1 where the probability is above 0.5; shape `(1, m)`.
  public func predict(_ X: Tensor) -> Tensor {
    probabilities(X).map { $0 > 0.5 ? 1 : 0 }
  }

  /// The course's `model()`: zeros, then gradient descent on the training set. Returns the
  /// trained model and the costs recorded every 100 iterations.
  public static func train(
    X: Tensor, Y: Tensor, iterations: Int = 2000, learningRate: Double = 0.5,
    printCost: Bool = false
  ) -> (model: LogisticRegression, costs: [Double]) {
    var model = LogisticRegression.initializeWithZeros(dim: X.shape[0])
    let costs = model.optimize(
      X: X, Y: Y, iterations: iterations, learningRate: learningRate, printCost: printCost)
    return (model, costs)
  }
}
