import Foundation
import Testing

@testable import Notebook

/// End-to-end: the built `companion` on fixture chapters in a temporary folder. Serialized, as
/// every run compiles a Swift program and shares the support library build.
@Suite(.serialized) struct CompanionEndToEndTests {
  @Test func passingChapterChecksClean() throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["check"], in: folder)
    #expect(outcome.status == 0, "\(outcome.all)")
    #expect(outcome.stdout.contains("01-passing"))
    #expect(outcome.stdout.contains("2/2 checked"))
  }

  @Test func wrongOutputFailsAtItsLineAndBlessFixesIt() throws {
    let folder = try CompanionRunner.workspace(with: ["02-wrong-output.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try CompanionRunner.run(["check"], in: folder)
    #expect(first.status == 1)
    #expect(first.stderr.contains("chapters/02-wrong-output.md:8: error: output differs\n- 41\n+ 42"))

    let bless = try CompanionRunner.run(["check", "--bless"], in: folder)
    #expect(bless.stdout.contains("chapters/02-wrong-output.md:8: blessed output"))
    let file = folder.appendingPathComponent("chapters/02-wrong-output.md")
    let blessed = try String(contentsOf: file, encoding: .utf8)
    let original = try String(
      contentsOf: CompanionRunner.fixtures.appendingPathComponent("02-wrong-output.md"), encoding: .utf8)
    #expect(blessed == original.replacingOccurrences(of: "```output\n41\n```", with: "```output\n42\n```"))

    let second = try CompanionRunner.run(["check"], in: folder)
    #expect(second.status == 0, "\(second.all)")
  }

  @Test func compileErrorPointsAtTheMarkdownLine() throws {
    let folder = try CompanionRunner.workspace(with: ["03-compile-error.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["check"], in: folder)
    #expect(outcome.status == 1)
    #expect(
      outcome.stderr.contains(
        "chapters/03-compile-error.md:7:19: error: cannot convert value of type 'String'"))
  }

  @Test func expectedTrapIsTheCellsCheckedOutput() throws {
    let folder = try CompanionRunner.workspace(with: ["04-expected-trap.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["check"], in: folder)
    #expect(outcome.status == 0, "\(outcome.all)")
    #expect(outcome.stdout.contains("3/3 checked"))
  }

  @Test func unexpectedTrapFailsAtTheCell() throws {
    let folder = try CompanionRunner.workspace(with: ["05-unexpected-trap.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["check"], in: folder)
    #expect(outcome.status == 1)
    #expect(
      outcome.stderr.contains(
        "chapters/05-unexpected-trap.md:12: error: cell trapped: Fatal error: Index out of range"))
    #expect(outcome.stdout.contains("1/1 checked"))
  }

  @Test func scriptInOutputIsEscapedOnThePage() throws {
    let folder = try CompanionRunner.workspace(with: ["06-script-output.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["build"], in: folder)
    #expect(outcome.status == 0, "\(outcome.all)")
    let page = try String(
      contentsOf: folder.appendingPathComponent("site/06-script-output.html"), encoding: .utf8)
    #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    #expect(!page.contains("<script>alert"))
  }

  @Test func tablesAndPlotsSitBetweenTheLinesPrintedAroundThem() throws {
    let folder = try CompanionRunner.workspace(with: ["07-interleaved.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["build"], in: folder)
    #expect(outcome.status == 0, "\(outcome.all)")
    #expect(outcome.stdout.contains("1/1 checked"))
    let page = try String(
      contentsOf: folder.appendingPathComponent("site/07-interleaved.html"), encoding: .utf8)
    #expect(!page.contains("companion-result"))
    let pieces = [
      "<pre class=\"output\">before</pre>", "<table class=\"data\">", "<pre class=\"output\">after</pre>",
      "<figure class=\"plot-figure\">", "<pre class=\"output\">end</pre>",
    ]
    let positions = pieces.map { page.range(of: $0)?.lowerBound }
    #expect(!positions.contains(nil), "\(page)")
    let found = positions.compactMap { $0 }
    #expect(found == found.sorted())
  }

  @Test func linksToMissingChaptersAndHeadingsFailAtTheirLinesAndThePagesStillRender() throws {
    let folder = try CompanionRunner.workspace(with: ["09-broken-link.md", "10-broken-anchor.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["build"], in: folder)
    #expect(outcome.status == 1)
    #expect(
      outcome.stderr.contains(
        "chapters/09-broken-link.md:7: error: link to 99-nowhere.md: there is no chapter 99-nowhere.md"),
      "\(outcome.all)")
    #expect(
      outcome.stderr.contains(
        "chapters/10-broken-anchor.md:5: error: link to 09-broken-link.md#no-such-heading: "
          + "09-broken-link.md has no heading with id 'no-such-heading'"), "\(outcome.all)")
    #expect(
      outcome.stderr.contains(
        "chapters/10-broken-anchor.md:7: error: link to #missing-here: 10-broken-anchor.md has no heading"),
      "\(outcome.all)")
    #expect(outcome.stderr.components(separatedBy: ": error: link").count == 4, "\(outcome.all)")
    let page = try String(
      contentsOf: folder.appendingPathComponent("site/09-broken-link.html"), encoding: .utf8)
    #expect(page.contains("<a href=\"10-broken-anchor.html\">the anchors chapter</a>"))
    #expect(page.contains("<a href=\"10-broken-anchor.html#a-section-there\">"))
    #expect(page.contains("<a href=\"#the-end\">"))
    #expect(page.contains("<a href=\"https://example.com/05-x.md\">"))
    #expect(page.contains("<h2 id=\"the-end\">"))
    #expect(page.contains("<pre class=\"output\">one cell</pre>"))
  }

  @Test func theDownloadedProgramCompilesAndPrintsWhatThePageShows() throws {
    let folder = try CompanionRunner.workspace(with: ["04-expected-trap.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["build"], in: folder)
    #expect(outcome.status == 0, "\(outcome.all)")
    let program = folder.appendingPathComponent("site/04-expected-trap.swift")
    let source = try String(contentsOf: program, encoding: .utf8)
    #expect(source.hasPrefix("// 04-expected-trap.swift: the Swift cells of \"An expected trap\""))
    #expect(source.contains("swift build -c release --product ChapterSupport"))
    #expect(!source.contains("NotebookSession") && !source.contains("#sourceLocation"))
    #expect(source.contains("if runCellsThatTrap {\n  print(numbers[7])\n}"))
    let page = try String(
      contentsOf: folder.appendingPathComponent("site/04-expected-trap.html"), encoding: .utf8)
    #expect(page.contains("<a href=\"04-expected-trap.swift\" download>"))

    let toolchain = try Toolchain.locate()
    let executable = folder.appendingPathComponent("program")
    let compile = try Subprocess(
      executable: toolchain.swiftc,
      arguments: toolchain.compileFlags + [program.path, "-o", executable.path]
    ).run()
    #expect(compile.succeeded, "\(compile.stderrText)")
    let run = try Subprocess(executable: executable.path, arguments: []).run()
    #expect(run.stdoutText == "3\nafter the trap cell\n")
  }

  @Test func everyKindOfCellIsLabelledAndFramedByWhatItIs() throws {
    let folder = try CompanionRunner.workspace(with: ["11-every-cell.md", "12-compile-error-cell.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["build"], in: folder)
    #expect(outcome.status == 1)
    let page = try String(
      contentsOf: folder.appendingPathComponent("site/11-every-cell.html"), encoding: .utf8)
    let broken = try String(
      contentsOf: folder.appendingPathComponent("site/12-compile-error-cell.html"), encoding: .utf8)
    func status(_ text: String, _ index: Int) -> String? {
      guard let start = text.range(of: "<div class=\"cell ") else { return nil }
      let cells = text[start.lowerBound...].components(separatedBy: "<div class=\"cell ").dropFirst()
      let cell = cells.first { $0.contains("id=\"cell-\(index)\"") } ?? ""
      guard let open = cell.range(of: "<span class=\"mark "), let close = cell.range(of: "</span>") else {
        return nil
      }
      let classes = cell.prefix { $0 != "\"" }
      let mark = cell[open.upperBound..<close.lowerBound]
      return "\(classes) | \(mark.prefix { $0 != "\"" }) | \(mark.split(separator: ">").last ?? "")"
    }
    let expected = [
      "verified | verified | ✓ verified",
      "unchecked | unchecked | not checked",
      "verified | verified | ✓ verified",
      "unchecked | unchecked | not checked",
      "unchecked | unchecked | not checked: varies from run to run",
      "not-run | not-run | not run (norun)",
      "verified | verified | ✓ trapped as expected",
      "failed | failed | ✗ differs from the chapter",
      "failed error | failed | ✗ expected a trap",
      "failed error | failed | ✗ trapped",
      "not-run | not-run | not reached: the chapter stopped earlier",
    ]
    for (index, line) in expected.enumerated() {
      #expect(status(page, index) == line, "cell \(index)")
    }
    #expect(status(broken, 0) == "not-run | not-run | not run: the chapter did not compile")
    #expect(status(broken, 1) == "failed error | failed | ✗ failed to compile")
    // The failing line of the cell that did not compile is marked; its expected output is shown.
    #expect(broken.contains("<pre class=\"cell-code failing-line\" style=\"--failing-line: 1\">"))
    #expect(broken.contains("Expected (chapter), not compared</span><pre class=\"output\">3</pre>"))
    // A trap is reported at the line that trapped, and that line is marked in the code.
    #expect(
      outcome.stderr.contains(
        "chapters/11-every-cell.md:114: error: cell trapped: Fatal error: a long message"))
    #expect(page.contains("<pre class=\"cell-code failing-line\" style=\"--failing-line: 3\">"))
    // A hidden cell has its status line, its code behind a closed disclosure, and its output.
    #expect(
      page.contains(
        "✓ verified</span></div>\n<details class=\"cell-source\"><summary>Hidden code: show it</summary>"))
    #expect(
      page.contains(
        "</details>\n<div class=\"cell-output\">\n<pre class=\"output\">computed by a hidden cell"))
    // The diff keeps the columns of both sides.
    #expect(page.contains("<span class=\"diff-line del\">− 2    <mark>0.500000</mark>  71.25 %</span>"))
    #expect(page.contains("<span class=\"diff-line add\">+ 2    <mark>0.512345</mark>  71.25 %</span>"))
    // Math is what the engine marked, and nothing else.
    #expect(
      page.contains(
        "Prices such as $5 and $10 stay text, an\nescaped $ is a dollar, and <span class=\"math inline\">w^T x + b</span> is math."
      ))
    #expect(page.contains("<li>a list item with <span class=\"math inline\">a^{[1]}</span> in it</li>"))
    #expect(page.contains("<span class=\"math display\">\\sum_{i=1}^{m} x_i</span>"))
    #expect(page.contains("<p><span class=\"math inline\">\\sigma(z) = \\frac{1}{1 + e^{-z}}</span></p>"))
    #expect(
      page.contains(
        "<h2 id=\"cells-that-pass-checked\">Cells that pass: <span class=\"math inline\">\\hat{y}</span> checked"
      ))
    // Non-negative data: the axis starts at zero.
    #expect(!page.contains(">−20</text>") && !page.contains(">−10</text>"))
  }

  @Test func buildIsByteIdenticalTheSecondTime() throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md", "07-interleaved.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let pages = [
      "site/01-passing.html", "site/07-interleaved.html", "site/01-passing.swift",
      "site/assets/search-index.js", "site/assets/style.css", "site/assets/site.js", "site/index.html",
    ]
    _ = try CompanionRunner.run(["build"], in: folder)
    let first = try pages.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
    _ = try CompanionRunner.run(["build"], in: folder)
    let second = try pages.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
    #expect(first == second)
  }

  @Test func buildRefusesAFolderHoldingOtherFilesAndTouchesNothing() throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let scratch = folder.appendingPathComponent("scratch")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let important = scratch.appendingPathComponent("important.txt")
    try Data("keep me\n".utf8).write(to: important)
    let outcome = try CompanionRunner.run(["build", "--output", "scratch"], in: folder)
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("refusing to write the site into scratch"), "\(outcome.all)")
    #expect(try String(contentsOf: important, encoding: .utf8) == "keep me\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["important.txt"])
  }

  @Test(arguments: ["chapters", ".", "chapters/..", "/"])
  func buildRefusesTheChaptersFolderAndFoldersHoldingIt(_ output: String) throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let chapter = folder.appendingPathComponent("chapters/01-passing.md")
    let before = try Data(contentsOf: chapter)
    let outcome = try CompanionRunner.run(["build", "--output", output], in: folder)
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("refusing to write the site into"), "\(outcome.all)")
    #expect(try Data(contentsOf: chapter) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["chapters"])
  }

  @Test func buildReplacesASiteItWroteAndAnEarlierOne() throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    // A site as earlier builds left it, without the marker.
    let site = folder.appendingPathComponent("site")
    try FileManager.default.createDirectory(
      at: site.appendingPathComponent("assets"), withIntermediateDirectories: true)
    try Data("old".utf8).write(to: site.appendingPathComponent("index.html"))
    let first = try CompanionRunner.run(["build"], in: folder)
    #expect(first.status == 0, "\(first.all)")
    #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(".companion-site").path))
    let second = try CompanionRunner.run(["build"], in: folder)
    #expect(second.status == 0, "\(second.all)")
  }

  @Test func unknownWordsAndBadNumbersAreErrorsThatSayWhy() throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let serve = try CompanionRunner.run(["publish"], in: folder)
    #expect(serve.status != 0)
    #expect(serve.stderr.contains("'publish' is neither a command nor a chapter"), "\(serve.all)")
    #expect(!serve.stderr.contains("Did you mean"))
    let typo = try CompanionRunner.run(["biuld"], in: folder)
    #expect(typo.status != 0)
    #expect(typo.stderr.contains("Did you mean 'build'?"), "\(typo.all)")
    let option = try CompanionRunner.run(["build", "--chapterz"], in: folder)
    #expect(option.stderr.contains("Did you mean '--chapters'?"), "\(option.all)")
    let negative = try CompanionRunner.run(["check", "--timeout", "-1"], in: folder)
    #expect(negative.status != 0)
    #expect(negative.stderr.contains("--timeout must be a positive number of seconds"), "\(negative.all)")
    let version = try CompanionRunner.run(["--version"], in: folder)
    #expect(version.status == 0)
    #expect(version.stdout.split(separator: ".").count == 3, "\(version.all)")
  }

  @Test func checkEndsWithOneSummaryLine() throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md", "02-wrong-output.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["check"], in: folder)
    let last = outcome.stdout.split(separator: "\n").last.map(String.init) ?? ""
    #expect(
      last.hasPrefix(
        "2 chapters, 3 cells (3 run), 3 output blocks: 2 verified, 1 differ, 0 not run or failed; 1 chapter failing"
      ),
      "\(outcome.all)")
  }

  @Test func countsNameTheOutputsThatNeverRan() throws {
    let folder = try CompanionRunner.workspace(with: [])
    defer { try? FileManager.default.removeItem(at: folder) }
    let chapter =
      "# Broken\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n\n"
      + "```swift\nlet x: Int = \"no\"\nprint(x)\n```\n\n```output\n2\n```\n"
    try Data(chapter.utf8).write(to: folder.appendingPathComponent("chapters/01-broken.md"))
    let outcome = try CompanionRunner.run(["build"], in: folder)
    #expect(outcome.status == 1)
    #expect(outcome.stdout.contains("0/2 checked, 2 not run"), "\(outcome.all)")
    let index = try String(contentsOf: folder.appendingPathComponent("site/index.html"), encoding: .utf8)
    #expect(index.contains("0 of 2 expected outputs verified, 2 not run"))
  }

  @Test func checkReportsATimeoutAtTheLoopingCell() throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md", "08-loops-forever.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["check", "--timeout", "1"], in: folder)
    #expect(outcome.status == 1)
    #expect(
      outcome.stderr.contains(
        "chapters/08-loops-forever.md:12: error: the chapter ran out of time in this cell (1 s; see --timeout)"
      ),
      "\(outcome.all)")
    #expect(outcome.stdout.contains("08-loops-forever  timed out"))
    let passing = outcome.stdout.split(separator: "\n").first { $0.hasPrefix("01-passing") }
    #expect(passing?.contains("2/2 checked") == true, "\(outcome.all)")
    #expect(passing?.contains("error") == false)
  }

  @Test func buildWritesTheSiteWithTheTimeoutShown() throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md", "08-loops-forever.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["build", "--timeout", "1"], in: folder)
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("chapters/08-loops-forever.md:12: error: the chapter ran out of time"))
    let site = folder.appendingPathComponent("site")
    #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
    #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("01-passing.html").path))
    let page = try String(contentsOf: site.appendingPathComponent("08-loops-forever.html"), encoding: .utf8)
    #expect(
      page.contains(
        "<pre class=\"error\">chapters/08-loops-forever.md:12: error: the chapter ran out of time"))
    #expect(page.contains("<div class=\"cell verified\" id=\"cell-0\">"))
    // The looping cell is marked as out of time; only the cell after it is "not reached".
    #expect(page.components(separatedBy: "not reached: the chapter stopped earlier</span>").count == 2)
    #expect(page.contains("<div class=\"cell failed error\" id=\"cell-1\">"))
    #expect(page.contains("✗ ran out of time</span>"))
    // What the cell printed before it was stopped is on the page.
    #expect(page.contains("<pre class=\"output\">spinning</pre>"))
  }

  @Test func badTimeoutIsRejected() throws {
    let folder = try CompanionRunner.workspace(with: [])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["check", "--timeout", "0"], in: folder)
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("--timeout must be a positive number"))
  }

  @Test func badJobsIsRejected() throws {
    let folder = try CompanionRunner.workspace(with: [])
    defer { try? FileManager.default.removeItem(at: folder) }
    for command in ["check", "build"] {
      let outcome = try CompanionRunner.run([command, "--jobs", "0"], in: folder)
      #expect(outcome.status != 0)
      #expect(outcome.stderr.contains("--jobs must be at least 1"))
    }
  }

  @Test func buildOfNamedChaptersUpdatesThemAndKeepsTheOtherPages() throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md", "06-script-output.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let caches = ["COMPANION_CACHE_DIR": folder.appendingPathComponent("caches").path]
    #expect(try CompanionRunner.run(["build"], in: folder, environment: caches).status == 0)
    let site = folder.appendingPathComponent("site")
    func page(_ name: String) throws -> String {
      try String(contentsOf: site.appendingPathComponent(name), encoding: .utf8)
    }
    let other = try page("06-script-output.html")
    let index = try page("index.html")

    // The other chapter's stored run gives its page again, byte for byte.
    let chapter = folder.appendingPathComponent("chapters/01-passing.md")
    try (try String(contentsOf: chapter, encoding: .utf8) + "\nA sentence added later.\n").write(
      to: chapter, atomically: true, encoding: .utf8)
    let named = try CompanionRunner.run(
      ["build", "chapters/01-passing.md"], in: folder, environment: caches)
    #expect(named.status == 0, "\(named.all)")
    #expect(named.stdout.contains("wrote site/ (2 chapters)"), "\(named.all)")
    #expect(try page("01-passing.html").contains("A sentence added later."))
    #expect(try page("06-script-output.html") == other)
    #expect(try page("index.html") == index)

    // With no stored run (another cache), the page is carried over as it was, and the index
    // says so.
    let fresh = ["COMPANION_CACHE_DIR": folder.appendingPathComponent("other-caches").path]
    let kept = try CompanionRunner.run(["build", "chapters/01-passing.md"], in: folder, environment: fresh)
    #expect(kept.status == 0, "\(kept.all)")
    #expect(kept.stdout.contains("kept 1 page of the earlier build as they were"), "\(kept.all)")
    #expect(try page("06-script-output.html") == other)
    #expect(
      try page("index.html").contains("Not run in this build: the page is the one an earlier build wrote."))
  }

  @Test func oneJobChecksChaptersInOrder() throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md", "07-interleaved.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["check", "--jobs", "1"], in: folder)
    #expect(outcome.status == 0, "\(outcome.all)")
    let first = outcome.stdout.range(of: "01-passing")
    let second = outcome.stdout.range(of: "07-interleaved")
    #expect(first != nil && second != nil)
    if let first, let second { #expect(first.lowerBound < second.lowerBound) }
  }
}

/// Runs the engine over every chapter in the repository's `chapters/` folder: CI fails on any
/// mismatch, compile error or unexpected trap.
@Suite struct ChaptersTests {
  @Test func everyChapterChecks() throws {
    let chapters = CompanionRunner.packageRoot.appendingPathComponent("chapters")
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: chapters.path)) ?? [])
      .filter { $0.hasSuffix(".md") }
    guard !files.isEmpty else {
      print("ChaptersTests: 0 chapters in \(chapters.path)")
      return
    }
    let outcome = try CompanionRunner.run(["check"], in: CompanionRunner.packageRoot)
    #expect(outcome.status == 0, "companion check failed:\n\(outcome.all)")
  }
}
