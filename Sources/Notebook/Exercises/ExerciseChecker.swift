import Foundation

/// Runs exercises' checks: the reference's run gives the expected values (kept in a cache keyed
/// by everything it depends on), the learner's run is judged against it, and a build validates
/// that every reference passes and every stub fails.
public struct ExerciseChecker: Sendable {
  /// The exercises.
  public var book: ExerciseBook
  /// The runner.
  public var runner: ExerciseRunner
  /// What every run depends on besides the exercise's code: the library and the compiler.
  var environmentKey: String

  /// Prepares the support library (built once, as for the chapters) and the runner.
  public init(book: ExerciseBook, timeout: Double? = nil) throws {
    let toolchain = try Toolchain.locate()
    let fingerprint = try toolchain.libraryFingerprint()
    let compiler = try toolchain.compilerVersion()
    try toolchain.prepareSupportLibrary(fingerprint: fingerprint, compilerVersion: compiler)
    self.init(
      book: book, runner: ExerciseRunner(toolchain: toolchain, timeout: timeout),
      environmentKey: fingerprint + compiler)
  }

  /// A checker with a prepared runner.
  init(book: ExerciseBook, runner: ExerciseRunner, environmentKey: String) {
    self.book = book
    self.runner = runner
    self.environmentKey = environmentKey
  }

  /// The reference solutions of `exercise` and of what it uses, in compile order.
  func referenceBlocks(_ exercise: Exercise) -> [Exercise.Block] {
    book.closure(of: exercise).map(\.solution)
  }

  /// The reference's run of `exercise`'s checks, from the cache when nothing it depends on
  /// changed. Throws when the reference does not finish every check.
  public func expectedRun(_ exercise: Exercise) throws -> ExerciseRun {
    var hasher = ContentHash()
    hasher.combine(environmentKey)
    hasher.combine(runner.toolchain.compileFlags.joined(separator: " "))
    hasher.combine(exercise.chapterPath)
    hasher.combine(ExerciseProgram(checks: exercise).mainSource)
    for block in referenceBlocks(exercise) {
      hasher.combine(String(block.codeLine))
      hasher.combine(block.code)
    }
    let file = runner.toolchain.supportDirectory.appendingPathComponent(
      "exercises/reference/\(hasher.hexDigest)")
    if let text = try? String(contentsOf: file, encoding: .utf8) {
      return ExerciseRun(records: text, ending: .finished, printed: "")
    }
    let run = try runner.run(exercise, blocks: referenceBlocks(exercise))
    guard run.ending == .finished, !run.begun.isEmpty else {
      throw ReferenceFailure(exercise: exercise, run: run)
    }
    try? FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? Data(run.recordsText.utf8).write(to: file, options: .atomic)
    return run
  }

  /// Checks the learner's files in `workspace` for `exercise`: its own file and those of the
  /// exercises it uses.
  public func check(_ exercise: Exercise, workspace: URL) throws -> ExerciseReport {
    let expected = try expectedRun(exercise)
    let files = book.closure(of: exercise).map { workspace.appendingPathComponent($0.fileName) }
    if let missing = files.first(where: { !FileManager.default.fileExists(atPath: $0.path) }) {
      var report = ExerciseComparison(exercise: exercise, expected: expected).report(
        ExerciseRun(records: "", ending: .compileFailed(""), printed: ""))
      report.problem =
        "\(ExerciseRunner.relativePaths(missing.path)) does not exist: `companion exercises start` writes it"
      return report
    }
    let actual = try runner.run(exercise, files: files)
    return ExerciseComparison(exercise: exercise, expected: expected).report(actual)
  }

  /// Checks code given as text (a wrong solution in a test) in place of `exercise`'s own file;
  /// the exercises it uses come from their reference solutions.
  public func check(_ exercise: Exercise, code: String) throws -> ExerciseReport {
    let expected = try expectedRun(exercise)
    var blocks = book.closure(of: exercise).dropLast().map(\.solution)
    blocks.append(Exercise.Block(code: code, fenceLine: exercise.stub.fenceLine))
    let actual = try runner.run(exercise, blocks: blocks)
    return ExerciseComparison(exercise: exercise, expected: expected).report(actual)
  }

  /// The problems of `exercise` as an author must fix them, at the chapter's lines: a reference
  /// that does not compile, traps, times out or records no check; a stub that does not compile
  /// or passes every check.
  public func validate(_ exercise: Exercise) -> [Diagnostic] {
    let expected: ExerciseRun
    do {
      expected = try expectedRun(exercise)
    } catch let failure as ReferenceFailure {
      return [failure.diagnostic]
    } catch {
      return [Diagnostic(file: exercise.chapterPath, line: exercise.solution.fenceLine, message: "\(error)")]
    }
    do {
      let stub = try check(exercise, code: exercise.stub.code)
      if let problem = stub.problem {
        return [
          Diagnostic(
            file: exercise.chapterPath, line: exercise.stub.fenceLine,
            message:
              "the stub of exercise '\(exercise.name)' does not compile (a learner starts from it, and the "
              + "exercises using it are compiled with it)", detail: problem)
        ]
      }
      if stub.passed {
        return [
          Diagnostic(
            file: exercise.chapterPath, line: exercise.checks.fenceLine,
            message:
              "the stub of exercise '\(exercise.name)' passes every check: no check tells unfinished code "
              + "from the solution (\(expected.begun.count) checks)")
        ]
      }
    } catch {
      return [Diagnostic(file: exercise.chapterPath, line: exercise.stub.fenceLine, message: "\(error)")]
    }
    return []
  }
}

/// A reference solution that does not pass its own checks.
struct ReferenceFailure: Error, CustomStringConvertible {
  var exercise: Exercise
  var run: ExerciseRun

  var diagnostic: Diagnostic {
    let reason: String
    var detail = ""
    var line = exercise.solution.fenceLine
    switch run.ending {
    case .compileFailed(let output):
      reason = "does not compile"
      detail = ExerciseComparison.trimmed(output)
    case .finished:
      reason = "records no check (write `check(\"name\") { value }` calls in the check block)"
      line = exercise.checks.fenceLine
    default:
      reason = "does not finish its checks: " + ExerciseComparison.stopReason(run.ending)
      line = run.begun.last?.line ?? exercise.checks.fenceLine
    }
    return Diagnostic(
      file: exercise.chapterPath, line: line,
      message: "the reference solution of exercise '\(exercise.name)' \(reason)", detail: detail)
  }

  var description: String { diagnostic.description }
}
