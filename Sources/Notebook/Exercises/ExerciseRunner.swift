import Foundation

/// Compiles an exercise's checks with the code under test against the support library, runs the
/// program in its own process with the exercise's time limit, and reads back its records.
public struct ExerciseRunner: Sendable {
  /// Where the compiler and the support library are.
  public var toolchain: Toolchain
  /// A time limit replacing every exercise's own, if set.
  public var timeout: Double?

  /// Creates a runner.
  public init(toolchain: Toolchain, timeout: Double? = nil) {
    self.toolchain = toolchain
    self.timeout = timeout
  }

  /// Runs `exercise`'s checks against the Swift files `files` (compiled as they are, so the
  /// compiler and traps name them).
  public func run(_ exercise: Exercise, files: [URL]) throws -> ExerciseRun {
    let folder = toolchain.supportDirectory.appendingPathComponent(
      "exercises/run-\(getpid())-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let main = folder.appendingPathComponent("main.swift")
    try ExerciseProgram(checks: exercise).mainSource.write(to: main, atomically: false, encoding: .utf8)
    let binary = folder.appendingPathComponent("checks")
    let compile = try Subprocess(
      executable: toolchain.swiftc,
      arguments: toolchain.compileFlags + ["-g", "-module-name", "Exercise"] + files.map(\.path) + [
        main.path, "-o", binary.path,
      ],
      timeout: 300
    ).run()
    guard compile.succeeded else {
      let output = ExerciseRunner.relativePaths(compile.stderrText + compile.stdoutText)
      return ExerciseRun(records: "", ending: .compileFailed(output), printed: "")
    }
    let records = folder.appendingPathComponent("records")
    let limit = timeout ?? exercise.timeout
    let result = try Subprocess(
      executable: binary.path, arguments: [],
      environment: [
        "SWIFT_BACKTRACE": TrapLocation.backtraceSetting, "COMPANION_EXERCISE_RECORDS": records.path,
      ],
      timeout: limit, outputLimit: 1_000_000
    ).run()
    let ending: ExerciseRun.Ending
    switch result.termination {
    case .exited(0): ending = .finished
    case .exited(let status): ending = .exited(status)
    case .signaled:
      var trap = TrapMessage(stderr: result.stderrText)
      trap.text = trap.text.trimmingCharacters(in: .whitespaces)
      let sources = Set(files.map(\.path) + [exercise.chapterPath])
      if let place = TrapLocation(backtrace: result.stderrText, files: sources) {
        let function = place.function.isEmpty ? "" : " in \(place.function)"
        ending = .trapped(
          "trapped at \(ExerciseRunner.relativePaths(place.place))\(function): \(trap.text)"
            + ShapeHint.broadcast(trap.text))
      } else {
        ending = .trapped(
          "trapped: " + (trap.location.map { "\($0): " } ?? "") + trap.text + ShapeHint.broadcast(trap.text))
      }
    case .timedOut, .outputLimitReached: ending = .timedOut(limit)
    }
    let text = (try? String(contentsOf: records, encoding: .utf8)) ?? ""
    return ExerciseRun(records: text, ending: ending, printed: result.stdoutText)
  }

  /// Runs the checks against blocks of the chapter (reference solutions or stubs), written to
  /// files whose lines report as the chapter's.
  public func run(_ exercise: Exercise, blocks: [Exercise.Block]) throws -> ExerciseRun {
    let folder = toolchain.supportDirectory.appendingPathComponent(
      "exercises/code-\(getpid())-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var files: [URL] = []
    for (index, block) in blocks.enumerated() {
      let file = folder.appendingPathComponent("code\(index).swift")
      try ExerciseProgram.located(block, chapterPath: exercise.chapterPath).write(
        to: file, atomically: false, encoding: .utf8)
      files.append(file)
    }
    return try run(exercise, files: files)
  }

  /// `text` with absolute paths under the current folder shown relative to it.
  static func relativePaths(_ text: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    return cwd == "/" ? text : text.replacingOccurrences(of: cwd + "/", with: "")
  }
}
