/// The verdict on one check of an exercise, in the learner's words.
public struct CheckResult: Sendable, Equatable, Codable {
  /// Passed, failed (a wrong shape or value), or could not be judged (compile error, trap,
  /// timeout), as Exercism's `results.json` spells them.
  public enum Status: String, Sendable, Codable {
    case pass
    case fail
    case error
  }

  /// The exercise's name.
  public var exercise: String
  /// The check's name.
  public var check: String
  /// The verdict.
  public var status: Status
  /// What went wrong (the input, the expected and the actual value, the likely cause), or a note
  /// on a pass (how far from the reference a value within rounding is); empty otherwise.
  public var message: String
  /// The check's line in the chapter.
  public var line: Int
}

/// The verdicts on every check of one exercise.
public struct ExerciseReport: Sendable, Equatable {
  /// The exercise.
  public var exercise: Exercise
  /// One result per check, in the chapter's order.
  public var checks: [CheckResult]
  /// A problem with the whole program (the compiler's messages), if any.
  public var problem: String?
  /// What the learner's code printed, if anything.
  public var printed: String = ""

  /// How many checks passed.
  public var passedCount: Int { checks.filter { $0.status == .pass }.count }
  /// Whether every check passed (and there was at least one).
  public var passed: Bool { !checks.isEmpty && passedCount == checks.count && problem == nil }
  /// `passed/total`.
  public var score: String { "\(passedCount)/\(checks.count)" }
}
