import DeepLearning
import Foundation

/// One recorded value of the learner's set against the reference's: the shape first, then the
/// numbers within the check's tolerance. A failure names the values and, for a wrong shape, a
/// likely cause; a value within the tolerance but not identical passes with a note saying how
/// far apart the two are.
struct ValueJudgement {
  /// What went wrong, or nil when the value passes.
  var failure: String?
  /// A note on a pass (values equal only to rounding).
  var note: String?

  /// Judges `actual` against `expected`.
  init(expected: ExerciseRun.Value, actual: ExerciseRun.Value) {
    let name = ExerciseComparison.label(expected.check, expected.part)
    switch expected.kind {
    case "count":
      if expected.values != actual.values {
        failure =
          "\(name) has \(ValueJudgement.integer(actual.values.first)) elements, expected \(ValueJudgement.integer(expected.values.first))"
      }
      return
    case "keys":
      if expected.values != actual.values {
        failure =
          "\(name) has \(ValueJudgement.integer(actual.values.first)) keys, expected \(ValueJudgement.integer(expected.values.first))"
      }
      return
    default:
      break
    }
    if expected.shape != actual.shape || expected.values.count != actual.values.count {
      let cause = ShapeHint.cause(actual: actual.shape, expected: expected.shape).map { ": " + $0 } ?? ""
      failure =
        "\(name) has shape \(ShapeHint.text(actual.shape)), expected \(ShapeHint.text(expected.shape))\(cause)"
      return
    }
    var worstAbsolute = 0.0
    var worstRelative = 0.0
    var firstBad: Int? = nil
    var badCount = 0
    var identical = true
    for (index, (e, a)) in zip(expected.values, actual.values).enumerated() {
      if e.isNaN && a.isNaN || e == a { continue }
      identical = false
      let gap = Swift.abs(a - e)
      let relative = e == 0 ? gap : gap / Swift.abs(e)
      if !gap.isNaN {
        worstAbsolute = Swift.max(worstAbsolute, gap)
        worstRelative = Swift.max(worstRelative, relative)
      }
      if !(gap <= expected.atol + expected.rtol * Swift.abs(e)) {
        badCount += 1
        if firstBad == nil { firstBad = index }
      }
    }
    if identical { return }
    let apart =
      "at most \(ValueJudgement.short(worstAbsolute)) apart (relative \(ValueJudgement.short(worstRelative)))"
    guard let firstBad else {
      note = "\(name) equals the reference to rounding: \(apart), within the tolerance"
      return
    }
    var lines: [String] = []
    let label = expected.part.isEmpty ? "" : expected.part + " "
    if expected.kind != "tensor" {
      lines.append("\(label)expected \(ValueJudgement.number(expected.values[0], expected.kind))")
      lines.append("\(label)got      \(ValueJudgement.number(actual.values[0], expected.kind))")
    } else if expected.values.count <= 12 {
      lines.append("\(label)expected \(ValueJudgement.shown(expected))")
      lines.append("\(label)got      \(ValueJudgement.shown(actual))")
    }
    if expected.kind == "tensor" && expected.values.count > 1 {
      let index = ValueJudgement.index(firstBad, shape: expected.shape)
      lines.append(
        "\(label)first difference at \(index): expected \(expected.values[firstBad]), got \(actual.values[firstBad])"
          + " (\(badCount) of \(expected.values.count) values differ)")
    } else if expected.kind == "tensor" {
      lines[0] = "\(label)expected \(expected.values[0])"
      lines[1] = "\(label)got      \(actual.values[0])"
    }
    if worstRelative < 1e-3 && !worstRelative.isNaN {
      lines.append(
        "close, but more than rounding: \(apart); the check allows relative \(ValueJudgement.short(expected.rtol)). "
          + "A constant or a term slightly off, or a float computed in lower precision?")
    }
    failure = lines.joined(separator: "\n")
  }

  /// A value as numpy prints it.
  static func shown(_ value: ExerciseRun.Value) -> String {
    let tensor = Tensor(shape: Shape(value.shape), scalars: value.values)
    return tensor.description.replacingOccurrences(of: "\n", with: "")
  }

  /// A number of the given kind.
  static func number(_ value: Double, _ kind: String) -> String {
    switch kind {
    case "integer": return value.isFinite ? String(Int(value)) : "\(value)"
    case "bool": return value != 0 ? "true" : "false"
    default: return "\(value)"
    }
  }

  /// `[2, 3]` for a flat index in a row-major shape (empty for a number).
  static func index(_ flat: Int, shape: [Int]) -> String {
    guard !shape.isEmpty else { return "" }
    var rest = flat
    var parts: [Int] = []
    for dimension in shape.reversed() {
      parts.append(rest % Swift.max(dimension, 1))
      rest /= Swift.max(dimension, 1)
    }
    return "[" + parts.reversed().map(String.init).joined(separator: ", ") + "]"
  }

  static func integer(_ value: Double?) -> String { value.map { String(Int($0)) } ?? "no" }

  /// Two significant digits: `3.1e-06`.
  static func short(_ value: Double) -> String { String(format: "%.1e", value) }
}
