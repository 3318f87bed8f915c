import Foundation

extension ExerciseReport {
  /// The report as a learner reads it in the terminal: the exercise and its score, then one
  /// line per check (✓ or ✗) with what went wrong indented under it.
  public var text: String {
    var lines = [
      "\(exercise.name): \(score) checks passed\(passed ? "" : "  (\(exercise.chapterPath):\(exercise.stub.fenceLine))")"
    ]
    if let problem {
      lines.append(
        ExerciseReport.indented(problem.isEmpty ? "your code does not compile" : problem, by: "    "))
    }
    for check in checks {
      let mark = check.status == .pass ? "✓" : "✗"
      lines.append("  \(mark) \(check.check)")
      if !check.message.isEmpty && !(problem != nil && check.status == .error) {
        lines.append(ExerciseReport.indented(check.message, by: "      "))
      }
    }
    if problem != nil && !checks.isEmpty {
      lines.append("      (none of the \(checks.count) checks ran)")
    }
    return lines.joined(separator: "\n")
  }

  static func indented(_ text: String, by prefix: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
  }

  /// The entries of `--json`: one per check, as Exercism's `results.json` has them (a compile
  /// error gives each check the status `error` and the compiler's message).
  public var entries: [CheckResult] {
    checks.map { check in
      var entry = check
      if let problem, check.status == .error { entry.message = problem }
      return entry
    }
  }
}

/// The `--json` document: the overall status and one entry per check.
public struct ExerciseResults: Codable, Sendable {
  /// `pass` when every check passed, else `fail`.
  public var status: String
  /// Checks passed and checks in all.
  public var passed: Int
  public var total: Int
  /// One entry per check.
  public var tests: [CheckResult]

  /// The results of `reports`.
  public init(_ reports: [ExerciseReport]) {
    tests = reports.flatMap(\.entries)
    passed = tests.filter { $0.status == .pass }.count
    total = tests.count
    status = reports.allSatisfy(\.passed) ? "pass" : "fail"
  }

  /// The document as pretty-printed JSON with sorted keys.
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
  }
}
