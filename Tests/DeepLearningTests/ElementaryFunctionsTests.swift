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

  /// 10^n as the nearest double (an exact power of ten rounded once, for |n| <= 308).
  private func pow10(_ n: Int) -> Double { Double("1e\(n)")! }

  extension Double {
    /// The nearest multiple of `unit` (a power of two), at least one unit.
    fileprivate func rounded(toMultipleOf unit: Double) -> Double {
      Swift.max(unit, (self / unit).rounded() * unit)
    }
  }

  /// The error of `value` in units of the last place of the correctly rounded reference.
  private func ulpError(_ value: Double, _ reference: Float80) -> Double {
    let rounded = Double(reference)
    if value == rounded { return 0 }
    if value.isNaN || rounded.isNaN || value.isInfinite || rounded.isInfinite {
      return .infinity
    }
    let ulp = rounded == 0 ? Double.leastNonzeroMagnitude : rounded.ulp
    // The ulp of the binade below for results at a power of two, where the grid is finer.
    let unit =
      Swift.abs(rounded).significandBitPattern == 0 && Swift.abs(Float80(value)) < Swift.abs(reference)
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
    let xs =
      points(million, seed: 1) { $0.uniform(-745.2, 709.8) }
      + points(million / 4, seed: 2) { $0.uniform(-1, 1) }
      + points(million / 4, seed: 3) { $0.logUniform(-60, 0, signed: true) }
    let worst = worstError(xs, DeepLearning.exp) { expl($0) }
    print("exp: worst error \(worst.ulps) ulp over the points above")
    #expect(worst.ulps <= 0.51, "exp: \(worst.ulps) ulp at \(worst.at)")
  }

  @Test func logIsWithinOneUlpOnAMillionPoints() {
    let xs =
      points(million, seed: 4) { $0.logUniform(-1074, 1024, signed: false) }
      + points(million / 2, seed: 5) { $0.uniform(0.9, 1.1) }
      + points(million / 4, seed: 6) { 1 + $0.logUniform(-52, -4, signed: true) }
    let worst = worstError(xs, DeepLearning.log) { logl($0) }
    print("log: worst error \(worst.ulps) ulp over the points above")
    #expect(worst.ulps <= 0.52, "log: \(worst.ulps) ulp at \(worst.at)")
  }

  @Test func tanhIsWithinOneUlpOnAMillionPoints() {
    let xs =
      points(million, seed: 7) { $0.uniform(-25, 25) }
      + points(million / 2, seed: 8) { $0.uniform(-1, 1) }
      + points(million / 4, seed: 9) { $0.logUniform(-40, 0, signed: true) }
    let worst = worstError(xs, DeepLearning.tanh) { tanhl($0) }
    print("tanh: worst error \(worst.ulps) ulp over the points above")
    #expect(worst.ulps <= 0.6, "tanh: \(worst.ulps) ulp at \(worst.at)")
  }

  @Test func sigmoidIsWithinOneUlpOnAMillionPoints() {
    let xs =
      points(million, seed: 10) { $0.uniform(-60, 60) }
      + points(million / 4, seed: 11) { $0.uniform(-745, -30) }
    let worst = worstError(xs, DeepLearning.sigmoid) { 1 / (1 + expl(-$0)) }
    print("sigmoid: worst error \(worst.ulps) ulp over the points above")
    #expect(worst.ulps <= 0.6, "sigmoid: \(worst.ulps) ulp at \(worst.at)")
  }

  @Test func sinAndCosAreWithinHalfAnUlpOnAMillionPoints() {
    let xs =
      points(million / 2, seed: 12) { $0.uniform(-100, 100) }
      + points(million / 4, seed: 13) { $0.logUniform(-30, 20, signed: true) }
    let worstSin = worstError(xs, DeepLearning.sin) { sinl($0) }
    let worstCos = worstError(xs, DeepLearning.cos) { cosl($0) }
    print("sin: worst error \(worstSin.ulps) ulp over the points above")
    #expect(worstSin.ulps <= 0.501, "sin: \(worstSin.ulps) ulp at \(worstSin.at)")
    print("cos: worst error \(worstCos.ulps) ulp over the points above")
    #expect(worstCos.ulps <= 0.501, "cos: \(worstCos.ulps) ulp at \(worstCos.at)")
  }

  /// Every decade of magnitude from 1e-8 to the largest double, the same number of points in
  /// each: the full-range reduction (Payne-Hanek from 2^20 on) against the C library's long
  /// double sine and cosine, which reduce with 64-bit significands.
  @Test func sinAndCosAreWithinHalfAnUlpInEveryDecade() {
    let perDecade = 3_000
    var worst = (ulps: 0.0, at: 0.0, decade: 0)
    for decade in -8...308 {
      var generator = PointGenerator(state: UInt64(bitPattern: Int64(decade)) &+ 1000)
      let upper = decade == 308 ? 1.7976931348623157 : 10.0
      for _ in 0..<perDecade {
        let x = generator.uniform(1, upper) * pow10(decade) * (generator.next() & 1 == 0 ? 1 : -1)
        for e in [
          ulpError(DeepLearning.sin(x), sinl(Float80(x))), ulpError(DeepLearning.cos(x), cosl(Float80(x))),
        ] where e > worst.ulps {
          worst = (e, x, decade)
        }
      }
    }
    print("sin, cos: worst error \(worst.ulps) ulp over \(perDecade) points in each decade")
    #expect(worst.ulps <= 0.501, "sin or cos: \(worst.ulps) ulp at \(worst.at)")
  }

  /// Bases within an ulp to 2^-5 of 1 (and of -1, with integer exponents) raised to exponents
  /// that take the result anywhere from the edge of underflow to the edge of overflow.
  @Test func powNearOneIsWithinItsBound() {
    var generator = PointGenerator(state: 16)
    var worst = (ulps: 0.0, x: 0.0, y: 0.0)
    for index in 0..<(million / 4) {
      let distance = Foundation_exp2(-generator.uniform(5, 53)).rounded(toMultipleOf: 0x1p-53)
      var x = generator.next() & 1 == 0 ? 1 + distance : 1 - distance
      var y = generator.uniform(-700, 700) / Double(logl(Float80(x)))
      if index % 4 == 0 {
        x = -x
        y = y.rounded()
      }
      let e = ulpError(DeepLearning.pow(x, y), powl(Float80(x), Float80(y)))
      if e > worst.ulps { worst = (e, x, y) }
    }
    print("pow near 1: worst error \(worst.ulps) ulp over the points above")
    #expect(worst.ulps <= 0.52, "pow: \(worst.ulps) ulp at \(worst.x), \(worst.y)")
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

/// Integer powers of -1 are exactly ±1, however large; bases within an ulp of 1 raised to
/// 2^52 and more land within an ulp (here, on the correctly rounded value).
@Test func powIsExactNearOne() {
  #expect(DeepLearning.pow(-1, 1e10) == 1)
  #expect(DeepLearning.pow(-1, 1e300) == 1)
  #expect(DeepLearning.pow(-1, -1e300) == 1)
  #expect(DeepLearning.pow(-1, 3) == -1)
  #expect(DeepLearning.pow(-1, -0x1.fffffffffffffp52) == -1)
  #expect(DeepLearning.pow(-1, 0.5).isNaN)
  #expect(DeepLearning.pow(1 + 0x1p-52, 0x1p52) == 2.718281828459045)
  #expect(DeepLearning.pow(1 + 0x1p-52, -0x1p52) == 0.3678794411714424)
  #expect(DeepLearning.pow(1 - 0x1p-53, 0x1p53) == 0.3678794411714423)
  #expect(DeepLearning.pow(1 + 0x1p-52, 700 * 0x1p52) == 1.0142320547349257e+304)
  #expect(DeepLearning.pow(1 - 0x1p-53, 1e18) == 6.076124616751106e-49)
  #expect(DeepLearning.pow(0.99, 70000) == 2.908183650085128e-306)
  #expect(DeepLearning.pow(0.1, 1) == 0.1)
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

/// The hard points of the argument reduction, each against its correctly rounded value
/// (computed with 3000-bit arithmetic): huge arguments, the double nearest a multiple of pi/2
/// below 2^20 and among all doubles, both sides of the switch to Payne-Hanek at 2^20.
@Test func sinAndCosAreCorrectAtTheHardPoints() {
  let cases: [(x: Double, sin: Double, cos: Double)] = [
    (1e22, -0.8522008497671888, 0.523214785395139),
    (1e300, -0.8178819121159085, -0.5753861119575491),
    (-1e300, 0.8178819121159085, -0.5753861119575491),
    (0x1.6ac5b262ca1ffp+849, 1.0, -4.687165924254628e-19),
    (321307.9594422229, -1.0, -4.429600834596129e-17),
    (642615.9188844458, 8.859201669192259e-17, -1.0),
    (871790.3905748408, -1.0, -4.0474943290166063e-16),
    (0x1p20, 0.3304931400217347, 0.943808393901312),
    (0x1.fffffffffffffp+19, 0.3304931399118609, 0.9438083939397864),
    (.greatestFiniteMagnitude, 0.004961954789184062, -0.9999876894265599),
    (0x1p52, 0.8742173026236351, -0.4855348677422206),
    (1e16, 0.7796880066069788, -0.6261681981330862),
    (3e16, 0.44313291020493195, 0.8964559241219323),
    (1e10, -0.4875060250875107, 0.873119622676856),
    (Double.pi / 2, 1.0, 6.123233995736766e-17),
  ]
  for (x, expectedSin, expectedCos) in cases {
    #expect(DeepLearning.sin(x) == expectedSin, "sin(\(x))")
    #expect(DeepLearning.cos(x) == expectedCos, "cos(\(x))")
  }
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
  #expect(
    binaryCrossEntropy(Tensor([0.2, 0.7, 0.9]), Tensor([1, 0, 1])).bitPattern
      == (-(DeepLearning.log(0.2) + DeepLearning.log(0.3) + DeepLearning.log(0.9)) / 3).bitPattern)
}
