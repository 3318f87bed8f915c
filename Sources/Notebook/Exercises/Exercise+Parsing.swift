import Foundation

/// The exercises of one chapter, read from its fenced blocks.
public struct ChapterExercises: Sendable {
  /// The exercises in the order their stubs appear.
  public var exercises: [Exercise]
  /// Problems in the declarations, at the chapter's lines.
  public var diagnostics: [Diagnostic]

  /// The fence lines of every exercise block, with the exercise and the block's role.
  public var blocksByLine: [Int: (exercise: Exercise, role: String, hintNumber: Int)] {
    var found: [Int: (exercise: Exercise, role: String, hintNumber: Int)] = [:]
    for exercise in exercises {
      found[exercise.stub.fenceLine] = (exercise, "stub", 0)
      found[exercise.solution.fenceLine] = (exercise, "solution", 0)
      found[exercise.checks.fenceLine] = (exercise, "check", 0)
      for (index, hint) in exercise.hints.enumerated() {
        found[hint.fenceLine] = (exercise, "hint", index + 1)
      }
    }
    return found
  }

  /// What one block's info string says.
  private struct Declaration {
    var name: String
    var role: String
    var block: Exercise.Block
    var uses: [String] = []
    var timeout: Double?
  }

  /// Reads the exercises of `chapter`.
  public init(chapter: Chapter) {
    let path = chapter.path
    let source = chapter.source.replacingOccurrences(of: "\r\n", with: "\n")
    let protection = MathProtection(source: source)
    var diagnostics: [Diagnostic] = []
    var declarations: [Declaration] = []
    for block in CommonMark.codeBlocks(in: protection.protectedText) where block.isFenced {
      let words = block.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard Exercise.isExerciseBlock(words) else { continue }
      func problem(_ message: String) {
        diagnostics.append(Diagnostic(file: path, line: block.startLine, message: message))
      }
      var declaration = Declaration(
        name: "", role: "", block: Exercise.Block(code: block.literal, fenceLine: block.startLine))
      for word in words.dropFirst() {
        if word.hasPrefix("exercise=") {
          declaration.name = String(word.dropFirst("exercise=".count))
        } else if Exercise.roles.contains(word) {
          if !declaration.role.isEmpty {
            problem("an exercise block has one role, not '\(declaration.role)' and '\(word)'")
          }
          declaration.role = word
        } else if word.hasPrefix("uses=") {
          declaration.uses = word.dropFirst("uses=".count).split(separator: ",").map(String.init)
        } else if word.hasPrefix("timeout="), let seconds = Double(word.dropFirst("timeout=".count)),
          seconds > 0
        {
          declaration.timeout = seconds
        } else {
          problem(
            "unknown exercise option '\(word)' (known: \(Exercise.roles.joined(separator: ", ")), uses=NAME,NAME, timeout=SECONDS)"
          )
        }
      }
      if !Exercise.isValidName(declaration.name) {
        problem(
          "exercise name '\(declaration.name)' is not an identifier (letters, digits, _; it names the learner's file)"
        )
        continue
      }
      if declaration.role.isEmpty {
        problem(
          "exercise block of '\(declaration.name)' has no role (one of \(Exercise.roles.joined(separator: ", ")))"
        )
        continue
      }
      declarations.append(declaration)
    }
    var exercises: [Exercise] = []
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    var order: [String] = []
    for declaration in declarations where !order.contains(declaration.name) { order.append(declaration.name) }
    for name in order {
      let mine = declarations.filter { $0.name == name }
      let firstLine = mine[0].block.fenceLine
      func single(_ role: String) -> Declaration? {
        let found = mine.filter { $0.role == role }
        if found.isEmpty {
          diagnostics.append(
            Diagnostic(file: path, line: firstLine, message: "exercise '\(name)' has no \(role) block"))
          return nil
        }
        for extra in found.dropFirst() {
          diagnostics.append(
            Diagnostic(
              file: path, line: extra.block.fenceLine,
              message:
                "exercise '\(name)' has a second \(role) block (the first is at line \(found[0].block.fenceLine))"
            ))
        }
        return found[0]
      }
      guard let stub = single("stub"), let solution = single("solution"), let checks = single("check") else {
        continue
      }
      let heading = ChapterExercises.heading(above: stub.block.fenceLine, lines: lines)
      var uses: [String] = []
      for declaration in mine { uses += declaration.uses }
      exercises.append(
        Exercise(
          name: name, chapterPath: path, title: heading?.title ?? name,
          statement: ChapterExercises.statement(
            from: heading?.line ?? 0, to: stub.block.fenceLine, lines: lines),
          stub: stub.block, solution: solution.block, checks: checks.block,
          hints: mine.filter { $0.role == "hint" }.map(\.block), uses: uses,
          timeout: mine.compactMap(\.timeout).first ?? Exercise.defaultTimeout))
    }
    for exercise in exercises {
      for used in exercise.uses where !exercises.contains(where: { $0.name == used }) || used == exercise.name
      {
        diagnostics.append(
          Diagnostic(
            file: path, line: exercise.stub.fenceLine,
            message:
              "exercise '\(exercise.name)' uses '\(used)', which is not an earlier exercise of this chapter"))
      }
    }
    self.exercises = exercises
    self.diagnostics = diagnostics.sorted { $0.line < $1.line }
  }

  /// The nearest heading (`#` line outside code) at or above `line`, with its text.
  static func heading(above line: Int, lines: [Substring]) -> (line: Int, title: String)? {
    var fenced = false
    var found: (line: Int, title: String)? = nil
    for index in 0..<min(line - 1, lines.count) {
      let text = lines[index].trimmingCharacters(in: .whitespaces)
      if text.hasPrefix("```") || text.hasPrefix("~~~") { fenced.toggle() }
      if !fenced && text.hasPrefix("#") {
        found = (index + 1, text.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces))
      }
    }
    return found
  }

  /// The Markdown strictly between the heading's line and the stub's fence, trimmed.
  static func statement(from headingLine: Int, to fenceLine: Int, lines: [Substring]) -> String {
    guard fenceLine - 1 > headingLine else { return "" }
    return lines[headingLine..<(fenceLine - 1)].joined(separator: "\n")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
