import DeepLearning
import Foundation

/// Judges a learner's run of an exercise's checks against the reference's run of the same
/// checks: shapes first, then values within each check's tolerance.
struct ExerciseComparison {
  /// The exercise.
  var exercise: Exercise
  /// The reference's run (every check finished).
  var expected: ExerciseRun

  /// The report on `actual`.
  func report(_ actual: ExerciseRun) -> ExerciseReport {
    var results: [CheckResult] = []
    var problem: String? = nil
    if case .compileFailed(let output) = actual.ending { problem = ExerciseComparison.trimmed(output) }
    var seen = Set<String>()
    var stopShown = false
    for check in expected.begun where seen.insert("\(check.line) \(check.name)").inserted {
      func result(_ status: CheckResult.Status, _ message: String) -> CheckResult {
        CheckResult(
          exercise: exercise.name, check: check.name, status: status, message: message, line: check.line)
      }
      let input = ExerciseComparison.input(of: check.line, in: exercise)
      if problem != nil {
        results.append(
          result(.error, "not run: your code does not compile (see the compiler's message above)"))
        continue
      }
      let wanted = expected.values.filter { $0.line == check.line && $0.check == check.name }
      let got = actual.values.filter { $0.line == check.line && $0.check == check.name }
      let began = actual.begun.contains { $0.line == check.line && $0.name == check.name }
      if got.isEmpty {
        let stop = ExerciseComparison.stopReason(actual.ending)
        let message: String
        if began || !stopShown {
          message = began || stop.isEmpty ? stop : "not run: the program stopped before this check: \(stop)"
          stopShown = true
        } else {
          message = "not run: the program stopped at an earlier check"
        }
        results.append(result(.error, input + "\n" + (message.isEmpty ? "no value" : message)))
        continue
      }
      var failures: [String] = []
      var notes: [String] = []
      for part in wanted {
        guard let mine = got.first(where: { $0.part == part.part }) else {
          failures.append("\(ExerciseComparison.label(check.name, part.part)): missing from your result")
          continue
        }
        let verdict = ValueJudgement(expected: part, actual: mine)
        if let failure = verdict.failure {
          failures.append(failure)
        } else if let note = verdict.note {
          notes.append(note)
        }
      }
      if failures.isEmpty {
        results.append(result(.pass, notes.joined(separator: "\n")))
      } else {
        results.append(result(.fail, ([input] + failures).joined(separator: "\n")))
      }
    }
    return ExerciseReport(exercise: exercise, checks: results, problem: problem, printed: actual.printed)
  }

  /// Why a run stopped early, in a learner's words (empty when it finished).
  static func stopReason(_ ending: ExerciseRun.Ending) -> String {
    switch ending {
    case .finished: return ""
    case .compileFailed: return "your code does not compile"
    case .trapped(let message): return message
    case .timedOut(let seconds):
      return
        "timed out: still running after \(SVGNumber.compact(seconds)) s; an endless loop, or far more iterations than asked?"
    case .exited(let status): return "the program exited with status \(status) before finishing the checks"
    }
  }

  /// `name` or `name["W1"]`.
  static func label(_ name: String, _ part: String) -> String { part.isEmpty ? name : name + " " + part }

  /// The code of the check at chapter line `line`: from the `check(` line until its brackets
  /// close, at most six lines.
  static func input(of line: Int, in exercise: Exercise) -> String {
    let lines = exercise.checks.code.split(separator: "\n", omittingEmptySubsequences: false)
    let first = line - exercise.checks.codeLine
    guard first >= 0, first < lines.count else { return "" }
    var depth = 0
    var taken: [String] = []
    for text in lines[first...].prefix(6) {
      taken.append(String(text))
      for character in text {
        if "({[".contains(character) { depth += 1 } else if ")}]".contains(character) { depth -= 1 }
      }
      if depth <= 0 { break }
    }
    let indent = taken.map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
    return taken.map { String($0.dropFirst(indent)) }.joined(separator: "\n")
  }

  /// At most 30 lines of compiler output.
  static func trimmed(_ output: String) -> String {
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
    let kept = lines.prefix(30).joined(separator: "\n")
    return lines.count > 30 ? kept + "\n..." : kept
  }
}
