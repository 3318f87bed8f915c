import Foundation

/// The learner's progress, kept in `.progress.json` in the workspace: each exercise's last
/// verdict and score, how many hints were shown, whether the solution was asked for.
public struct ExerciseProgress: Sendable, Codable, Equatable {
  /// One exercise's progress.
  public struct Entry: Sendable, Codable, Equatable {
    /// `passed` or `failing`.
    public var status: String = "failing"
    /// `passed/total` at the last check.
    public var score: String = ""
    /// How many hints `hint` has shown.
    public var hintsShown: Int = 0
    /// Whether the learner gave up and saw the solution.
    public var gaveUp: Bool = false
  }

  /// The entries by exercise name.
  public var exercises: [String: Entry] = [:]

  /// The file in `workspace`.
  public static func file(in workspace: URL) -> URL { workspace.appendingPathComponent(".progress.json") }

  /// The progress stored in `workspace` (empty when there is none or it is unreadable).
  public static func load(from workspace: URL) -> ExerciseProgress {
    guard let data = try? Data(contentsOf: file(in: workspace)),
      let progress = try? JSONDecoder().decode(ExerciseProgress.self, from: data)
    else { return ExerciseProgress() }
    return progress
  }

  /// Writes the progress into `workspace`.
  public func save(to workspace: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do {
      try encoder.encode(self).write(to: ExerciseProgress.file(in: workspace), options: .atomic)
    } catch {
      throw EngineError(
        "cannot write \(ExerciseProgress.file(in: workspace).path): \(error.localizedDescription)")
    }
  }

  /// Records a check's verdict.
  public mutating func record(_ report: ExerciseReport) {
    var entry = exercises[report.exercise.name] ?? Entry()
    entry.status = report.passed ? "passed" : "failing"
    entry.score = report.score
    exercises[report.exercise.name] = entry
  }

  /// `not started`, `failing (1/3)` or `passed`, for `list`; `fileExists` says whether the
  /// learner's file is there.
  public func status(of name: String, fileExists: Bool) -> String {
    guard fileExists else { return "not started" }
    guard let entry = exercises[name], !entry.score.isEmpty else { return "not checked" }
    return entry.status == "passed" ? "passed" : "failing (\(entry.score))"
  }
}
