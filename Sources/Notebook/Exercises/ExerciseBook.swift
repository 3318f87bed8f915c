import Foundation

/// Every exercise of the course, read from the chapters folder, in chapter order.
public struct ExerciseBook: Sendable {
  /// The exercises, chapter by chapter.
  public var exercises: [Exercise]
  /// Problems in the exercises' declarations.
  public var diagnostics: [Diagnostic]

  /// Reads every `*.md` of `folder` (shown under the path as given).
  public init(chaptersFolder folder: String) throws {
    var options = CompanionOptions()
    options.chaptersDirectory = folder
    var exercises: [Exercise] = []
    var diagnostics: [Diagnostic] = []
    for file in try Companion.chapterFiles(options) {
      let parsed = ChapterExercises(chapter: try ChapterLoading.load(file))
      exercises += parsed.exercises
      diagnostics += parsed.diagnostics
    }
    self.init(exercises: exercises, diagnostics: diagnostics)
  }

  /// A book of the given exercises; a name declared twice is an error at the second.
  public init(exercises: [Exercise], diagnostics: [Diagnostic] = []) {
    var seen: [String: Exercise] = [:]
    var kept: [Exercise] = []
    var problems = diagnostics
    for exercise in exercises {
      if let first = seen[exercise.name] {
        problems.append(
          Diagnostic(
            file: exercise.chapterPath, line: exercise.stub.fenceLine,
            message:
              "exercise '\(exercise.name)' is declared twice (first at \(first.chapterPath):\(first.stub.fenceLine)); "
              + "names are file names in one workspace"))
        continue
      }
      seen[exercise.name] = exercise
      kept.append(exercise)
    }
    self.exercises = kept
    self.diagnostics = problems
  }

  /// The exercise called `name`.
  public func exercise(named name: String) -> Exercise? { exercises.first { $0.name == name } }

  /// The exercises `exercise` uses, directly or through others, in an order where each comes
  /// after those it uses, then `exercise` itself.
  public func closure(of exercise: Exercise) -> [Exercise] {
    var ordered: [Exercise] = []
    func visit(_ current: Exercise, depth: Int) {
      guard depth < 64, !ordered.contains(where: { $0.name == current.name }) else { return }
      for name in current.uses {
        if let used = self.exercise(named: name) { visit(used, depth: depth + 1) }
      }
      if !ordered.contains(where: { $0.name == current.name }) { ordered.append(current) }
    }
    visit(exercise, depth: 0)
    return ordered
  }

  /// The exercises that use `exercise`, directly or not.
  public func dependents(of exercise: Exercise) -> [Exercise] {
    exercises.filter { $0.name != exercise.name && closure(of: $0).contains { $0.name == exercise.name } }
  }

  /// The names given, or an error naming the unknown ones and the nearest known name.
  public func select(_ names: [String]) throws -> [Exercise] {
    guard !names.isEmpty else { return exercises }
    return try names.map { name in
      let file = (name as NSString).lastPathComponent
      let bare = file.hasSuffix(".swift") ? String(file.dropLast(6)) : file
      if let found = exercise(named: bare) { return found }
      throw EngineError("no exercise '\(name)' (see `companion exercises list`)")
    }
  }
}
