/// What a page that trains a playground network live needs besides training: the learning rate
/// changed between epochs, as the playground's control allows without starting again, and every
/// neuron's output over a grid of the plane for the pictures, without an allocation per point.
extension PlaygroundNetwork {
  /// Sets the step size of the updates from now on; weights and accumulated derivatives stay.
  public mutating func changeLearningRate(to learningRate: Double) {
    configuration.learningRate = learningRate
  }

  /// The number of neurons of all layers, inputs and output included.
  public var neuronCount: Int { layerSizes.reduce(0, +) }

  /// Every neuron's output at every point of the grid `axis` × `axis`.
  ///
  /// `result[(n * axis.count + j) * axis.count + i]` is the output of neuron `n` at
  /// `(x1: axis[i], x2: axis[j])`, where `n` counts the neurons layer by layer, the input
  /// features first and the output neuron last.
  public func neuronOutputs(over axis: [Double]) -> [Double] {
    let kernel = PlaygroundKernel(self, derivatives: false)
    defer { kernel.release() }
    return kernel.neuronOutputs(over: axis)
  }
}

extension PlaygroundKernel {
  /// `PlaygroundNetwork.neuronOutputs(over:)` of the network this kernel holds.
  func neuronOutputs(over axis: [Double]) -> [Double] {
    let side = axis.count
    let neurons = neuronStart[sizes.count]
    var result = Array(repeating: 0.0, count: neurons * side * side)
    let width = PlaygroundKernel.laneWidth
    let points = UnsafeMutablePointer<Double>.allocate(capacity: width * features.count)
    defer { points.deallocate() }
    for j in 0..<side {
      var first = 0
      while first < side {
        let count = min(width, side - first)
        for p in 0..<count {
          for (f, feature) in features.enumerated() {
            points[f * width + p] = feature.value(axis[first + p], axis[j])
          }
        }
        forwardLanes(points, stride: width, count: count)
        for n in 0..<neurons {
          let values = laneOutputs[n]
          for p in 0..<count { result[(n * side + j) * side + first + p] = values[p] }
        }
        first += count
      }
    }
    return result
  }
}
