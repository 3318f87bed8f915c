import Foundation

/// The learner's folder of exercises (`exercises/` by default): one `NAME.swift` per exercise,
/// started from its stub with the statement as a comment, and the progress file.
public struct ExerciseWorkspace: Sendable {
  /// The folder.
  public var folder: URL
  /// The exercises.
  public var book: ExerciseBook

  /// A workspace at `path`.
  public init(path: String, book: ExerciseBook) {
    folder = URL(fileURLWithPath: path, isDirectory: true)
    self.book = book
  }

  /// The learner's file of `exercise`.
  public func file(of exercise: Exercise) -> URL { folder.appendingPathComponent(exercise.fileName) }

  /// Whether the learner's file of `exercise` exists.
  public func hasFile(_ exercise: Exercise) -> Bool {
    FileManager.default.fileExists(atPath: file(of: exercise).path)
  }

  /// Writes the file of every exercise that has none; returns the exercises written and those
  /// whose files were kept as the learner left them.
  public func start() throws -> (written: [Exercise], kept: [Exercise]) {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw EngineError("cannot create \(folder.path): \(error.localizedDescription)")
    }
    var written: [Exercise] = []
    var kept: [Exercise] = []
    for exercise in book.exercises {
      let url = file(of: exercise)
      if hasFile(exercise) {
        kept.append(exercise)
        continue
      }
      let contents = Data(ExerciseWorkspace.startingFile(exercise, book: book).utf8)
      // `.withoutOverwriting`: a file that appeared since the look above is never replaced.
      do {
        try contents.write(to: url, options: .withoutOverwriting)
        written.append(exercise)
      } catch {
        kept.append(exercise)
      }
    }
    if !FileManager.default.fileExists(atPath: ExerciseProgress.file(in: folder).path) {
      try ExerciseProgress().save(to: folder)
    }
    return (written, kept)
  }

  /// The comment heading an exercise's file: title, chapter, statement, how to check it.
  static func header(_ exercise: Exercise, book: ExerciseBook) -> String {
    var lines = [
      "Exercise \(exercise.name): \(exercise.title)",
      "From \(exercise.chapterPath):\(exercise.stub.fenceLine)", "",
    ]
    lines += exercise.statement.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let used = book.closure(of: exercise).dropLast().map(\.fileName)
    if !used.isEmpty {
      lines += [
        "", "Compiled together with your \(used.joined(separator: ", ")), whose functions it may call.",
      ]
    }
    lines += [
      "", "Check it:   swift run companion exercises check \(exercise.name)",
      "A hint:     swift run companion exercises hint \(exercise.name)",
    ]
    return lines.map { $0.isEmpty ? "//" : "// " + $0 }.joined(separator: "\n") + "\n"
  }

  /// A file as `start` writes it: the header, then the stub.
  static func startingFile(_ exercise: Exercise, book: ExerciseBook) -> String {
    header(exercise, book: book) + "\nimport DeepLearning\n\n" + exercise.stub.code
  }

  /// The reference solution as a complete `NAME.swift`: the header, then the solution.
  public func solutionFile(_ exercise: Exercise) -> String {
    ExerciseWorkspace.header(exercise, book: book) + "\nimport DeepLearning\n\n" + exercise.solution.code
  }
}
