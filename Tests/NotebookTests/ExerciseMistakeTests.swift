import Foundation
import Testing

@testable import Notebook

/// Wrong solutions a learner would write, each checked against the course's own exercises: every
/// one must fail, with a message naming the check and the shapes or values involved.
struct ExerciseMistakeTests {
  /// The checker over the package's chapters (built once for all the tests).
  static let checker: Result<ExerciseChecker, Error> = Result {
    let chapters = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("chapters").path
    return try ExerciseChecker(book: ExerciseBook(chaptersFolder: chapters))
  }

  /// The report on `code` in place of exercise `name`'s file, and the text a learner reads.
  func report(_ name: String, _ code: String) throws -> (report: ExerciseReport, text: String) {
    let checker = try ExerciseMistakeTests.checker.get()
    let exercise = try #require(checker.book.exercise(named: name))
    let report = try checker.check(exercise, code: code)
    return (report, report.text)
  }

  static let parameters = """
    struct Parameters {
      var W1: Tensor
      var b1: Tensor
      var W2: Tensor
      var b2: Tensor
    }

    """

  @Test func aTransposedWeightFailsWithBothShapesAndTheCause() throws {
    let (report, text) = try report(
      "initializeParameters",
      ExerciseMistakeTests.parameters + """
        func initializeParameters(nX: Int, nH: Int, nY: Int) -> Parameters {
          var rng = NumPyRandom(seed: 2)
          let W1 = rng.randn(nX, nH) * 0.01
          let W2 = rng.randn(nY, nH) * 0.01
          return Parameters(W1: W1, b1: .zeros(nH, 1), W2: W2, b2: .zeros(nY, 1))
        }
        """)
    #expect(!report.passed)
    #expect(
      text.contains(
        "W1 of initializeParameters(nX: 2, nH: 4, nY: 1) has shape (2, 4), expected (4, 2): a transpose?"))
  }

  @Test func aBiasOfShapeNInsteadOfNByOneFailsWithBothShapes() throws {
    let (report, text) = try report(
      "initializeParameters",
      ExerciseMistakeTests.parameters + """
        func initializeParameters(nX: Int, nH: Int, nY: Int) -> Parameters {
          var rng = NumPyRandom(seed: 2)
          let W1 = rng.randn(nH, nX) * 0.01
          let W2 = rng.randn(nY, nH) * 0.01
          return Parameters(W1: W1, b1: .zeros(nH), W2: W2, b2: .zeros(nY, 1))
        }
        """)
    #expect(!report.passed)
    #expect(
      text.contains(
        "b1 of initializeParameters(nX: 2, nH: 4, nY: 1) has shape (4,), expected (4, 1): a rank-1 array"))
  }

  /// The reference's backward propagation with one line replaced.
  func backward(replacing line: String, with wrong: String) throws -> String {
    let checker = try ExerciseMistakeTests.checker.get()
    let solution = try #require(checker.book.exercise(named: "backwardPropagation")).solution.code
    #expect(solution.contains(line))
    return solution.replacingOccurrences(of: line, with: wrong)
  }

  @Test func aMissingOneOverMFailsWithTheExpectedAndActualValues() throws {
    let code = try backward(
      replacing: "let dW2 = dot(dZ2, cache.A1.T) / count", with: "let dW2 = dot(dZ2, cache.A1.T)")
    let (report, text) = try report("backwardPropagation", code)
    #expect(report.checks.first { $0.check == "dW2 on seeded inputs" }?.status == .fail)
    #expect(text.contains("✗ dW2 on seeded inputs"))
    #expect(text.contains("expected [[") && text.contains("got      [["))
    #expect(report.checks.first { $0.check == "dW1 on seeded inputs" }?.status == .pass)
  }

  @Test func aSumWithoutKeepDimsFailsWithARankOneShape() throws {
    let code = try backward(
      replacing: "let db1 = dZ1.sum(axis: 1, keepDims: true) / count",
      with: "let db1 = dZ1.sum(axis: 1) / count")
    let (report, text) = try report("backwardPropagation", code)
    #expect(!report.passed)
    #expect(text.contains("db1 on seeded inputs has shape (4,), expected (4, 1)"))
    #expect(text.contains("keepDims: true"))
  }

  @Test func theSigmoidDerivativeWhereTanhsBelongsFailsOnTheFirstLayersGradients() throws {
    let code = try backward(
      replacing: "(1.0 - pow(cache.A1, 2))", with: "(cache.A1 * (1.0 - cache.A1))")
    let (report, text) = try report("backwardPropagation", code)
    #expect(report.checks.first { $0.check == "dW1 on seeded inputs" }?.status == .fail)
    #expect(report.checks.first { $0.check == "dW2 on seeded inputs" }?.status == .pass)
    #expect(text.contains("✗ dW1 on seeded inputs") && text.contains("first difference at [0, 0]"))
  }

  @Test func anOffByOneLayerIndexFailsWithTheOutputValues() throws {
    let (report, text) = try report(
      "LModelForward",
      """
      func modelForward(_ X: Tensor, _ layers: [Layer], hidden: Activation) -> (AL: Tensor, caches: [LayerCache]) {
        var A = X
        var caches: [LayerCache] = []
        for (index, layer) in layers.enumerated() {
          let g: Activation = index == layers.count ? .sigmoid : hidden
          let step = linearActivationForward(A, layer, g)
          A = step.A
          caches.append(step.cache)
        }
        return (AL: A, caches: caches)
      }
      """)
    #expect(report.checks.first { $0.check == "A[L] of a (5, 4, 3, 1) relu network" }?.status == .fail)
    #expect(text.contains("A[L] of a (5, 4, 3, 1) relu network") && text.contains("expected [[0."))
  }

  @Test func anElementwiseProductWhereAMatrixProductBelongsStopsWithBothShapes() throws {
    let (report, text) = try report(
      "linearForward",
      """
      func linearForward(_ APrev: Tensor, _ W: Tensor, _ b: Tensor) -> Tensor {
        W * APrev + b
      }
      """)
    #expect(report.checks.first?.status == .error)
    #expect(text.contains("✗ Z on the course's test case"))
    #expect(text.contains("trapped at ") && text.contains("in linearForward(_:_:_:)"))
    #expect(text.contains("shapes (1,3) (3,2)"))
    #expect(text.contains("(1, 3) and (3, 2) fit a matrix product: an elementwise * where dot belongs?"))
  }

  @Test func aOneSidedDifferenceFailsAsCloseButMoreThanRounding() throws {
    let (report, text) = try report(
      "nudgedDerivative",
      """
      func nudgedDerivative(_ f: (Double) -> Double, at a: Double, h: Double) -> Double {
        (f(a + h) - f(a)) / h
      }
      """)
    #expect(!report.passed)
    #expect(text.contains("close, but more than rounding: at most"))
  }

  @Test func aSolutionEqualOnlyToRoundingPassesAndSaysHowFarApart() throws {
    let (report, text) = try report(
      "sigmoid",
      """
      func sigmoid(_ z: Tensor) -> Tensor {
        exp(z) / (exp(z) + 1)
      }
      """)
    #expect(report.passed)
    #expect(text.contains("equals the reference to rounding: at most"))
  }
}
