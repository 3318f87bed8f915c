/// The markup of an exercise's blocks on a chapter page: the stub with the command that checks
/// it, the checks, the hints and the solution folded; and the count of exercises on the index.
struct ExerciseView {
  /// The exercise blocks of the chapter by fence line.
  var blocks: [Int: (exercise: Exercise, role: String, hintNumber: Int)]

  /// The view of `chapter`'s exercise blocks.
  init(chapter: Chapter) {
    blocks = ChapterExercises(chapter: chapter).blocksByLine
  }

  /// The HTML replacing the code block at `line`, or nil when it is not an exercise block.
  func html(forBlockAt line: Int) -> String? {
    guard let (exercise, role, hintNumber) = blocks[line] else { return nil }
    let name = HTML.escape(exercise.name)
    switch role {
    case "stub":
      var out = "<div class=\"exercise\" id=\"exercise-\(name)\">\n"
      out += "<p class=\"exercise-label\">Exercise <code>\(name)</code>: start from "
      out += "<code>exercises/\(HTML.escape(exercise.fileName))</code></p>\n"
      out += ExerciseView.code(exercise.stub.code)
      out +=
        "<p class=\"exercise-command\">Check it: <code>swift run companion exercises check \(name)</code></p>\n"
      return out + "</div>\n"
    case "check":
      let count = ChapterCheckCount.of(exercise.checks.code)
      return folded(
        "exercise-checks", "The checks (\(count)): your function against the reference's",
        ExerciseView.code(exercise.checks.code))
    case "hint":
      let body = ExerciseView.markdown(exercise.hints[hintNumber - 1].code)
      return folded("exercise-hint", "Hint \(hintNumber) of \(exercise.hints.count)", body)
    default:
      return folded("exercise-solution", "Show the solution", ExerciseView.code(exercise.solution.code))
    }
  }

  private func folded(_ kind: String, _ summary: String, _ body: String) -> String {
    "<details class=\"\(kind)\"><summary>\(HTML.escape(summary))</summary>\n\(body)</details>\n"
  }

  static func code(_ code: String) -> String {
    "<pre class=\"cell-code\"><code class=\"language-swift\">\(HTML.escape(code))</code></pre>\n"
  }

  /// A hint's Markdown as HTML, its math marked for KaTeX as on the rest of the page.
  static func markdown(_ text: String) -> String {
    let protection = MathProtection(source: text)
    let hooks = MarkdownRenderHooks(
      codeBlock: { _, block in "<pre><code>\(HTML.escape(block.literal))</code></pre>" },
      heading: { "<h\($0.level)>\($0.innerHTML)</h\($0.level)>" }, text: { $0.literal })
    return protection.restore(
      CommonMark.render(protection.protectedText, hooks: hooks), markup: true, escape: HTML.escape)
  }

  /// `6 exercises` for the index, or nothing for a chapter without.
  static func indexCount(_ chapter: Chapter) -> String {
    let count = ChapterExercises(chapter: chapter).exercises.count
    guard count > 0 else { return "" }
    return " <span class=\"exercise-count\">\(count) exercise\(count == 1 ? "" : "s")</span>"
  }
}

/// How many `check(` calls a check block makes.
enum ChapterCheckCount {
  static func of(_ code: String) -> Int {
    code.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("check(") }.count
  }
}
