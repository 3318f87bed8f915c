import Foundation

/// What `companion exercises` asks for: the chapters to read, the learner's workspace, how to
/// report.
public struct ExerciseOptions: Sendable {
  /// The chapters folder.
  public var chaptersDirectory = "chapters"
  /// The learner's workspace.
  public var workspace = "exercises"
  /// Write one JSON entry per check instead of the text report.
  public var json = false
  /// A time limit replacing the exercises' own.
  public var timeout: Double?
  /// How many exercises are checked at the same time.
  public var jobs = 2

  /// The defaults.
  public init() {}
}

/// The learner's commands: `list`, `start`, `check` (once or on every save), `hint`, `solution`.
public struct ExerciseSession: Sendable {
  /// The options.
  public var options: ExerciseOptions
  /// The exercises.
  public var book: ExerciseBook
  /// The workspace.
  public var workspace: ExerciseWorkspace

  /// Reads the exercises; when `chapters` is not a folder here, the package's own chapters.
  public init(options: ExerciseOptions) throws {
    self.options = options
    var folder = options.chaptersDirectory
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue,
      let root = try? Toolchain.locate().packageRoot
    {
      folder = root.appendingPathComponent("chapters").path
    }
    book = try ExerciseBook(chaptersFolder: folder)
    workspace = ExerciseWorkspace(path: options.workspace, book: book)
  }

  /// `list`: one line per exercise, starting with its name: progress, chapter, title.
  public func list() -> String {
    let progress = ExerciseProgress.load(from: workspace.folder)
    let width = book.exercises.map(\.name.count).max() ?? 0
    let statuses = book.exercises.map { progress.status(of: $0.name, fileExists: workspace.hasFile($0)) }
    let statusWidth = statuses.map(\.count).max() ?? 0
    return zip(book.exercises, statuses).map { exercise, status in
      let chapter = ((exercise.chapterPath as NSString).lastPathComponent as NSString).deletingPathExtension
      return exercise.name.padding(toLength: width + 2, withPad: " ", startingAt: 0)
        + status.padding(toLength: statusWidth + 2, withPad: " ", startingAt: 0)
        + "\(chapter): \(exercise.title)"
    }.joined(separator: "\n")
  }

  /// `start`: writes the missing files; says what it wrote and kept.
  public func start() throws -> String {
    let (written, kept) = try workspace.start()
    let place = ExerciseRunner.relativePaths(workspace.folder.path)
    var lines = ["wrote \(written.count) exercise file\(written.count == 1 ? "" : "s") into \(place)/"]
    if !kept.isEmpty {
      lines.append(
        "kept \(kept.count) file\(kept.count == 1 ? "" : "s") already there, unchanged: \(kept.map(\.fileName).joined(separator: " "))"
      )
    }
    lines.append(
      "next: edit \(place)/\(book.exercises.first?.fileName ?? "NAME.swift"), then `swift run companion exercises check`"
    )
    return lines.joined(separator: "\n")
  }

  /// `check`: checks `names` (or every exercise), prints each report as it finishes (or the JSON
  /// document at the end), records the progress. Returns whether every check passed.
  public func check(_ names: [String], checker: ExerciseChecker) throws -> Bool {
    let selected = try book.select(names)
    guard FileManager.default.fileExists(atPath: workspace.folder.path) else {
      throw EngineError("no workspace at \(options.workspace)/: `companion exercises start` writes it")
    }
    let collected = LockedArray<ExerciseReport?>(repeating: nil, count: selected.count)
    let failures = LockedArray<String?>(repeating: nil, count: selected.count)
    let folder = workspace.folder
    let json = options.json
    parallelWork(
      count: selected.count, width: options.jobs,
      job: { index -> Result<ExerciseReport, Error> in
        Result { try checker.check(selected[index], workspace: folder) }
      },
      completion: { index, result in
        switch result {
        case .success(let report):
          collected.set(index, report)
          if !json { Console.out(report.text) }
        case .failure(let error):
          failures.set(index, "\(error)")
          Console.error("error: \(selected[index].name): \(error)")
        }
      })
    let reports = collected.values.compactMap { $0 }
    var progress = ExerciseProgress.load(from: folder)
    for report in reports { progress.record(report) }
    try progress.save(to: folder)
    let passedChecks = reports.map(\.passedCount).reduce(0, +)
    let totalChecks = reports.map(\.checks.count).reduce(0, +)
    if json {
      Console.out(ExerciseResults(reports).json)
    } else {
      for report in reports where !report.passed {
        let weak = book.closure(of: report.exercise).dropLast().filter {
          progress.exercises[$0.name]?.status != "passed"
        }
        if !weak.isEmpty {
          Console.out(
            "note: \(report.exercise.name) calls your \(weak.map(\.name).joined(separator: ", ")), which do\(weak.count == 1 ? "es" : "") not pass yet"
          )
        }
      }
      let passedExercises = reports.filter(\.passed).count
      Console.out(
        "score: \(passedChecks)/\(totalChecks) checks, \(passedExercises)/\(selected.count) exercises passed")
    }
    return failures.values.allSatisfy { $0 == nil } && reports.count == selected.count
      && reports.allSatisfy(\.passed)
  }

  /// `check --watch`: checks once, then again whenever a file of the workspace changes: the
  /// exercises whose files changed and those that use them. Never returns.
  public func watch(_ names: [String], checker: ExerciseChecker) throws -> Never {
    let selected = try book.select(names)
    var stamps = fileStamps()
    _ = try? check(names, checker: checker)
    Console.out("watching \(options.workspace)/ (Ctrl-C stops)")
    while true {
      usleep(300_000)
      let now = fileStamps()
      let changed = Set(now.keys).union(stamps.keys).filter { now[$0] != stamps[$0] }
      stamps = now
      guard !changed.isEmpty else { continue }
      let touched = selected.filter { exercise in
        book.closure(of: exercise).contains { changed.contains($0.fileName) }
      }
      guard !touched.isEmpty else { continue }
      Console.out("\n\(changed.sorted().joined(separator: ", ")) changed")
      _ = try? check(touched.map(\.name), checker: checker)
    }
  }

  /// The size and modification time of every `.swift` file of the workspace by name.
  func fileStamps() -> [String: String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.folder.path)) ?? []
    var stamps: [String: String] = [:]
    for name in names where name.hasSuffix(".swift") {
      let attributes = try? FileManager.default.attributesOfItem(
        atPath: workspace.folder.appendingPathComponent(name).path)
      let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
      let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      stamps[name] = "\(size) \(modified)"
    }
    return stamps
  }

  /// `hint NAME`: the next hint (each call one more), remembered in the progress file.
  public func hint(_ name: String) throws -> String {
    guard let exercise = try book.select([name]).first else { return "" }
    guard !exercise.hints.isEmpty else { return "\(exercise.name) has no hints." }
    var progress = ExerciseProgress.load(from: workspace.folder)
    var entry = progress.exercises[exercise.name] ?? ExerciseProgress.Entry()
    let shown = min(entry.hintsShown + 1, exercise.hints.count)
    entry.hintsShown = shown
    progress.exercises[exercise.name] = entry
    if FileManager.default.fileExists(atPath: workspace.folder.path) {
      try progress.save(to: workspace.folder)
    }
    var text =
      "Hint \(shown) of \(exercise.hints.count) for \(exercise.name):\n\n"
      + exercise.hints[shown - 1].code.trimmingCharacters(in: .whitespacesAndNewlines)
    text +=
      shown < exercise.hints.count
      ? "\n\n(`companion exercises hint \(exercise.name)` again for the next one)"
      : "\n\n(that was the last hint; `companion exercises solution \(exercise.name) --give-up` shows the solution)"
    return text
  }

  /// `solution NAME`: the reference as a complete `NAME.swift`, once the exercise passes or
  /// when the learner gives up; otherwise an error saying how to get it.
  public func solution(_ name: String, giveUp: Bool) throws -> String {
    guard let exercise = try book.select([name]).first else { return "" }
    var progress = ExerciseProgress.load(from: workspace.folder)
    var entry = progress.exercises[exercise.name] ?? ExerciseProgress.Entry()
    guard entry.status == "passed" && !entry.score.isEmpty || giveUp else {
      throw EngineError(
        "\(exercise.name) does not pass yet: the solution is shown once `companion exercises check \(exercise.name)` "
          + "passes, or with --give-up")
    }
    if giveUp && entry.status != "passed" {
      entry.gaveUp = true
      progress.exercises[exercise.name] = entry
      if FileManager.default.fileExists(atPath: workspace.folder.path) {
        try progress.save(to: workspace.folder)
      }
    }
    return workspace.solutionFile(exercise)
  }
}
