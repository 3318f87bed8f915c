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
    let side = axis.count
    var result = Array(repeating: 0.0, count: neuronCount * side * side)
    let kernel = PlaygroundKernel(self, derivatives: false)
    defer { kernel.release() }
    for j in 0..<side {
      for i in 0..<side {
        _ = kernel.forward(axis[i], axis[j])
        for n in 0..<neuronCount { result[(n * side + j) * side + i] = kernel.outputs[n] }
      }
    }
    return result
  }
}
