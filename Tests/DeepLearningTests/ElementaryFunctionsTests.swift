import DeepLearning
import Testing

#if canImport(Glibc)
  import Glibc
#endif

// The library's elementary functions against a higher-precision reference: x87 extended
// precision (64-bit significands, so the reference's own error is about 2^-11 of a Double ulp).
// Each function is measured on a million points spread over its useful range, plus the edges.

#if arch(x86_64) && canImport(Glibc)
  extension PointGenerator {
    /// Log-uniform magnitudes in [2^lowExponent, 2^highExponent), random sign if asked.
    mutating func logUniform(_ lowExponent: Double, _ highExponent: Double, signed: Bool) -> Double {
      let magnitude = Foundation_exp2(uniform(lowExponent, highExponent))
      return signed && next() & 1 == 1 ? -magnitude : magnitude
    }
  }

  private func Foundation_exp2(_ x: Double) -> Double { Glibc.exp2(x) }

  /// The error of `value` in units of the last place of the correctly rounded reference.
  private func ulpError(_ value: Double, _ reference: Float80) -> Double {
    let rounded = Double(reference)
    if value == rounded { return 0 }
    if value.isNaN || rounded.isNaN || value.isInfinite || rounded.isInfinite {
      return .infinity
    }
    let ulp = rounded == 0 ? Double.leastNonzeroMagnitude : rounded.ulp
    // The ulp of the binade below for results at a power of two, where the grid is finer.
    let unit = Swift.abs(rounded).significandBitPattern == 0 && Swift.abs(Float80(value)) < Swift.abs(reference)
      ? ulp / 2 : ulp
    return Double(Swift.abs(Float80(value) - reference) / Float80(Swift.max(unit, .leastNonzeroMagnitude)))
  }

  /// The worst ulp error of `f` against `reference` over `points`.
  private func worstError(
    _ points: [Double], _ f: (Double) -> Double, _ reference: (Float80) -> Float80
  ) -> (ulps: Double, at: Double) {
    var worst = (ulps: 0.0, at: 0.0)
    for x in points {
      let e = ulpError(f(x), reference(Float80(x)))
      if e > worst.ulps { worst = (e, x) }
    }
    return worst
  }

  private func points(_ count: Int, seed: UInt64, _ draw: (inout PointGenerator) -> Double) -> [Double] {
    var generator = PointGenerator(state: seed)
    return (0..<count).map { _ in draw(&generator) }
  }

  private let million = 1_000_000

  @Test func expIsWithinOneUlpOnAMillionPoints() {
    let xs = points(million, seed: 1) { $0.uniform(-745.2, 709.8) }
      + points(million / 4, seed: 2) { $0.uniform(-1, 1) }
      + points(million / 4, seed: 3) { $0.logUniform(-60, 0, signed: true) }
    let worst = worstError(xs, DeepLearning.exp) { expl($0) }
    print("exp: worst error \(worst.ulps) ulp over the points above")
    #expect(worst.ulps <= 0.51, "exp: \(worst.ulps) ulp at \(worst.at)")
  }

  @Test func logIsWithinOneUlpOnAMillionPoints() {
    let xs = points(million, seed: 4) { $0.logUniform(-1074, 1024, signed: false) }
      + points(million / 2, seed: 5) { $0.uniform(0.9, 1.1) }
      + points(million / 4, seed: 6) { 1 + $0.logUniform(-52, -4, signed: true) }
    let worst = worstError(xs, DeepLearning.log) { logl($0) }
    print("log: worst error \(worst.ulps) ulp over the points above")
    #expect(worst.ulps <= 0.52, "log: \(worst.ulps) ulp at \(worst.at)")
  }

  @Test func tanhIsWithinOneUlpOnAMillionPoints() {
    let xs = points(million, seed: 7) { $0.uniform(-25, 25) }
      + points(million / 2, seed: 8) { $0.uniform(-1, 1) }
      + points(million / 4, seed: 9) { $0.logUniform(-40, 0, signed: true) }
    let worst = worstError(xs, DeepLearning.tanh) { tanhl($0) }
    print("tanh: worst error \(worst.ulps) ulp over the points above")
    #expect(worst.ulps <= 0.6, "tanh: \(worst.ulps) ulp at \(worst.at)")
  }

  @Test func sigmoidIsWithinOneUlpOnAMillionPoints() {
    let xs = points(million, seed: 10) { $0.uniform(-60, 60) }
      + points(million / 4, seed: 11) { $0.uniform(-745, -30) }
    let worst = worstError(xs, DeepLearning.sigmoid) { 1 / (1 + expl(-$0)) }
    print("sigmoid: worst error \(worst.ulps) ulp over the points above")
    #expect(worst.ulps <= 0.6, "sigmoid: \(worst.ulps) ulp at \(worst.at)")
  }

  @Test func sinAndCosAreWithinOneUlpOnAMillionPoints() {
    let xs = points(million, seed: 12) { $0.uniform(-100, 100) }
      + points(million / 4, seed: 13) { $0.logUniform(-30, 20, signed: true) }
    let worstSin = worstError(xs, DeepLearning.sin) { sinl($0) }
    let worstCos = worstError(xs, DeepLearning.cos) { cosl($0) }
    print("sin: worst error \(worstSin.ulps) ulp over the points above")
    #expect(worstSin.ulps <= 0.8, "sin: \(worstSin.ulps) ulp at \(worstSin.at)")
    print("cos: worst error \(worstCos.ulps) ulp over the points above")
    #expect(worstCos.ulps <= 0.8, "cos: \(worstCos.ulps) ulp at \(worstCos.at)")
  }

  @Test func powAndLog10AreWithinOneUlp() {
    var generator = PointGenerator(state: 14)
    var worst = (ulps: 0.0, x: 0.0, y: 0.0)
    for _ in 0..<(million / 2) {
      let x = generator.logUniform(-20, 20, signed: false)
      let y = generator.uniform(-30, 30)
      let e = ulpError(DeepLearning.pow(x, y), powl(Float80(x), Float80(y)))
      if e > worst.ulps { worst = (e, x, y) }
    }
    print("pow: worst error \(worst.ulps) ulp over the points above")
    #expect(worst.ulps <= 0.6, "pow: \(worst.ulps) ulp at \(worst.x), \(worst.y)")
    let xs = points(million / 2, seed: 15) { $0.logUniform(-1000, 1000, signed: false) }
    let worst10 = worstError(xs, DeepLearning.log10) { log10l($0) }
    print("log10: worst error \(worst10.ulps) ulp over the points above")
    #expect(worst10.ulps <= 0.6, "log10: \(worst10.ulps) ulp at \(worst10.at)")
  }
#endif

@Test func expEdges() {
  #expect(DeepLearning.exp(0) == 1)
  #expect(DeepLearning.exp(-0.0) == 1)
  #expect(DeepLearning.exp(.infinity) == .infinity)
  #expect(DeepLearning.exp(-.infinity) == 0)
  #expect(DeepLearning.exp(.nan).isNaN)
  #expect(DeepLearning.exp(709.782712893384) == 0x1.fffffffffff2ap1023)
  #expect(DeepLearning.exp(709.7827128933841) == .infinity)
  #expect(DeepLearning.exp(-745.1332191019411) == 0x1p-1074)
  #expect(DeepLearning.exp(-745.1332191019412) == 0)
  #expect(DeepLearning.exp(-708.5) == 0x0.e6cf6d08897acp-1022)
  #expect(DeepLearning.exp(1) == 2.718281828459045)
  #expect(DeepLearning.exp(0x1p-1074) == 1)
}

@Test func logEdges() {
  #expect(DeepLearning.log(1) == 0)
  #expect(DeepLearning.log(0) == -.infinity)
  #expect(DeepLearning.log(-0.0) == -.infinity)
  #expect(DeepLearning.log(-1).isNaN)
  #expect(DeepLearning.log(.nan).isNaN)
  #expect(DeepLearning.log(.infinity) == .infinity)
  #expect(DeepLearning.log(0x1p-1074) == -744.4400719213812)
  #expect(DeepLearning.log(.greatestFiniteMagnitude) == 709.782712893384)
  #expect(DeepLearning.log(1 + 0x1p-52) == 0x1p-52 - 0x1p-105)
  #expect(DeepLearning.log(1 - 0x1p-53) == -0x1p-53)
  #expect(DeepLearning.log(2.718281828459045) == 1)
}

@Test func tanhAndSigmoidEdges() {
  #expect(DeepLearning.tanh(0).sign == .plus)
  #expect(DeepLearning.tanh(-0.0).sign == .minus)
  #expect(DeepLearning.tanh(0x1p-1074) == 0x1p-1074)
  #expect(DeepLearning.tanh(20) == 1)
  #expect(DeepLearning.tanh(-25) == -1)
  #expect(DeepLearning.tanh(.infinity) == 1)
  #expect(DeepLearning.tanh(-.infinity) == -1)
  #expect(DeepLearning.tanh(.nan).isNaN)
  #expect(DeepLearning.sigmoid(0) == 0.5)
  #expect(DeepLearning.sigmoid(.infinity) == 1)
  #expect(DeepLearning.sigmoid(-.infinity) == 0)
  #expect(DeepLearning.sigmoid(-745) == 0x1p-1074)
  #expect(DeepLearning.sigmoid(.nan).isNaN)
}

@Test func powSpecialValues() {
  #expect(DeepLearning.pow(2, 10) == 1024)
  #expect(DeepLearning.pow(10, -2) == 0.01)
  #expect(DeepLearning.pow(-2, 3) == -8)
  #expect(DeepLearning.pow(-8, 1.0 / 3).isNaN)
  #expect(DeepLearning.pow(.nan, 0) == 1)
  #expect(DeepLearning.pow(1, .nan) == 1)
  #expect(DeepLearning.pow(0, -1) == .infinity)
  #expect(DeepLearning.pow(-0.0, -3) == -.infinity)
  #expect(DeepLearning.pow(-0.0, 3).sign == .minus)
  #expect(DeepLearning.pow(0.5, .infinity) == 0)
  #expect(DeepLearning.pow(-1, .infinity) == 1)
  #expect(DeepLearning.pow(2, 1024) == .infinity)
  #expect(DeepLearning.pow(2, -1074) == 0x1p-1074)
  #expect(DeepLearning.log10(1000) == 3)
  #expect(DeepLearning.log10(1e-5) == -5)
  #expect(DeepLearning.log2(0x1p-1074) == -1074)
}

@Test func sinAndCosEdges() {
  #expect(DeepLearning.sin(0).sign == .plus)
  #expect(DeepLearning.sin(-0.0).sign == .minus)
  #expect(DeepLearning.cos(0) == 1)
  #expect(DeepLearning.sin(.infinity).isNaN)
  #expect(DeepLearning.cos(.nan).isNaN)
  #expect(DeepLearning.sin(Double.pi) == 1.2246467991473532e-16)
  #expect(DeepLearning.cos(Double.pi) == -1)
}

/// The tensor functions run a vector (four or eight lanes) at a time; every element must be the scalar function's
/// bits, including the lanes handed back to the scalar code (nan, infinities, subnormals).
@Test func tensorFunctionsGiveTheScalarFunctionsBits() {
  var rng = NumPyRandom(seed: 21)
  let edges: [Double] = [
    0, -0.0, .nan, .infinity, -.infinity, 0x1p-1074, -0x1p-1074, 0x1p-1022, 1, 1 - 0x1p-53,
    1 + 0x1p-52, 0.96875, 1.03125, 0.0625, -0.0625, 22, -22, 40, -40, 704, -704, 709.78, -745.1, 1e300,
  ]
  let wide = (rng.rand(20_003) * 100 - 50).scalars
  let narrow = (rng.rand(20_003) * 2 - 1).scalars
  let nearOne = (rng.rand(20_003) * 0.1 + 0.95).scalars
  // Whole vectors within tanh's polynomial range, and within 2^-27 of zero.
  let small = (rng.rand(20_000) * 0.125 - 0.0625).scalars + (rng.rand(20) * 0x1p-26 - 0x1p-27).scalars
  let values = Tensor(edges + wide + narrow + nearOne + small)
  let positive = Tensor(values.scalars.map { Swift.abs($0) })
  let checks: [(String, Tensor, Tensor, (Double) -> Double)] = [
    ("exp", values, exp(values), DeepLearning.exp),
    ("log", positive, log(positive), DeepLearning.log),
    ("tanh", values, tanh(values), DeepLearning.tanh),
    ("sigmoid", values, sigmoid(values), DeepLearning.sigmoid),
  ]
  for (name, input, output, scalar) in checks {
    let mismatch = input.scalars.indices.first { index in
      let expected = scalar(input.scalars[index])
      let actual = output.scalars[index]
      return !(expected.bitPattern == actual.bitPattern || (expected.isNaN && actual.isNaN))
    }
    #expect(mismatch == nil, "\(name) differs at \(mismatch.map { input.scalars[$0] } ?? 0)")
  }
}

@Test func crossEntropyTakesTheLogThatMatters() {
  let a = Tensor([0.2, 0.7, 1, 0, 0.5, 0.9, 0.3, 1e-300, 0.999])
  let y = Tensor([1, 0, 1, 0, 0.5, 1, 0, 1, 0])
  let terms = zip(a.scalars, y.scalars).map { a, y in
    DeepLearning.log(a) * y + DeepLearning.log(1 - a) * (1 - y)
  }
  let expected = -Tensor(terms).sum() / 9
  let actual = binaryCrossEntropy(a, y)
  #expect(actual.bitPattern == expected.bitPattern || (actual.isNaN && expected.isNaN))
  #expect(binaryCrossEntropy(Tensor([0.2, 0.7, 0.9]), Tensor([1, 0, 1])).bitPattern
    == (-(DeepLearning.log(0.2) + DeepLearning.log(0.3) + DeepLearning.log(0.9)) / 3).bitPattern)
}
