/// Points as the playground network reads them: every point's features computed once, so that
/// no epoch computes a feature (a sine) again.
struct PlaygroundPointTable {
  let count: Int
  let featureCount: Int
  /// Feature `f` of point `p` is `values[f * count + p]`: each feature's values side by side,
  /// as a vector loads them.
  let values: [Double]
  let labels: [Double]

  init(_ points: [PlaygroundPoint], features: [PlaygroundFeature]) {
    count = points.count
    featureCount = features.count
    var values: [Double] = []
    values.reserveCapacity(points.count * features.count)
    for feature in features {
      for point in points { values.append(feature.value(point.x1, point.x2)) }
    }
    self.values = values
    labels = points.map { $0.label }
  }
}

/// The forward pass of several points at once, one point per lane of a vector, and training
/// and losses built on it. Each lane does the operations of `forwardLayers()` in their order,
/// with the vector tanh and sigmoid that give the scalar functions' bits, so a lane holds the
/// bits the point's own forward pass gives: the points of one batch (which see the same
/// weights) and the points of a loss are only computed side by side.
extension PlaygroundKernel {
  /// How many points one forward pass over lanes takes.
  static var laneWidth: Int { DoubleLanes.scalarCount }

  /// The forward pass of `count` points (`1...laneWidth`), point `p` in lane `p` of every
  /// neuron's `laneOutputs`; feature `f` of point `p` is `features[f * stride + p]`.
  func forwardLanes(_ features: UnsafePointer<Double>, stride: Int, count: Int) {
    switch hidden {
    case .tanh:
      forwardLanes(features, stride: stride, count: count, KernelLanes<TanhKernel>(tables: tables))
    case .sigmoid:
      forwardLanes(features, stride: stride, count: count, KernelLanes<SigmoidKernel>(tables: tables))
    default:
      forwardLanes(features, stride: stride, count: count, PiecewiseLinearLanes(activation: hidden))
    }
  }

  /// `forwardLanes(_:count:)` with the hidden activation `activation`, a type of its own so
  /// that each activation's loops are compiled with its code inlined.
  @inline(__always)
  func forwardLanes<Hidden: HiddenLanes>(
    _ features: UnsafePointer<Double>, stride: Int, count: Int, _ activation: Hidden
  ) {
    // Unused lanes repeat the last point, so they take the path its lane takes.
    for f in 0..<sizes[0] { laneOutputs[f] = lanes(features + f * stride, count: count) }
    let last = sizes.count - 1
    for l in 0..<last {
      let inputs = sizes[l]
      let input = laneOutputs + neuronStart[l]
      let output = laneOutputs + neuronStart[l + 1]
      let layerWeights = weights + weightStart[l]
      let layerBiases = biases + (neuronStart[l + 1] - sizes[0])
      for j in 0..<sizes[l + 1] {
        var total = DoubleLanes(repeating: layerBiases[j])
        let row = layerWeights + j * inputs
        for i in 0..<inputs { total += DoubleLanes(repeating: row[i]) * input[i] }
        output[j] = l + 1 == last ? lanesOutOfLine(TanhKernel.self, total, tables) : activation(total)
      }
    }
  }

  /// Whether `count` points of one batch go forward sooner side by side (`forwardLanes`: a
  /// vector function call per neuron) than one by one (`forwardLayers`: one per `laneWidth`
  /// neurons of a hidden layer, and a scalar call for the output neuron and for layers of
  /// one). Either way gives the same bits.
  func sideBySidePays(_ count: Int) -> Bool {
    guard count > 1 else { return false }
    let vectorActivation: Bool
    switch hidden {
    case .tanh, .sigmoid: vectorActivation = true
    default: vectorActivation = false
    }
    // In scalar calls: a vector call costs about as much as half its lanes' scalar calls.
    let vectorCall = Self.laneWidth / 2
    var sideBySide = vectorCall
    var oneByOne = 1
    for l in 1..<sizes.count - 1 where vectorActivation {
      sideBySide += vectorCall * sizes[l]
      oneByOne += sizes[l] == 1 ? 1 : vectorCall * ((sizes[l] + Self.laneWidth - 1) / Self.laneWidth)
    }
    return sideBySide <= count * oneByOne
  }

  /// The hidden activation of every lane, as `activate(_:)` computes it.
  @inline(__always)
  func activateLanes(_ z: DoubleLanes) -> DoubleLanes {
    switch hidden {
    case .tanh: lanesOutOfLine(TanhKernel.self, z, tables)
    case .sigmoid: lanesOutOfLine(SigmoidKernel.self, z, tables)
    default: PiecewiseLinearLanes(activation: hidden)(z)
    }
  }

  /// The playground's loss over `table`: the mean of `(output - label)^2 / 2`, summed in the
  /// points' order.
  func loss(_ table: PlaygroundPointTable) -> Double {
    guard table.count > 0 else { return 0 }
    let output = neuronStart[sizes.count - 1]
    var total = 0.0
    table.values.withUnsafeBufferPointer { features in
      table.labels.withUnsafeBufferPointer { labels in
        var first = 0
        while first < table.count {
          let count = min(Self.laneWidth, table.count - first)
          forwardLanes(features.baseAddress! + first, stride: table.count, count: count)
          let error = laneOutputs[output] - lanes(labels.baseAddress! + first, count: count)
          total = adding(0.5 * error * error, count: count, to: total)
          first += count
        }
      }
    }
    return total / Double(table.count)
  }

  /// One epoch over `table` (see `PlaygroundNetwork.trainEpoch(_:)`): the points between two
  /// updates go forward and backward side by side where that pays, one by one elsewhere.
  /// `accumulated` counts the points whose derivatives wait for the next update.
  func trainEpoch(
    _ table: PlaygroundPointTable, accumulated: inout Int, _ configuration: PlaygroundConfiguration
  ) {
    let batchSize = configuration.batchSize
    let skipDead = configuration.regularization == .l1
    table.values.withUnsafeBufferPointer { features in
      table.labels.withUnsafeBufferPointer { labels in
        var index = 0
        while index < table.count {
          // The next update comes after the point `index + toUpdate - 1`.
          let toUpdate = batchSize - index % batchSize
          let count = min(Self.laneWidth, table.count - index, toUpdate)
          let first = features.baseAddress! + index
          let sideBySide = sideBySidePays(count)
          if sideBySide {
            forwardLanes(first, stride: table.count, count: count)
            accumulateLanes(labels.baseAddress! + index, count: count, skipDead: skipDead)
          } else {
            for p in 0..<count {
              _ = forward(features: first + p, stride: table.count)
              accumulate(labels[index + p], skipDead: skipDead)
            }
          }
          accumulated += count
          index += count
          if index % batchSize == 0 {
            update(count: accumulated, configuration)
            accumulated = 0
          }
        }
      }
    }
  }
}

/// A hidden activation of every lane, as `PlaygroundKernel.activate(_:)` computes it.
protocol HiddenLanes {
  func callAsFunction(_ z: DoubleLanes) -> DoubleLanes
}

/// tanh or the sigmoid: a vector kernel of the library's functions.
struct KernelLanes<Kernel: LaneKernel>: HiddenLanes {
  let tables: MathTablePointers
  @inline(__always) func callAsFunction(_ z: DoubleLanes) -> DoubleLanes {
    lanesOutOfLine(Kernel.self, z, tables)
  }
}

/// ReLU, the leaky ReLU and the identity.
struct PiecewiseLinearLanes: HiddenLanes {
  let activation: PlaygroundKernel.HiddenActivation
  @inline(__always) func callAsFunction(_ z: DoubleLanes) -> DoubleLanes {
    switch activation {
    // `z > 0 ? z : 0`: nan gives 0, as there.
    case .relu: z.replacing(with: 0, where: .!(z .> 0))
    case .leakyRelu(let slope): (DoubleLanes(repeating: slope) * z).replacing(with: z, where: z .> 0)
    default: z
    }
  }
}
