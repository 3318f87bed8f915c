/// How a layer's weight matrix starts before training (biases always start at zero).
///
/// Each case draws from a ``NumPyRandom`` exactly as the course's numpy line does, so a
/// network seeded like the notebook starts from the notebook's numbers:
/// - `zeros`: `np.zeros((n, n_prev))` (draws nothing; every unit then learns the same thing);
/// - `random(scale:)`: `np.random.randn(n, n_prev) * scale` (the course uses 0.01);
/// - `he`: `np.random.randn(n, n_prev) * np.sqrt(2 / n_prev)` (for ReLU layers);
/// - `xavier`: `np.random.randn(n, n_prev) * np.sqrt(1 / n_prev)` (for tanh layers).
public enum Initializer: Sendable, Hashable {
  case zeros
  case random(scale: Double)
  case he
  case xavier

  /// A weight matrix of shape `(rows, columns)` for a layer of `rows` units fed by `columns`
  /// inputs (`n_prev = columns`).
  public func weights(rows: Int, columns: Int, rng: inout NumPyRandom) -> Tensor {
    let scale: Double
    switch self {
    case .zeros: return Tensor.zeros(rows, columns)
    case .random(let s): scale = s
    case .he: scale = (2.0 / Double(columns)).squareRoot()
    case .xavier: scale = (1.0 / Double(columns)).squareRoot()
    }
    var w = rng.randn(rows, columns)
    w.scalars.withUnsafeMutableBufferPointer { x in
      for i in x.indices { x[i] *= scale }
    }
    return w
  }
}
