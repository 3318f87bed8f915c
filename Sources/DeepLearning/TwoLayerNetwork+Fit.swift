// The training loop of ``TwoLayerNetwork`` for one output unit, fused: every iteration works in
// buffers allocated once, each pass over the examples does all it can, and no tensor is built.
// Each value is formed by the same IEEE operations, in the same order, as in ``forward(_:)``,
// ``cost(_:_:)``, ``backward(cache:X:Y:)`` and ``update(_:learningRate:)`` (a product element is
// `((0 + a0 b0) + a1 b1) + ...`, a bias is added after its product, a gradient is scaled by
// `1/m` after its sum, sums over examples are numpy's pairwise ones), so the costs and the
// parameters are the same bits as the step-by-step loop's; `TwoLayerNetworkTests` compares them.

extension TwoLayerNetwork {
  /// Whether ``fit(X:Y:iterations:learningRate:printCost:)`` runs the fused loop: one output unit.
  var fitsFused: Bool { W2.shape[0] == 1 }

  /// The fused loop: the cost of every iteration, the parameters updated in place.
  mutating func fitFused(
    X: Tensor, Y: Tensor, iterations: Int, learningRate: Double, printCost: Bool
  ) -> [Double] {
    guard X.rank == 2, X.shape[0] == W1.shape[1], Y.shape == [1, X.shape[1]] else {
      fatalError("fit: X has shape \(X.shape), Y \(Y.shape), but W1 has shape \(W1.shape)")
    }
    let loop = FusedTwoLayerLoop(network: self, examples: X.shape[1])
    var costs: [Double] = []
    costs.reserveCapacity(iterations)
    X.scalars.withUnsafeBufferPointer { x in
      Y.scalars.withUnsafeBufferPointer { y in
        for i in 0..<iterations {
          let cost = loop.step(x, y, learningRate: learningRate)
          costs.append(cost)
          if printCost && i % 1000 == 0 {
            print("Cost after iteration \(i): \(cFormat(cost, fractionDigits: 6))")
          }
        }
      }
    }
    loop.write(into: &self)
    return costs
  }
}

/// The parameters of a one-output ``TwoLayerNetwork`` and the scratch buffers of its iterations,
/// allocated once for the whole loop.
///
/// Hidden units are handled four at a time in the weight gradients: the hidden rows of `a1` and
/// `dz1` are padded to a multiple of four with rows that stay zero, and the sums of those lanes
/// are dropped.
final class FusedTwoLayerLoop {
  typealias Lanes = SIMD4<Double>

  let inputs: Int
  let hidden: Int
  let paddedHidden: Int
  let examples: Int
  let activation: Activation
  /// W1 by columns: `w1[q * hidden + i]` = W1[i][q].
  let w1: UnsafeMutableBufferPointer<Double>
  let b1: UnsafeMutableBufferPointer<Double>
  let w2: UnsafeMutableBufferPointer<Double>
  var b2: Double
  /// Z1 and then, in place, A1: `paddedHidden × examples`, row-major.
  let a1: UnsafeMutableBufferPointer<Double>
  /// dZ1, same layout as `a1`.
  let dz1: UnsafeMutableBufferPointer<Double>
  /// Z2, then A2, then (in place) dZ2.
  let output: UnsafeMutableBufferPointer<Double>
  /// The cross-entropy terms of the examples.
  let terms: UnsafeMutableBufferPointer<Double>
  /// The unscaled sums of dW2 (`paddedHidden`) and dW1 (`paddedHidden × inputs`, row-major).
  let dw2: UnsafeMutableBufferPointer<Double>
  let dw1: UnsafeMutableBufferPointer<Double>

  init(network: TwoLayerNetwork, examples: Int) {
    inputs = network.W1.shape[1]
    hidden = network.W1.shape[0]
    paddedHidden = (hidden + 3) / 4 * 4
    self.examples = examples
    activation = network.hiddenActivation
    func zeros(_ count: Int) -> UnsafeMutableBufferPointer<Double> {
      let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
      buffer.initialize(repeating: 0)
      return buffer
    }
    w1 = zeros(inputs * hidden)
    for i in 0..<hidden {
      for q in 0..<inputs { w1[q * hidden + i] = network.W1.scalars[i * inputs + q] }
    }
    b1 = zeros(hidden)
    _ = b1.update(fromContentsOf: network.b1.scalars)
    w2 = zeros(hidden)
    _ = w2.update(fromContentsOf: network.W2.scalars)
    b2 = network.b2.scalars[0]
    a1 = zeros(paddedHidden * examples)
    dz1 = zeros(paddedHidden * examples)
    output = zeros(examples)
    terms = zeros(examples)
    dw2 = zeros(paddedHidden)
    dw1 = zeros(paddedHidden * inputs)
  }

  deinit {
    for buffer in [w1, b1, w2, a1, dz1, output, terms, dw2, dw1] { buffer.deallocate() }
  }

  /// The parameters back into the network's tensors.
  func write(into network: inout TwoLayerNetwork) {
    for i in 0..<hidden {
      for q in 0..<inputs { network.W1.scalars[i * inputs + q] = w1[q * hidden + i] }
      network.b1.scalars[i] = b1[i]
      network.W2.scalars[i] = w2[i]
    }
    network.b2.scalars[0] = b2
  }

  /// One iteration: forward pass, cost, backward pass, update. Returns the cost.
  func step(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>, learningRate rate: Double)
    -> Double
  {
    let m = examples
    let scale = 1 / Double(m)
    let tables = MathTablePointers.shared
    // Z1 = W1 X + b1, then A1 = g(Z1) in place.
    hiddenPreactivations(x)
    activation.apply(inPlace: UnsafeMutableBufferPointer(rebasing: a1[0..<(hidden * m)]))
    // Z2 = W2 A1 + b2, A2 = sigmoid(Z2), the cost.
    outputPreactivations()
    applyElementwise(SigmoidKernel.self, UnsafeBufferPointer(output), output, tables)
    crossEntropyTerms(UnsafeBufferPointer(output), y, terms, tables)
    let cost = -pairwiseSum(terms.baseAddress!, m) / Double(m)
    // dZ2 = A2 - Y (in place), db2; dZ1 = W2.T dZ2 * g'(Z1) from A1.
    for j in 0..<m { output[j] = output[j] - y[j] }
    let db2 = pairwiseSum(output.baseAddress!, m) * scale
    hiddenDeltas()
    // dW2 = dZ2 A1.T, dW1 = dZ1 X.T (each element summed in example order), then the update.
    weightGradients(x)
    for i in 0..<hidden {
      let db1 = pairwiseSum(dz1.baseAddress! + i * m, m) * scale
      w2[i] = w2[i] - rate * (dw2[i] * scale)
      b1[i] = b1[i] - rate * db1
      for q in 0..<inputs { w1[q * hidden + i] = w1[q * hidden + i] - rate * (dw1[i * inputs + q] * scale) }
    }
    b2 = b2 - rate * db2
    return cost
  }

  /// `z[i][j] = ((0 + W1[i][0] x[0][j]) + W1[i][1] x[1][j] + ...) + b1[i]` into `a1`, a vector
  /// of examples at a time.
  private func hiddenPreactivations(_ x: UnsafeBufferPointer<Double>) {
    let m = examples
    let xs = x.baseAddress!
    let width = DoubleLanes.scalarCount
    withUnsafeTemporaryAllocation(of: DoubleLanes.self, capacity: inputs) { weights in
      for i in 0..<hidden {
        let row = a1.baseAddress! + i * m
        let bias = b1[i]
        for q in 0..<inputs { weights[q] = DoubleLanes(repeating: w1[q * hidden + i]) }
        var j = 0
        while j + width <= m {
          var s = DoubleLanes()
          for q in 0..<inputs { s = s + weights[q] * Self.loadLanes(xs + q * m + j) }
          Self.store(s + DoubleLanes(repeating: bias), row + j)
          j += width
        }
        while j < m {
          var s = 0.0
          for q in 0..<inputs { s = s + w1[q * hidden + i] * xs[q * m + j] }
          row[j] = s + bias
          j += 1
        }
      }
    }
  }

  /// `z2[j] = ((0 + W2[0] a1[0][j]) + W2[1] a1[1][j] + ...) + b2` into `output`, a vector of
  /// examples at a time.
  private func outputPreactivations() {
    let m = examples
    let a = UnsafePointer(a1.baseAddress!)
    let width = DoubleLanes.scalarCount
    withUnsafeTemporaryAllocation(of: DoubleLanes.self, capacity: hidden) { weights in
      for i in 0..<hidden { weights[i] = DoubleLanes(repeating: w2[i]) }
      let bias = DoubleLanes(repeating: b2)
      var j = 0
      while j + width <= m {
        var s = DoubleLanes()
        for i in 0..<hidden { s = s + weights[i] * Self.loadLanes(a + i * m + j) }
        Self.store(s + bias, output.baseAddress! + j)
        j += width
      }
      while j < m {
        var s = 0.0
        for i in 0..<hidden { s = s + w2[i] * a[i * m + j] }
        output[j] = s + b2
        j += 1
      }
    }
  }

  /// `dz1[i][j] = (0 + W2[i] dZ2[j])`, then times g' from the activation `a1` as
  /// ``Activation/multiplyByDerivative(_:output:)`` forms it.
  private func hiddenDeltas() {
    let m = examples
    for i in 0..<hidden {
      let w = w2[i]
      let d = UnsafeMutableBufferPointer(rebasing: dz1[(i * m)..<((i + 1) * m)])
      for j in 0..<m { d[j] = 0 + w * output[j] }
      activation.multiplyByDerivative(d, output: UnsafeBufferPointer(rebasing: a1[(i * m)..<((i + 1) * m)]))
    }
  }

  /// The unscaled `dW2[i] = sum_j dZ2[j] a1[i][j]` and `dW1[i][q] = sum_j dz1[i][j] x[q][j]`
  /// into `dw2` and `dw1`, each a chain of additions in the order of `j` from +0. Four hidden
  /// units share a vector: a 4 × 4 block of rows is turned so that one load gives the four
  /// units' values for one example.
  private func weightGradients(_ x: UnsafeBufferPointer<Double>) {
    let m = examples
    let xs = x.baseAddress!
    let d2 = UnsafePointer(output.baseAddress!)
    withUnsafeTemporaryAllocation(of: Lanes.self, capacity: inputs) { sums1 in
      for group in stride(from: 0, to: paddedHidden, by: 4) {
        let a = UnsafePointer(a1.baseAddress! + group * m)
        let d = UnsafePointer(dz1.baseAddress! + group * m)
        var sum2 = Lanes()
        sums1.initialize(repeating: Lanes())
        var j = 0
        while j + 4 <= m {
          let aT = Self.transposed(
            Self.load(a + j), Self.load(a + m + j), Self.load(a + 2 * m + j), Self.load(a + 3 * m + j))
          let dT = Self.transposed(
            Self.load(d + j), Self.load(d + m + j), Self.load(d + 2 * m + j), Self.load(d + 3 * m + j))
          let e = Self.load(d2 + j)
          sum2 = sum2 + aT.0 * Lanes(repeating: e[0])
          sum2 = sum2 + aT.1 * Lanes(repeating: e[1])
          sum2 = sum2 + aT.2 * Lanes(repeating: e[2])
          sum2 = sum2 + aT.3 * Lanes(repeating: e[3])
          for q in 0..<inputs {
            let v = Self.load(xs + q * m + j)
            var s = sums1[q]
            s = s + dT.0 * Lanes(repeating: v[0])
            s = s + dT.1 * Lanes(repeating: v[1])
            s = s + dT.2 * Lanes(repeating: v[2])
            s = s + dT.3 * Lanes(repeating: v[3])
            sums1[q] = s
          }
          j += 4
        }
        while j < m {
          let aj = Lanes(a[j], a[m + j], a[2 * m + j], a[3 * m + j])
          let dj = Lanes(d[j], d[m + j], d[2 * m + j], d[3 * m + j])
          sum2 = sum2 + aj * Lanes(repeating: d2[j])
          for q in 0..<inputs { sums1[q] = sums1[q] + dj * Lanes(repeating: xs[q * m + j]) }
          j += 1
        }
        for l in 0..<4 {
          dw2[group + l] = sum2[l]
          for q in 0..<inputs { dw1[(group + l) * inputs + q] = sums1[q][l] }
        }
      }
    }
  }

  @inline(__always)
  static func load(_ p: UnsafePointer<Double>) -> Lanes { UnsafeRawPointer(p).loadUnaligned(as: Lanes.self) }
  @inline(__always)
  static func loadLanes(_ p: UnsafePointer<Double>) -> DoubleLanes {
    UnsafeRawPointer(p).loadUnaligned(as: DoubleLanes.self)
  }
  @inline(__always)
  static func store<V: SIMD>(_ v: V, _ p: UnsafeMutablePointer<Double>) where V.Scalar == Double {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
  }

  /// The columns of the 4 × 4 block whose rows are `r0`...`r3`.
  @inline(__always)
  static func transposed(_ r0: Lanes, _ r1: Lanes, _ r2: Lanes, _ r3: Lanes) -> (Lanes, Lanes, Lanes, Lanes) {
    (
      Lanes(r0[0], r1[0], r2[0], r3[0]), Lanes(r0[1], r1[1], r2[1], r3[1]),
      Lanes(r0[2], r1[2], r2[2], r3[2]), Lanes(r0[3], r1[3], r2[3], r3[3])
    )
  }
}
