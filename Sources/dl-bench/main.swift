// Benchmark of the DeepLearning library, printed in one run, each figure beside a baseline
// measured in the same run:
// - the course's planar training (2-layer, n_h = 4, lr 1.2, 10,000 iterations, the cost computed
//   on every iteration as the notebook does), median of 5 runs, and the time of its elementary
//   functions alone (against numpy's whole training: the best ratio the loop could reach);
// - elementwise exp, log, tanh and sigmoid over 1,000,000 doubles: ns per element, the library
//   against a loop over the C library's function;
// - matmul GFLOP/s for square float64 matrices, n = 4 to 1024: the library's reproducible kernel
//   against OpenBLAS (`Tensor.blasMatmul`) and the textbook triple loop (`naiveMatmul`);
// - the dot product of two vectors of 1e6 elements, the library against a plain loop.
// With `--numpy SCRIPT` (a numpy baseline such as the course repository's numpy-baseline.py) it
// also runs numpy on the same machine, right after, and prints the library/numpy ratios.
//
// Run it with `swift run -c release dl-bench [--numpy PATH]`.

import DeepLearning
import Foundation

/// Seconds taken by `work`.
func seconds(_ work: () -> Void) -> Double {
  let clock = ContinuousClock()
  let elapsed = clock.measure(work)
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// The median of `runs` timings of `work`.
func medianSeconds(runs: Int, _ work: () -> Void) -> Double {
  let times = (0..<runs).map { _ in seconds(work) }.sorted()
  return times[times.count / 2]
}

/// `value` with a fixed number of decimals.
func fixed(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

/// Keeps results alive so the optimizer cannot drop the work that produced them.
var checksum = 0.0

/// What the numpy baseline printed, by figure name.
var numpyFigures: [String: Double] = [:]
var report: [(what: String, library: Double, numpy: String, higherIsBetter: Bool)] = []

print(
  "library build: \(LibraryBuild.vectorLanes) doubles per vector, exact products by "
    + (LibraryBuild.fusedMultiplyAdd ? "fused multiply-add" : "Dekker's product"))

// Planar training.
let (X, Y) = Datasets.planarFlower()
var firstRun: [Double] = []
var trained: TwoLayerNetwork? = nil
let planarSeconds = medianSeconds(runs: 5) {
  var rng = NumPyRandom(seed: 2)
  var network = TwoLayerNetwork.initialize(nX: 2, nH: 4, nY: 1, rng: &rng)
  let costs = network.fit(X: X, Y: Y, iterations: 10_000, learningRate: 1.2)
  if firstRun.isEmpty { (firstRun, trained) = (costs, network) }
  checksum += costs[costs.count - 1]
}
if CommandLine.arguments.contains("--matmul-1024-only") {
  var g = NumPyRandom(seed: 0)
  let a = g.rand(1024, 1024)
  let b = g.rand(1024, 1024)
  let t = seconds { checksum += Tensor.matmul(a, b).scalars[0] }
  print("matmul 1024: \(fixed(2 * 1024 * 1024 * 1024 / t / 1e9, 2)) GFLOP/s")
  exit(0)
}
if CommandLine.arguments.contains("--planar-only") {
  print("planar training: \(fixed(planarSeconds, 3)) s")
  exit(0)
}
for i in stride(from: 0, to: 10_000, by: 1000) {
  print("Cost after iteration \(i): \(fixed(firstRun[i], 6))")
}
print(
  "planar training, 10k iterations as the notebook runs them (cost every iteration): \(fixed(planarSeconds, 3)) s"
)

// The elementary functions of the planar loop alone: 10,000 times tanh of Z1 (1,600 values),
// the sigmoid of Z2 and the cross-entropy's logs (400 each), on the values of the network the
// first planar run trained, as whole tensors. What the loop could not go below whatever else it saved.
let trainedCache = trained!.forward(X).cache
let functionSeconds = medianSeconds(runs: 5) {
  for _ in 0..<10_000 {
    checksum += tanh(trainedCache.Z1).scalars[0] + sigmoid(trainedCache.Z2).scalars[0]
      + binaryCrossEntropy(trainedCache.A2, Y)
  }
}
print(
  "planar's elementary functions alone (10k x 1,600 tanh, 400 sigmoid, 400 log): "
    + "\(fixed(functionSeconds, 3)) s, \(fixed(100 * functionSeconds / planarSeconds, 0)) % of the training")

// Elementwise functions over a million doubles.
var generator = NumPyRandom(seed: 3)
let inputs: [(name: String, values: Tensor)] = [
  ("exp", generator.rand(1_000_000) * 40 - 20),
  ("log", generator.rand(1_000_000) * 100 + 1e-3),
  ("tanh", generator.rand(1_000_000) * 8 - 4),
  ("sigmoid", generator.rand(1_000_000) * 16 - 8),
]
let cLibrary: [String: (Double) -> Double] = [
  "exp": { Foundation.exp($0) }, "log": { Foundation.log($0) }, "tanh": { Foundation.tanh($0) },
  "sigmoid": { 1 / (1 + Foundation.exp(-$0)) },
]
let library: [String: (Tensor) -> Tensor] = [
  "exp": { exp($0) }, "log": { log($0) }, "tanh": { tanh($0) }, "sigmoid": { sigmoid($0) },
]
for (name, values) in inputs {
  let n = Double(values.count)
  let ours = medianSeconds(runs: 11) { checksum += library[name]!(values).scalars[7] }
  let scalars = values.scalars
  let reference = cLibrary[name]!
  let theirs = medianSeconds(runs: 11) {
    var out = [Double](repeating: 0, count: scalars.count)
    for i in scalars.indices { out[i] = reference(scalars[i]) }
    checksum += out[7]
  }
  print(
    "\(name) 1e6: library \(fixed(ours / n * 1e9, 2)) ns per element, C library loop "
      + "\(fixed(theirs / n * 1e9, 2)) ns, C library/library \(fixed(theirs / ours, 2))x")
  report.append(("\(name) ns per element", ours / n * 1e9, "\(name)", false))
}

// Matmul.
var rng = NumPyRandom(seed: 0)
var naivePerFlop = 0.0
for n in [4, 16, 64, 256, 1024] {
  let a = rng.rand(n, n)
  let b = rng.rand(n, n)
  let flops = 2 * Double(n * n * n)
  let reps = max(1, Int(2e8 / flops))
  let kernel = medianSeconds(runs: 3) { for _ in 0..<reps { checksum += Tensor.matmul(a, b).scalars[0] } } / Double(reps)
  let blas = medianSeconds(runs: 3) { for _ in 0..<reps { checksum += Tensor.blasMatmul(a, b).scalars[0] } } / Double(reps)
  var line =
    "matmul n=\(n): library \(fixed(flops / kernel / 1e9, 2)) GFLOP/s (\(fixed(kernel * 1e6, 2)) us), "
    + "OpenBLAS \(fixed(flops / blas / 1e9, 2)) GFLOP/s, library/OpenBLAS \(fixed(blas / kernel, 2))x"
  report.append(("matmul n=\(n) GFLOP/s", flops / kernel / 1e9, "matmul n=\(n)", true))
  if n < 1024 || naivePerFlop * flops < 20 {
    let naiveReps = n >= 1024 ? 1 : reps
    let naive = medianSeconds(runs: n >= 1024 ? 1 : 3) {
      for _ in 0..<naiveReps { checksum += naiveMatmul(a, b).scalars[0] }
    } / Double(naiveReps)
    naivePerFlop = naive / flops
    line += ", naive Swift \(fixed(flops / naive / 1e9, 2)) GFLOP/s"
  }
  print(line)
}

// Dot product of two 1e6-element vectors.
let u = rng.rand(1_000_000)
let v = rng.rand(1_000_000)
let dotLibrary = medianSeconds(runs: 21) { checksum += dot(u, v).scalar }
let us = u.scalars
let vs = v.scalars
let dotLoop = medianSeconds(runs: 21) {
  var total = 0.0
  for i in 0..<us.count { total += us[i] * vs[i] }
  checksum += total
}
print(
  "dot 1e6: library \(fixed(dotLibrary * 1e3, 3)) ms, plain Swift loop \(fixed(dotLoop * 1e3, 3)) ms, "
    + "loop/library \(fixed(dotLoop / dotLibrary, 1))x")
report.insert(("planar training s", planarSeconds, "planar", false), at: 0)
report.insert(("planar's elementary functions alone s", functionSeconds, "planar", false), at: 1)
report.append(("dot 1e6 ms", dotLibrary * 1e3, "dot", false))
print("(checksum \(fixed(checksum, 3)))")

// numpy on the same machine, right after.
let arguments = CommandLine.arguments
if let flag = arguments.firstIndex(of: "--numpy"), flag + 1 < arguments.count {
  numpyFigures = NumpyBaseline.run(script: arguments[flag + 1])
  print("\nnumpy on this machine, measured in this run:")
  for (key, value) in numpyFigures.sorted(by: { $0.key < $1.key }) { print("  \(key): \(value)") }
  print("\nlibrary against numpy (above 1 means the library is faster):")
  for entry in report {
    guard let theirs = numpyFigures[entry.numpy] else { continue }
    let ratio = entry.higherIsBetter ? entry.library / theirs : theirs / entry.library
    print("  \(entry.what): library \(fixed(entry.library, 3)), numpy \(fixed(theirs, 3)), \(fixed(ratio, 2))x")
  }
}
