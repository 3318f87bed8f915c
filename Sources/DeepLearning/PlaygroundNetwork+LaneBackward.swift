/// Backpropagation of several points at once, after `forwardLanes`: the derivatives with
/// respect to every neuron go through the layers a vector of points at a time, and each
/// weight's and bias's derivative adds its points' terms one after another in the points'
/// order, the additions `accumulate(_:skipDead:)` makes for them point by point.
extension PlaygroundKernel {
  /// Adds the derivatives of `(output - label)^2 / 2` at the `count` points in the lanes of
  /// `laneOutputs`, whose labels are `labels[0..<count]`.
  func accumulateLanes(_ labels: UnsafePointer<Double>, count: Int, skipDead: Bool) {
    let last = sizes.count - 1
    let output = laneOutputs[neuronStart[last]]
    let label = lanes(labels, count: count)
    laneDerivatives[neuronStart[last]] = (output - label) * (1 - output * output)
    for l in stride(from: last - 1, through: 0, by: -1) {
      let inputs = sizes[l]
      let input = laneOutputs + neuronStart[l]
      let next = laneDerivatives + neuronStart[l + 1]
      let layerWeights = weights + weightStart[l]
      let layerDerivatives = weightDerivatives + weightStart[l]
      let layerDead = dead + weightStart[l]
      let layerBiasDerivatives = biasDerivatives + (neuronStart[l + 1] - sizes[0])
      for j in 0..<sizes[l + 1] {
        let dz = next[j]
        layerBiasDerivatives[j] = adding(dz, count: count, to: layerBiasDerivatives[j])
        let row = layerDerivatives + j * inputs
        for i in 0..<inputs where !(skipDead && layerDead[j * inputs + i]) {
          row[i] = adding(dz * input[i], count: count, to: row[i])
        }
      }
      guard l > 0 else { break }
      let current = laneDerivatives + neuronStart[l]
      for i in 0..<inputs {
        var total = DoubleLanes(repeating: 0)
        for j in 0..<sizes[l + 1] { total += DoubleLanes(repeating: layerWeights[j * inputs + i]) * next[j] }
        current[i] = total * slopeLanes(input[i])
      }
    }
  }

  /// `start` plus the first `count` lanes of `terms`, added in the lanes' order.
  @inline(__always)
  func adding(_ terms: DoubleLanes, count: Int, to start: Double) -> Double {
    var total = start
    if count == DoubleLanes.scalarCount {
      // A fixed number of lanes: unrolled, each lane read where it is.
      for p in 0..<DoubleLanes.scalarCount { total += terms[p] }
    } else {
      for p in 0..<count { total += terms[p] }
    }
    return total
  }

  /// `values[0..<count]` in the first `count` lanes (the others repeat the last).
  @inline(__always)
  func lanes(_ values: UnsafePointer<Double>, count: Int) -> DoubleLanes {
    if count == DoubleLanes.scalarCount { return load(values) }
    var result = DoubleLanes()
    for p in 0..<DoubleLanes.scalarCount { result[p] = values[min(p, count - 1)] }
    return result
  }

  /// `slope(_:)` of every lane.
  @inline(__always)
  func slopeLanes(_ a: DoubleLanes) -> DoubleLanes {
    switch hidden {
    case .tanh: 1 - a * a
    case .sigmoid: a * (1 - a)
    case .relu: DoubleLanes(repeating: 0).replacing(with: 1, where: a .> 0)
    case .leakyRelu(let slope): DoubleLanes(repeating: slope).replacing(with: 1, where: a .> 0)
    case .linear: DoubleLanes(repeating: 1)
    }
  }
}
