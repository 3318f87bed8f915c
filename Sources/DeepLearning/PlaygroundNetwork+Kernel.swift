/// The playground network's arithmetic over flat memory: every layer's weights, biases, outputs
/// and derivatives side by side, read and written through pointers, the activation decided once
/// and the math tables fetched once. The operations, and their order, are those the nested arrays
/// of `PlaygroundNetwork` describe, so the bits are the same; this is only where they are done.
struct PlaygroundKernel {
  /// Neurons per layer, inputs first.
  let sizes: [Int]
  /// Where layer `l`'s incoming weights start in `weights` (and `weightDerivatives`, `dead`).
  let weightStart: [Int]
  /// Where layer `l`'s neurons start in `outputs` (and `derivatives`, and for `l >= 1` one past
  /// the biases: the bias of neuron `j` of layer `l` is `biases[neuronStart[l] - sizes[0] + j]`).
  let neuronStart: [Int]
  let features: [PlaygroundFeature]
  let hidden: HiddenActivation
  let tables = MathTablePointers.shared
  let weights: UnsafeMutablePointer<Double>
  let weightDerivatives: UnsafeMutablePointer<Double>
  let biases: UnsafeMutablePointer<Double>
  let biasDerivatives: UnsafeMutablePointer<Double>
  let outputs: UnsafeMutablePointer<Double>
  /// Every neuron's outputs at up to `laneWidth` points at once, point `p` in lane `p`
  /// (PlaygroundNetwork+Lanes.swift).
  let laneOutputs: UnsafeMutablePointer<DoubleLanes>
  /// The derivatives with respect to every neuron at the same points
  /// (PlaygroundNetwork+LaneBackward.swift).
  let laneDerivatives: UnsafeMutablePointer<DoubleLanes>
  let derivatives: UnsafeMutablePointer<Double>
  let dead: UnsafeMutablePointer<Bool>
  let weightCount: Int
  let biasCount: Int

  /// The hidden neurons' activation, its payload unpacked.
  enum HiddenActivation {
    case tanh, sigmoid, relu, linear
    case leakyRelu(Double)
  }

  /// Copies `network`'s parameters (and, with `derivatives`, its accumulated derivatives and
  /// dead weights) into new memory; `release()` frees it.
  init(_ network: PlaygroundNetwork, derivatives withDerivatives: Bool) {
    sizes = network.layerSizes
    var weightStart = [0]
    var neuronStart = [0]
    for l in 0..<sizes.count - 1 {
      weightStart.append(weightStart[l] + sizes[l] * sizes[l + 1])
      neuronStart.append(neuronStart[l] + sizes[l])
    }
    neuronStart.append(neuronStart[sizes.count - 1] + sizes[sizes.count - 1])
    self.weightStart = weightStart
    self.neuronStart = neuronStart
    weightCount = weightStart[sizes.count - 1]
    let neurons = neuronStart[sizes.count]
    biasCount = neurons - sizes[0]
    features = network.configuration.features
    switch network.configuration.activation {
    case .tanh: hidden = .tanh
    case .sigmoid: hidden = .sigmoid
    case .relu: hidden = .relu
    case .linear: hidden = .linear
    case .leakyRelu(let slope): hidden = .leakyRelu(slope)
    }
    weights = .allocate(capacity: max(weightCount, 1))
    weightDerivatives = .allocate(capacity: max(weightCount, 1))
    dead = .allocate(capacity: max(weightCount, 1))
    biases = .allocate(capacity: biasCount)
    biasDerivatives = .allocate(capacity: biasCount)
    outputs = .allocate(capacity: neurons)
    laneOutputs = .allocate(capacity: neurons)
    laneDerivatives = .allocate(capacity: neurons)
    derivatives = .allocate(capacity: neurons)
    var w = 0
    var b = 0
    for l in 0..<network.weights.count {
      for k in 0..<network.weights[l].count {
        weights[w] = network.weights[l][k]
        weightDerivatives[w] = withDerivatives ? network.weightDerivatives[l][k] : 0
        dead[w] = withDerivatives ? network.dead[l][k] : false
        w += 1
      }
      for j in 0..<network.biases[l].count {
        biases[b] = network.biases[l][j]
        biasDerivatives[b] = withDerivatives ? network.biasDerivatives[l][j] : 0
        b += 1
      }
    }
  }

  /// Writes the parameters, derivatives and dead weights back into `network`.
  func store(into network: inout PlaygroundNetwork) {
    var w = 0
    var b = 0
    for l in 0..<network.weights.count {
      for k in 0..<network.weights[l].count {
        network.weights[l][k] = weights[w]
        network.weightDerivatives[l][k] = weightDerivatives[w]
        network.dead[l][k] = dead[w]
        w += 1
      }
      for j in 0..<network.biases[l].count {
        network.biases[l][j] = biases[b]
        network.biasDerivatives[l][j] = biasDerivatives[b]
        b += 1
      }
    }
  }

  func release() {
    for pointer in [weights, weightDerivatives, biases, biasDerivatives, outputs, derivatives] {
      pointer.deallocate()
    }
    dead.deallocate()
    laneOutputs.deallocate()
    laneDerivatives.deallocate()
  }

  /// The forward pass at `(x1, x2)` into `outputs`; returns the output neuron's value.
  @inline(__always)
  func forward(_ x1: Double, _ x2: Double) -> Double {
    for (index, feature) in features.enumerated() { outputs[index] = feature.value(x1, x2) }
    return forwardLayers()
  }

  /// The forward pass of a point whose feature `f` is `features[f * stride]`.
  @inline(__always)
  func forward(features: UnsafePointer<Double>, stride: Int) -> Double {
    for index in 0..<sizes[0] { outputs[index] = features[index * stride] }
    return forwardLayers()
  }

  /// The forward pass from the features in `outputs`; returns the output neuron's value.
  /// A layer's weighted sums come first, then its activation, several neurons at a time
  /// (`activateLayer`).
  @inline(__always)
  func forwardLayers() -> Double {
    let last = sizes.count - 1
    for l in 0..<last {
      let inputs = sizes[l]
      let input = outputs + neuronStart[l]
      let output = outputs + neuronStart[l + 1]
      let layerWeights = weights + weightStart[l]
      let layerBiases = biases + (neuronStart[l + 1] - sizes[0])
      let count = sizes[l + 1]
      var j = 0
      // Four neurons' sums at once: four independent chains of additions, each in its order.
      while j + 4 <= count {
        let row = layerWeights + j * inputs
        var (t0, t1, t2, t3) = (layerBiases[j], layerBiases[j + 1], layerBiases[j + 2], layerBiases[j + 3])
        for i in 0..<inputs {
          let x = input[i]
          t0 += row[i] * x
          t1 += row[inputs + i] * x
          t2 += row[2 * inputs + i] * x
          t3 += row[3 * inputs + i] * x
        }
        (output[j], output[j + 1], output[j + 2], output[j + 3]) = (t0, t1, t2, t3)
        j += 4
      }
      while j < count {
        var total = layerBiases[j]
        let row = layerWeights + j * inputs
        for i in 0..<inputs { total += row[i] * input[i] }
        output[j] = total
        j += 1
      }
      if l + 1 == last {
        output[0] = deterministicTanh(output[0], tables)
      } else {
        activateLayer(output, count: sizes[l + 1])
      }
    }
    return outputs[neuronStart[last]]
  }

  /// Replaces the weighted sums `values[0..<count]` by the hidden activation of each: tanh and
  /// the sigmoid a vector of neurons at a time (the vector functions give the scalar ones'
  /// bits), the others one by one.
  @inline(__always)
  func activateLayer(_ values: UnsafeMutablePointer<Double>, count: Int) {
    switch hidden {
    case .tanh, .sigmoid:
      guard count > 1 else {
        values[0] = activate(values[0])
        return
      }
      let width = DoubleLanes.scalarCount
      var first = 0
      while first < count {
        let n = min(width, count - first)
        // Unused lanes hold 1, in every function's main range.
        var z = DoubleLanes(repeating: 1)
        for p in 0..<n { z[p] = values[first + p] }
        let a = activateLanes(z)
        for p in 0..<n { values[first + p] = a[p] }
        first += n
      }
    default:
      for j in 0..<count { values[j] = activate(values[j]) }
    }
  }

  @inline(__always)
  func activate(_ z: Double) -> Double {
    switch hidden {
    case .tanh: deterministicTanh(z, tables)
    case .sigmoid: deterministicSigmoid(z, tables)
    case .relu: z > 0 ? z : 0
    case .leakyRelu(let slope): z > 0 ? z : slope * z
    case .linear: z
    }
  }

  /// `g'(z)` from the neuron's output `a = g(z)`.
  @inline(__always)
  func slope(_ a: Double) -> Double {
    switch hidden {
    case .tanh: 1 - a * a
    case .sigmoid: a * (1 - a)
    case .relu: a > 0 ? 1 : 0
    case .leakyRelu(let slope): a > 0 ? 1 : slope
    case .linear: 1
    }
  }

  /// Adds the derivatives of `(output - label)^2 / 2` at the point just propagated forward.
  /// Dead weights (only L1 makes them) get none, as in `PlaygroundNetwork`.
  @inline(__always)
  func accumulate(_ label: Double, skipDead: Bool) {
    let width = DoubleLanes.scalarCount
    let last = sizes.count - 1
    let output = outputs[neuronStart[last]]
    derivatives[neuronStart[last]] = (output - label) * (1 - output * output)
    for l in stride(from: last - 1, through: 0, by: -1) {
      let inputs = sizes[l]
      let input = outputs + neuronStart[l]
      let next = derivatives + neuronStart[l + 1]
      let layerWeights = weights + weightStart[l]
      let layerDerivatives = weightDerivatives + weightStart[l]
      let layerDead = dead + weightStart[l]
      let layerBiasDerivatives = biasDerivatives + (neuronStart[l + 1] - sizes[0])
      // A row of weights (and of their derivatives) is contiguous: whole vectors of it at once.
      let vectorEnd = inputs - inputs % width
      for j in 0..<sizes[l + 1] {
        let dz = next[j]
        layerBiasDerivatives[j] += dz
        let row = layerDerivatives + j * inputs
        if skipDead {
          for i in 0..<inputs where !layerDead[j * inputs + i] { row[i] += dz * input[i] }
        } else {
          for i in stride(from: 0, to: vectorEnd, by: width) {
            store(load(row + i) + DoubleLanes(repeating: dz) * load(input + i), at: row + i)
          }
          for i in vectorEnd..<inputs { row[i] += dz * input[i] }
        }
      }
      guard l > 0 else { break }
      let current = derivatives + neuronStart[l]
      for i in stride(from: 0, to: vectorEnd, by: width) {
        var total = DoubleLanes(repeating: 0)
        for j in 0..<sizes[l + 1] {
          total += load(layerWeights + j * inputs + i) * DoubleLanes(repeating: next[j])
        }
        store(total * slopeLanes(load(input + i)), at: current + i)
      }
      for i in vectorEnd..<inputs {
        var total = 0.0
        for j in 0..<sizes[l + 1] { total += layerWeights[j * inputs + i] * next[j] }
        current[i] = total * slope(input[i])
      }
    }
  }

  /// The vector at `pointer`.
  @inline(__always)
  func load(_ pointer: UnsafePointer<Double>) -> DoubleLanes {
    UnsafeRawPointer(pointer).loadUnaligned(as: DoubleLanes.self)
  }

  /// Stores `values` at `pointer`.
  @inline(__always)
  func store(_ values: DoubleLanes, at pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: values, as: DoubleLanes.self)
  }

  /// The gradient step with the derivatives averaged over `count` points, then the
  /// regularization step, as `PlaygroundNetwork.update()` describes it; clears the derivatives.
  func update(count: Int, _ configuration: PlaygroundConfiguration) {
    let count = Double(count)
    let learningRate = configuration.learningRate
    let penalty = learningRate * configuration.regularizationRate
    // The biases of all layers follow each other.
    for j in 0..<biasCount {
      biases[j] -= learningRate * biasDerivatives[j] / count
      biasDerivatives[j] = 0
    }
    // As in the playground, the penalty's derivative is taken at the weight before the step.
    // One loop per penalty; only L1 makes dead weights, so only its loop looks for them.
    let step = learningRate / count
    switch configuration.regularization {
    case .none:
      for k in 0..<weightCount {
        weights[k] = weights[k] - step * weightDerivatives[k]
        weightDerivatives[k] = 0
      }
    case .l2:
      for k in 0..<weightCount {
        let before = weights[k]
        weights[k] = (before - step * weightDerivatives[k]) - penalty * before
        weightDerivatives[k] = 0
      }
    case .l1:
      for k in 0..<weightCount where !dead[k] {
        let before = weights[k]
        let w = before - step * weightDerivatives[k]
        weightDerivatives[k] = 0
        let shrunk = w - penalty * (before > 0 ? 1 : before < 0 ? -1 : 0)
        if w * shrunk < 0 {
          weights[k] = 0
          dead[k] = true
        } else {
          weights[k] = shrunk
        }
      }
    }
  }
}
