import DeepLearning
import NotebookRuntime

/// The live playground's side of the module: one data set and one `PlaygroundNetwork`, set up
/// from the page's controls, trained epoch by epoch on request, and read back by JavaScript
/// from memory (points, losses, weights, every neuron's picture) through the pointers these
/// exports return. A pointer stays valid until the next call that fills the same buffer.
private struct LivePlayground {
  var data: PlaygroundData
  var trainer: PlaygroundTrainer
  var epoch = 0
}

nonisolated(unsafe) private var live: LivePlayground? = nil
nonisolated(unsafe) private var pointBuffer = DoubleBuffer()
nonisolated(unsafe) private var lossBuffer = DoubleBuffer()
nonisolated(unsafe) private var weightBuffer = DoubleBuffer()
nonisolated(unsafe) private var gridBuffer = DoubleBuffer()

/// Memory the module owns and JavaScript reads as a `Float64Array`; it grows and never shrinks.
private struct DoubleBuffer {
  var pointer = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var capacity = 1

  /// Copies `values` in and returns where they start.
  mutating func fill(_ values: [Double]) -> UnsafeMutablePointer<Double> {
    if values.count > capacity {
      pointer.deallocate()
      capacity = values.count
      pointer = UnsafeMutablePointer<Double>.allocate(capacity: capacity)
    }
    for (index, value) in values.enumerated() { pointer[index] = value }
    return pointer
  }
}

private let dataSets: [PlaygroundDataSet] = [.circle, .xor, .gauss, .spiral, .flower]
private let activations: [Activation] = [.tanh, .relu, .sigmoid, .linear]
private let regularizations: [PlaygroundRegularization] = [.none, .l1, .l2]

/// Draws the data and builds a fresh network from the controls; the hidden layers come as
/// text in the input buffer (`input_length` bytes such as `4,2`; empty for none). Indexes:
/// data sets circle, xor, gauss, spiral, flower; activations tanh, relu, sigmoid, linear;
/// regularization none, L1, L2; `featureMask` bit k for `PlaygroundFeature.allCases[k]`.
/// `seed` seeds both the data and the weights, as the chapter's runs do with 1. Returns 0, or
/// 1 when a value is out of range (nothing changes then).
@_expose(wasm, "playground_setup")
@_cdecl("playground_setup")
public func playgroundSetup(
  _ dataSet: Int32, _ noisePercent: Int32, _ trainPercent: Int32, _ seed: UInt32,
  _ featureMask: Int32, _ activation: Int32, _ regularization: Int32,
  _ regularizationRate: Double, _ learningRate: Double, _ batchSize: Int32, _ inputLength: Int32
) -> Int32 {
  var layers: [Int] = []
  for part in inputText(inputLength).utf8.split(separator: UInt8(ascii: ",")) {
    guard let size = Int(String(decoding: part, as: UTF8.self)), (1...8).contains(size) else { return 1 }
    layers.append(size)
  }
  let features = PlaygroundFeature.allCases.enumerated().filter { featureMask & (1 << $0.offset) != 0 }
    .map { $0.element }
  guard (0..<Int32(dataSets.count)).contains(dataSet), (0...50).contains(noisePercent),
    (1...99).contains(trainPercent), !features.isEmpty, layers.count <= 6,
    (0..<Int32(activations.count)).contains(activation),
    (0..<Int32(regularizations.count)).contains(regularization), batchSize > 0
  else { return 1 }
  let configuration = PlaygroundConfiguration(
    features: features, hiddenLayers: layers, activation: activations[Int(activation)],
    learningRate: learningRate, regularization: regularizations[Int(regularization)],
    regularizationRate: regularizationRate, batchSize: Int(batchSize))
  let data = PlaygroundData(
    dataSets[Int(dataSet)], count: 500, noise: Double(noisePercent) / 100,
    trainPercent: Int(trainPercent), seed: seed)
  live = LivePlayground(
    data: data, trainer: PlaygroundTrainer(PlaygroundNetwork(configuration, seed: seed), data: data))
  return 0
}

/// Changes the learning rate of the running network (the playground's one control that does
/// not start training again).
@_expose(wasm, "playground_set_learning_rate")
@_cdecl("playground_set_learning_rate")
public func playgroundSetLearningRate(_ learningRate: Double) {
  live?.trainer.changeLearningRate(to: learningRate)
}

/// Trains `epochs` epochs; returns the training and test loss after each, in pairs.
@_expose(wasm, "playground_train")
@_cdecl("playground_train")
public func playgroundTrain(_ epochs: Int32) -> UnsafeMutablePointer<Double> {
  guard let trainer = live?.trainer else { return lossBuffer.fill([]) }
  var losses: [Double] = []
  for _ in 0..<max(Int(epochs), 0) {
    trainer.trainEpoch()
    live?.epoch += 1
    losses.append(trainer.trainLoss)
    losses.append(trainer.testLoss)
  }
  return lossBuffer.fill(losses)
}

/// The epochs trained since the last setup.
@_expose(wasm, "playground_epoch")
@_cdecl("playground_epoch")
public func playgroundEpoch() -> Int32 { Int32(live?.epoch ?? 0) }

/// The training loss (`which` 0) or the test loss (1) of the network as it is now.
@_expose(wasm, "playground_loss")
@_cdecl("playground_loss")
public func playgroundLoss(_ which: Int32) -> Double {
  guard let trainer = live?.trainer else { return 0 }
  return which == 0 ? trainer.trainLoss : trainer.testLoss
}

/// The points as `x1, x2, label` triples, the training points first.
@_expose(wasm, "playground_points")
@_cdecl("playground_points")
public func playgroundPoints() -> UnsafeMutablePointer<Double> {
  let points = (live?.data.train ?? []) + (live?.data.test ?? [])
  return pointBuffer.fill(points.flatMap { [$0.x1, $0.x2, $0.label] })
}

/// How many points there are (`which` 0: training, 1: test).
@_expose(wasm, "playground_point_count")
@_cdecl("playground_point_count")
public func playgroundPointCount(_ which: Int32) -> Int32 {
  Int32((which == 0 ? live?.data.train.count : live?.data.test.count) ?? 0)
}

/// The number of layers, inputs and output included.
@_expose(wasm, "playground_layer_count")
@_cdecl("playground_layer_count")
public func playgroundLayerCount() -> Int32 { Int32(live?.trainer.layerSizes.count ?? 0) }

/// The number of neurons of layer `layer` (0: the input features).
@_expose(wasm, "playground_layer_size")
@_cdecl("playground_layer_size")
public func playgroundLayerSize(_ layer: Int32) -> Int32 {
  guard let sizes = live?.trainer.layerSizes, (0..<sizes.count).contains(Int(layer)) else {
    return 0
  }
  return Int32(sizes[Int(layer)])
}

/// Every weight, layer after layer as `PlaygroundNetwork.weights` orders them, then every bias.
@_expose(wasm, "playground_weights")
@_cdecl("playground_weights")
public func playgroundWeights() -> UnsafeMutablePointer<Double> {
  guard let network = live?.trainer.network else { return weightBuffer.fill([]) }
  return weightBuffer.fill(Array(network.weights.joined()) + Array(network.biases.joined()))
}

/// Every neuron's output over a `steps` × `steps` grid of `[-6, 6]^2` (cell centres, `x2`
/// rising with the row), laid out as `PlaygroundNetwork.neuronOutputs(over:)` says.
@_expose(wasm, "playground_grid")
@_cdecl("playground_grid")
public func playgroundGrid(_ steps: Int32) -> UnsafeMutablePointer<Double> {
  guard let trainer = live?.trainer, steps > 0 else { return gridBuffer.fill([]) }
  let side = Int(steps)
  let axis = (0..<side).map { -6 + 12 * (Double($0) + 0.5) / Double(side) }
  return gridBuffer.fill(trainer.neuronOutputs(over: axis))
}
