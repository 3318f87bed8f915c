import Foundation
import Testing

@testable import DeepLearning

/// One row of `Fixtures/numpy-print.txt`: an array and numpy 2.4's `str` and `repr` of it,
/// generated with numpy on this machine (the project itself never runs Python).
struct NumpyPrintCase: CustomTestStringConvertible, Sendable {
  let name: String
  let tensor: Tensor
  let str: String
  let repr: String

  var testDescription: String { name }

  static let all: [NumpyPrintCase] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/numpy-print.txt")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    var cases: [NumpyPrintCase] = []
    var name = ""
    var dims: [Int] = []
    var values: [Double] = []
    var section = ""
    var str: [String] = []
    var repr: [String] = []
    func flush() {
      guard !name.isEmpty else { return }
      cases.append(
        NumpyPrintCase(
          name: name, tensor: Tensor(shape: Shape(dims), scalars: values),
          str: str.joined(separator: "\n"), repr: repr.joined(separator: "\n")))
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("=== ") {
        flush()
        name = String(line.dropFirst(4))
        (dims, values, str, repr, section) = ([], [], [], [], "")
      } else if section.isEmpty && line.hasPrefix("shape:") {
        dims = line.dropFirst(6).split(separator: " ").map { Int($0)! }
      } else if section.isEmpty && line.hasPrefix("values:") {
        values = line.dropFirst(7).split(separator: " ").map { Double(String($0))! }
      } else if line == "--- str" || line == "--- repr" {
        section = String(line.dropFirst(4))
      } else if section == "str" {
        str.append(String(line))
      } else if section == "repr" {
        repr.append(String(line))
      }
    }
    return cases
  }()
}

@Suite struct TensorDescriptionTests {
  @Test func fixtureHoldsTheCases() {
    #expect(NumpyPrintCase.all.count >= 80)
  }

  @Test(arguments: NumpyPrintCase.all)
  func descriptionIsNumpyStr(_ c: NumpyPrintCase) {
    #expect(c.tensor.description == c.str)
  }

  @Test(arguments: NumpyPrintCase.all)
  func debugDescriptionIsNumpyRepr(_ c: NumpyPrintCase) {
    #expect(c.tensor.debugDescription == c.repr)
  }

  @Test func printingUsesDescription() {
    var out = ""
    print(Tensor([[1, 2.5], [3, 4]]), to: &out)
    #expect(out == "[[1.  2.5]\n [3.  4. ]]\n")
  }

  @Test func roundingIsCorrectOnTheExactBinaryValue() {
    // 0.125 needs no rounding; 1.000000005 is just below the tie in binary, so it rounds down.
    #expect(FloatingFormat.positionalDigits(1.000000005).positionalParts.fraction == "")
    #expect(FloatingFormat.positionalDigits(0.123456789).positionalParts.fraction == "12345679")
  }
}
