// Benchmark of the DeepLearning library, printed in one run:
// - the course's planar training (2-layer, n_h = 4, lr 1.2, 10,000 iterations, the cost computed
//   on every iteration as the notebook does), median of 5 runs;
// - matmul GFLOP/s for square float64 matrices, the library against the plain-Swift
//   `naiveMatmul`;
// - the dot product of two vectors of 1e6 elements, the library against a plain loop.
// Run it with `swift run -c release dl-bench`.

import DeepLearning

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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

/// `value` with a fixed number of decimals (C's `%.*f`).
func fixed(_ value: Double, _ decimals: Int) -> String {
  var buffer = [CChar](repeating: 0, count: 64)
  _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.\(decimals)f", $0) }
  let length = buffer.firstIndex(of: 0) ?? buffer.count
  return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Keeps results alive so the optimizer cannot drop the work that produced them.
var checksum = 0.0

// Planar training.
let (X, Y) = Datasets.planarFlower()
var firstRun: [Double] = []
let planarSeconds = medianSeconds(runs: 5) {
  var rng = NumPyRandom(seed: 2)
  var network = TwoLayerNetwork.initialize(nX: 2, nH: 4, nY: 1, rng: &rng)
  let costs = network.fit(X: X, Y: Y, iterations: 10_000, learningRate: 1.2)
  if firstRun.isEmpty { firstRun = costs }
  checksum += costs[costs.count - 1]
}
for i in stride(from: 0, to: 10_000, by: 1000) {
  print("Cost after iteration \(i): \(fixed(firstRun[i], 6))")
}
print(
  "planar training, 10k iterations as the notebook runs them (cost every iteration): \(fixed(planarSeconds, 3)) s"
)

// Matmul.
var rng = NumPyRandom(seed: 0)
var naivePerFlop = 0.0
for n in [4, 16, 64, 256, 1024] {
  let a = rng.rand(n, n)
  let b = rng.rand(n, n)
  let flops = 2 * Double(n * n * n)
  let reps = max(1, Int(2e8 / flops))
  let library =
    medianSeconds(runs: 3) {
      for _ in 0..<reps { checksum += Tensor.matmul(a, b).scalars[0] }
    } / Double(reps)
  let libraryText =
    "matmul n=\(n): library \(fixed(flops / library / 1e9, 2)) GFLOP/s (\(fixed(library * 1e6, 2)) us)"
  // One naive product at n = 1024 is 2 GFLOP: run it once, and only if the smaller sizes
  // predict less than 20 s.
  if n >= 1024 && naivePerFlop * flops > 20 {
    print(libraryText + ", naive Swift skipped (estimated \(fixed(naivePerFlop * flops, 0)) s)")
    continue
  }
  let naiveReps = n >= 1024 ? 1 : reps
  let naive =
    medianSeconds(runs: n >= 1024 ? 1 : 3) {
      for _ in 0..<naiveReps { checksum += naiveMatmul(a, b).scalars[0] }
    } / Double(naiveReps)
  naivePerFlop = naive / flops
  print(
    libraryText + ", naive Swift \(fixed(flops / naive / 1e9, 2)) GFLOP/s (\(fixed(naive * 1e6, 2)) us), "
      + "library/naive \(fixed(naive / library, 1))x")
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
print("(checksum \(fixed(checksum, 3)))")
