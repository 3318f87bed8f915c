import DeepLearning
import Testing

// The elementary functions' bits, pinned: a digest of every output over fixed inputs, recorded
// once. The library is compiled for the building machine's CPU (two, four or eight doubles to a
// vector, a fused multiply-add where the CPU has one and the result is exact either way), so
// this is what ties the builds together: every build, on every CPU, must reproduce the digests.
// A deliberate change to a function's bits changes its digest here, and every chapter's numbers
// with it.

extension PointGenerator {
  /// A double with a random bit pattern among the positive finite ones (any exponent).
  mutating func positiveFinite() -> Double {
    while true {
      let x = Double(bitPattern: next() >> 1)
      if x.isFinite && x > 0 { return x }
    }
  }
}

/// FNV-1a over the bit patterns, every NaN counted as one pattern.
private func digest(_ values: [Double]) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for value in values {
    var bits = value.isNaN ? Double.nan.bitPattern : value.bitPattern
    for _ in 0..<8 {
      hash = (hash ^ (bits & 0xff)) &* 0x0000_0100_0000_01B3
      bits >>= 8
    }
  }
  return hash
}

private let edges: [Double] = [
  0, -0.0, .nan, .infinity, -.infinity, 0x1p-1074, -0x1p-1074, 0x1p-1022, -0x1p-1022,
  .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1, -1, 1 - 0x1p-53, 1 + 0x1p-52, 0.96875,
  1.03125, 0x1p-27, -0x1p-27, 0.0625, -0.0625, 22, -22, 40, -40, 704, -704, 709.78, 709.79,
  -745.13, -745.14, 1e300, -1e300, 0.5, 2, 10,
]

/// Inputs spread over each function's range: wide, narrow, near the branch points.
private func inputs(seed: UInt64, count: Int, _ ranges: [(Double, Double)]) -> [Double] {
  var generator = PointGenerator(state: seed)
  var values = edges
  values.reserveCapacity(edges.count + count)
  for index in 0..<count {
    let (lower, upper) = ranges[index % ranges.count]
    values.append(generator.uniform(lower, upper))
  }
  return values
}

private let count = 1_000_000

/// The digests of exp, log, tanh, sigmoid over a million inputs each, both as tensors (the
/// vector kernels) and element by element (the scalar functions).
@Test func elementaryFunctionsKeepTheirBits() {
  let expInputs = inputs(seed: 1, count: count, [(-745.2, 709.8), (-2, 2), (-0.01, 0.01)])
  var generator = PointGenerator(state: 2)
  let logInputs =
    edges
    + (0..<count).map { index in
      index % 3 == 0
        ? generator.positiveFinite()
        : index % 3 == 1 ? generator.uniform(0.9, 1.1) : generator.uniform(0, 4)
    }
  let tanhInputs = inputs(seed: 3, count: count, [(-25, 25), (-1, 1), (-0.07, 0.07), (-1e-7, 1e-7)])
  let sigmoidInputs = inputs(seed: 4, count: count, [(-50, 50), (-745, 745), (-4, 4)])
  let cases: [(String, [Double], (Tensor) -> Tensor, (Double) -> Double, UInt64)] = [
    ("exp", expInputs, { exp($0) }, { exp($0) }, 0xe4f8_6ad4_f5af_57f2),
    ("log", logInputs, { log($0) }, { log($0) }, 0xef80_f7a8_f0aa_4d1a),
    ("tanh", tanhInputs, { tanh($0) }, { tanh($0) }, 0xb99a_c9a9_f427_6f58),
    ("sigmoid", sigmoidInputs, { sigmoid($0) }, { sigmoid($0) }, 0xf440_4bb0_b9f7_8142),
  ]
  for (name, values, tensorFunction, scalarFunction, expected) in cases {
    let vector = digest(tensorFunction(Tensor(values)).scalars)
    let scalar = digest(values.map(scalarFunction))
    #expect(vector == expected, "\(name) on a tensor: digest \(String(vector, radix: 16))")
    #expect(scalar == expected, "\(name) element by element: digest \(String(scalar, radix: 16))")
  }
}

/// The digests of sin, cos, pow, log10 and log2 (scalar only), over fewer points: they are
/// slower and no chapter runs them over large tensors.
@Test func otherFunctionsKeepTheirBits() {
  let angles = inputs(seed: 5, count: 200_000, [(-10, 10), (-1e4, 1e4), (-1e-3, 1e-3)])
  var generator = PointGenerator(state: 6)
  let pairs = (0..<200_000).map { index in
    (
      index % 2 == 0 ? generator.uniform(0, 10) : generator.positiveFinite(),
      index % 4 < 2 ? generator.uniform(-30, 30) : (generator.uniform(-8, 8)).rounded()
    )
  }
  // Every binade up to the largest double, for the full-range reduction.
  var wideGenerator = PointGenerator(state: 77)
  let wide = (0..<300_000).map { _ in Double(bitPattern: wideGenerator.next() >> 1) }.filter(\.isFinite)
  let cases: [(String, [Double], UInt64)] = [
    ("sin", angles.map { sin($0) }, 0x9b50_0626_f5b3_b669),
    ("sin and cos over the whole range", wide.map { sin($0) } + wide.map { cos($0) }, 0x6b02_d8e3_27aa_8e71),
    ("cos", angles.map { cos($0) }, 0x3d31_12c2_0a06_2ece),
    (
      "pow", pairs.map { pow($0.0, $0.1) } + edges.map { pow(-2, $0) } + edges.map { pow($0, 0.5) },
      0x6df5_9195_f162_50d4
    ),
    ("log10", pairs.map { log10($0.0) }, 0xddc9_6ed9_83d4_a71e),
    ("log2", pairs.map { log2($0.0) }, 0x7a49_008c_4ed2_46b3),
  ]
  for (name, values, expected) in cases {
    let actual = digest(values)
    #expect(actual == expected, "\(name): digest \(String(actual, radix: 16))")
  }
}

/// The digests of the matrix kernel's products (shapes that take each of its paths) and of a
/// planar training run through the fused loop: the kernels and the loop keep their bits in
/// every build too.
@Test func productsAndTrainingKeepTheirBits() {
  var rng = NumPyRandom(seed: 7)
  var products: [Double] = []
  for (m, k, n) in [
    (1, 1, 1), (3, 5, 7), (4, 4, 4), (16, 16, 16), (1, 400, 4), (4, 2, 400), (33, 65, 17), (128, 96, 80),
  ] {
    products += matmul(rng.randn(m, k), rng.randn(k, n)).scalars
  }
  products += dot(rng.randn(1000), rng.randn(1000)).scalars
  #expect(digest(products) == 0x464a_3f9e_23d9_2e38, "matmul: digest \(String(digest(products), radix: 16))")

  let (X, Y) = Datasets.planarFlower()
  var seeded = NumPyRandom(seed: 2)
  var network = TwoLayerNetwork.initialize(nX: 2, nH: 4, nY: 1, rng: &seeded)
  let costs = network.fit(X: X, Y: Y, iterations: 500, learningRate: 1.2)
  let trained = costs + network.W1.scalars + network.b1.scalars + network.W2.scalars + network.b2.scalars
  #expect(
    digest(trained) == 0x5ada_d840_e5da_f3ed, "planar training: digest \(String(digest(trained), radix: 16))")
}
