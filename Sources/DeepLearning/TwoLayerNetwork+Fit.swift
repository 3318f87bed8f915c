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
    var loop = FusedTwoLayerLoop(network: self, examples: X.shape[1])
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

/// The parameters of a one-output ``TwoLayerNetwork`` and the scratch buffers of its iterations.
///
/// Hidden units are handled four at a time: the hidden rows are padded to a multiple of four
/// with rows whose weights, biases and activations stay zero, so they add nothing to any real
/// value (a padded unit's weight is +0 and its activation +0, and `s + (+0 * +0)` is `s`).
struct FusedTwoLayerLoop {
  typealias Lanes = SIMD4<Double>

  let inputs: Int
  let hidden: Int
  let paddedHidden: Int
  let examples: Int
  let activation: Activation
  /// W1 by columns: `w1[q * paddedHidden + i]` = W1[i][q].
  var w1: [Double]
  var b1: [Double]
  var w2: [Double]
  var b2: Double
  /// Z1 and then, in place, A1: `paddedHidden × examples`, row-major.
  var a1: [Double]
  /// dZ1, same layout as `a1`.
  var dz1: [Double]
  /// Z2, then A2, then (in place) dZ2.
  var output: [Double]
  /// The cross-entropy terms of the examples.
  var terms: [Double]

  init(network: TwoLayerNetwork, examples: Int) {
    inputs = network.W1.shape[1]
    hidden = network.W1.shape[0]
    paddedHidden = (hidden + 3) / 4 * 4
    self.examples = examples
    activation = network.hiddenActivation
    w1 = [Double](repeating: 0, count: inputs * paddedHidden)
    for i in 0..<hidden {
      for q in 0..<inputs { w1[q * paddedHidden + i] = network.W1.scalars[i * inputs + q] }
    }
    b1 = network.b1.scalars + [Double](repeating: 0, count: paddedHidden - hidden)
    w2 = network.W2.scalars + [Double](repeating: 0, count: paddedHidden - hidden)
    b2 = network.b2.scalars[0]
    a1 = [Double](repeating: 0, count: paddedHidden * examples)
    dz1 = a1
    output = [Double](repeating: 0, count: examples)
    terms = output
  }

  /// The parameters back into the network's tensors.
  func write(into network: inout TwoLayerNetwork) {
    for i in 0..<hidden {
      for q in 0..<inputs { network.W1.scalars[i * inputs + q] = w1[q * paddedHidden + i] }
      network.b1.scalars[i] = b1[i]
      network.W2.scalars[i] = w2[i]
    }
    network.b2.scalars[0] = b2
  }

  /// One iteration: forward pass, cost, backward pass, update. Returns the cost.
  mutating func step(
    _ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>, learningRate: Double
  ) -> Double {
    let m = examples
    let scale = 1 / Double(m)
    let tables = MathTablePointers.shared
    let (inputs, hidden, padded) = (self.inputs, self.hidden, self.paddedHidden)
    let activation = self.activation
    let rate = learningRate
    var b2 = self.b2
    var dw1 = [Double](repeating: 0, count: 0)
    var dw2 = dw1
    var db1 = dw1
    var db2 = 0.0
    var cost = 0.0
    w1.withUnsafeMutableBufferPointer { w1 in
      b1.withUnsafeMutableBufferPointer { b1 in
        w2.withUnsafeMutableBufferPointer { w2 in
          a1.withUnsafeMutableBufferPointer { a1 in
            dz1.withUnsafeMutableBufferPointer { dz1 in
              output.withUnsafeMutableBufferPointer { out in
                terms.withUnsafeMutableBufferPointer { terms in
                  // Z1 = W1 X + b1, then A1 = g(Z1) in place.
                  Self.hiddenPreactivations(w1, b1, x, a1, inputs: inputs, hidden: hidden, m: m)
                  Self.activate(activation, a1, count: hidden * m, tables)
                  // Z2 = W2 A1 + b2, A2 = sigmoid(Z2), the cost.
                  Self.outputPreactivations(w2, a1, b2, out, hidden: hidden, m: m)
                  applyElementwise(SigmoidKernel.self, UnsafeBufferPointer(out), out, tables)
                  crossEntropyTerms(UnsafeBufferPointer(out), y, terms, tables)
                  cost = -pairwiseSum(terms.baseAddress!, m) / Double(m)
                  // dZ2 = A2 - Y (in place), db2; dZ1 = W2.T dZ2 * g'(Z1) from A1.
                  for j in 0..<m { out[j] = out[j] - y[j] }
                  db2 = pairwiseSum(out.baseAddress!, m) * scale
                  Self.hiddenDeltas(activation, w2, out, a1, dz1, hidden: hidden, m: m)
                  // dW2 = dZ2 A1.T, dW1 = dZ1 X.T (each element summed in example order).
                  (dw2, dw1) = Self.weightGradients(
                    out, a1, dz1, x, inputs: inputs, padded: padded, m: m)
                  db1 = (0..<hidden).map { pairwiseSum(dz1.baseAddress! + $0 * m, m) * scale }
                }
              }
            }
          }
          for i in 0..<hidden { w2[i] = w2[i] - rate * (dw2[i] * scale) }
        }
        for i in 0..<hidden { b1[i] = b1[i] - rate * db1[i] }
      }
      for q in 0..<inputs {
        for i in 0..<hidden {
          w1[q * padded + i] = w1[q * padded + i] - rate * (dw1[i * inputs + q] * scale)
        }
      }
    }
    b2 = b2 - rate * db2
    self.b2 = b2
    return cost
  }

  /// `z[i][j] = ((0 + W1[i][0] x[0][j]) + W1[i][1] x[1][j] + ...) + b1[i]`, four examples at a time.
  @inline(__always)
  static func hiddenPreactivations(
    _ w1: UnsafeMutableBufferPointer<Double>, _ b1: UnsafeMutableBufferPointer<Double>,
    _ x: UnsafeBufferPointer<Double>, _ z: UnsafeMutableBufferPointer<Double>,
    inputs: Int, hidden: Int, m: Int
  ) {
    let padded = b1.count
    let xs = x.baseAddress!
    for i in 0..<hidden {
      let row = z.baseAddress! + i * m
      let bias = b1[i]
      var j = 0
      while j + 4 <= m {
        var s = Lanes()
        for q in 0..<inputs {
          s = s + Lanes(repeating: w1[q * padded + i]) * load(xs + q * m + j)
        }
        store(s + Lanes(repeating: bias), row + j)
        j += 4
      }
      while j < m {
        var s = 0.0
        for q in 0..<inputs { s = s + w1[q * padded + i] * xs[q * m + j] }
        row[j] = s + bias
        j += 1
      }
    }
  }

  /// The hidden activation over the first `count` elements, in place, as ``Activation/apply(_:)``.
  @inline(__always)
  static func activate(
    _ activation: Activation, _ a: UnsafeMutableBufferPointer<Double>, count: Int,
    _ tables: MathTablePointers
  ) {
    let values = UnsafeMutableBufferPointer(rebasing: a[0..<count])
    switch activation {
    case .tanh: applyElementwise(TanhKernel.self, UnsafeBufferPointer(values), values, tables)
    case .sigmoid: applyElementwise(SigmoidKernel.self, UnsafeBufferPointer(values), values, tables)
    case .relu: for j in values.indices { values[j] = values[j] > 0 ? values[j] : 0 }
    case .leakyRelu(let slope):
      for j in values.indices { values[j] = values[j] > 0 ? values[j] : slope * values[j] }
    case .linear: break
    }
  }

  /// `z2[j] = ((0 + W2[0] a1[0][j]) + W2[1] a1[1][j] + ...) + b2`, four examples at a time.
  @inline(__always)
  static func outputPreactivations(
    _ w2: UnsafeMutableBufferPointer<Double>, _ a1: UnsafeMutableBufferPointer<Double>,
    _ b2: Double, _ out: UnsafeMutableBufferPointer<Double>, hidden: Int, m: Int
  ) {
    let a = a1.baseAddress!
    var j = 0
    while j + 4 <= m {
      var s = Lanes()
      for i in 0..<hidden { s = s + Lanes(repeating: w2[i]) * load(a + i * m + j) }
      store(s + Lanes(repeating: b2), out.baseAddress! + j)
      j += 4
    }
    while j < m {
      var s = 0.0
      for i in 0..<hidden { s = s + w2[i] * a[i * m + j] }
      out[j] = s + b2
      j += 1
    }
  }

  /// `dz1[i][j] = (0 + W2[i] dZ2[j]) * g'` with g' from the activation `a1`, as
  /// ``Activation/multiplyByDerivative(_:output:)`` forms it.
  @inline(__always)
  static func hiddenDeltas(
    _ activation: Activation, _ w2: UnsafeMutableBufferPointer<Double>,
    _ dz2: UnsafeMutableBufferPointer<Double>, _ a1: UnsafeMutableBufferPointer<Double>,
    _ dz1: UnsafeMutableBufferPointer<Double>, hidden: Int, m: Int
  ) {
    for i in 0..<hidden {
      let w = w2[i]
      let a = a1.baseAddress! + i * m
      let d = dz1.baseAddress! + i * m
      switch activation {
      case .tanh: for j in 0..<m { d[j] = (0 + w * dz2[j]) * (1 - a[j] * a[j]) }
      case .sigmoid: for j in 0..<m { d[j] = (0 + w * dz2[j]) * (a[j] * (1 - a[j])) }
      case .relu: for j in 0..<m { d[j] = a[j] > 0 ? 0 + w * dz2[j] : 0 }
      case .leakyRelu(let slope):
        for j in 0..<m { d[j] = a[j] > 0 ? 0 + w * dz2[j] : (0 + w * dz2[j]) * slope }
      case .linear: for j in 0..<m { d[j] = 0 + w * dz2[j] }
      }
    }
  }

  /// The unscaled `dW2[i] = sum_j dZ2[j] a1[i][j]` and `dW1[i][q] = sum_j dz1[i][j] x[q][j]`
  /// (`dW1` row-major, `hidden × inputs`), each a chain of additions in the order of `j` from
  /// +0. Four hidden units share a vector: a 4 × 4 block of rows is turned so that one load
  /// gives the four units' values for one example.
  @inline(__always)
  static func weightGradients(
    _ dz2: UnsafeMutableBufferPointer<Double>, _ a1: UnsafeMutableBufferPointer<Double>,
    _ dz1: UnsafeMutableBufferPointer<Double>, _ x: UnsafeBufferPointer<Double>,
    inputs: Int, padded: Int, m: Int
  ) -> (dw2: [Double], dw1: [Double]) {
    let hidden = padded
    var dw2 = [Double](repeating: 0, count: padded)
    var dw1 = [Double](repeating: 0, count: padded * inputs)
    let xs = x.baseAddress!
    let d2 = dz2.baseAddress!
    var sums1 = [Lanes](repeating: Lanes(), count: inputs)
    for group in stride(from: 0, to: hidden, by: 4) {
      let a = a1.baseAddress! + group * m
      let d = dz1.baseAddress! + group * m
      var sum2 = Lanes()
      for q in 0..<inputs { sums1[q] = Lanes() }
      sums1.withUnsafeMutableBufferPointer { sums1 in
        var j = 0
        while j + 4 <= m {
          let aT = transposed(load(a + j), load(a + m + j), load(a + 2 * m + j), load(a + 3 * m + j))
          let dT = transposed(load(d + j), load(d + m + j), load(d + 2 * m + j), load(d + 3 * m + j))
          let e = load(d2 + j)
          sum2 = sum2 + aT.0 * Lanes(repeating: e[0])
          sum2 = sum2 + aT.1 * Lanes(repeating: e[1])
          sum2 = sum2 + aT.2 * Lanes(repeating: e[2])
          sum2 = sum2 + aT.3 * Lanes(repeating: e[3])
          for q in 0..<inputs {
            let v = load(xs + q * m + j)
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
      }
      for l in 0..<4 {
        dw2[group + l] = sum2[l]
        for q in 0..<inputs { dw1[(group + l) * inputs + q] = sums1[q][l] }
      }
    }
    return (dw2, dw1)
  }

  @inline(__always)
  static func load(_ p: UnsafePointer<Double>) -> Lanes { UnsafeRawPointer(p).loadUnaligned(as: Lanes.self) }
  @inline(__always)
  static func load(_ p: UnsafeMutablePointer<Double>) -> Lanes { load(UnsafePointer(p)) }
  @inline(__always)
  static func store(_ v: Lanes, _ p: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
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
