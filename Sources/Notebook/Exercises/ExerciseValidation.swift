import Foundation

/// The build's check of a chapter's exercises: declarations well formed, every reference
/// passing its checks, every stub failing at least one. Each problem is an error at the
/// chapter's line. A chapter whose exercises passed is remembered under a key of everything
/// they depend on, so a build that changed none of them compiles none of them.
struct ExerciseValidation {
  /// The runner (sharing the chapters' support library).
  var runner: ExerciseRunner
  /// The library and compiler the runs depend on.
  var environmentKey: String
  /// Whether to neither read nor write the record of validated chapters.
  var noCache = false

  /// The problems of `chapter`'s exercises (none when it has none).
  func diagnostics(for chapter: Chapter) -> [Diagnostic] {
    let parsed = ChapterExercises(chapter: chapter)
    guard !parsed.exercises.isEmpty || !parsed.diagnostics.isEmpty else { return [] }
    let book = ExerciseBook(exercises: parsed.exercises, diagnostics: parsed.diagnostics)
    var hasher = ContentHash()
    hasher.combine(environmentKey)
    hasher.combine(runner.toolchain.compileFlags.joined(separator: " "))
    hasher.combine(chapter.path)
    for exercise in book.exercises {
      hasher.combine(ExerciseProgram(checks: exercise).mainSource)
      for block in [exercise.stub, exercise.solution] {
        hasher.combine(String(block.codeLine))
        hasher.combine(block.code)
      }
      hasher.combine(exercise.uses.joined(separator: ","))
      hasher.combine(String(exercise.timeout))
    }
    let marker = runner.toolchain.supportDirectory.appendingPathComponent(
      "exercises/validated/\(hasher.hexDigest)")
    if !noCache && book.diagnostics.isEmpty && FileManager.default.fileExists(atPath: marker.path) {
      return []
    }
    let checker = ExerciseChecker(book: book, runner: runner, environmentKey: environmentKey)
    var problems = book.diagnostics
    for exercise in book.exercises { problems += checker.validate(exercise) }
    if problems.isEmpty && !noCache {
      try? FileManager.default.createDirectory(
        at: marker.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? Data().write(to: marker)
    }
    return problems
  }
}
