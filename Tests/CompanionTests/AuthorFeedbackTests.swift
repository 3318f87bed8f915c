import Foundation
import Testing

/// End-to-end: what `companion` tells an author, on fixture chapters: stderr shown and never
/// compared, compiler warnings at the chapter line, one error per cause and no internal path,
/// and `--bless` printing each change once.
@Suite(.serialized) struct AuthorFeedbackTests {
  @Test func stderrIsANoteAtTheCellAndShownUnderItOnThePage() throws {
    let folder = try CompanionRunner.workspace(with: ["15-stderr-and-warning.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["build"], in: folder)
    #expect(outcome.status == 0, "\(outcome.all)")
    #expect(outcome.stderr.contains("chapters/15-stderr-and-warning.md:4: note: the cell wrote to stderr"))
    #expect(outcome.stderr.contains("  careful: this line goes to stderr"))
    let page = try String(
      contentsOf: folder.appendingPathComponent("site/15-stderr-and-warning.html"), encoding: .utf8)
    #expect(page.contains("<pre class=\"output stderr\">careful: this line goes to stderr</pre>"))
    #expect(page.contains("<div class=\"cell verified\""))
  }

  @Test func compilerWarningsAreAtTheChapterLine() throws {
    let folder = try CompanionRunner.workspace(with: ["15-stderr-and-warning.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["check"], in: folder)
    #expect(outcome.status == 0, "\(outcome.all)")
    #expect(
      outcome.stderr.contains(
        "chapters/15-stderr-and-warning.md:8:7: warning: variable 'value' was never mutated"),
      "\(outcome.all)")
    let strict = try CompanionRunner.run(["check", "--warnings-as-errors"], in: folder)
    #expect(strict.status == 1)
  }

  @Test func anUnclosedBraceIsOneErrorNamingNoInternalPath() throws {
    let folder = try CompanionRunner.workspace(with: ["16-unclosed-brace.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["build"], in: folder)
    #expect(outcome.status == 1)
    let errors = outcome.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(errors.count == 1, "\(outcome.stderr)")
    #expect(
      errors.first?.hasPrefix("chapters/16-unclosed-brace.md:5: error: the cell does not parse on its own")
        == true, "\(outcome.stderr)")
    let page = try String(
      contentsOf: folder.appendingPathComponent("site/16-unclosed-brace.html"), encoding: .utf8)
    for text in [outcome.all, page] {
      #expect(!text.contains("main.swift") && !text.contains(".build/") && !text.contains("/programs/"))
    }
  }

  @Test func blessPrintsEachChangeOnceAndSaysWhatItWrote() throws {
    let folder = try CompanionRunner.workspace(with: ["02-wrong-output.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let bless = try CompanionRunner.run(["check", "--bless"], in: folder)
    #expect(bless.status == 0, "\(bless.all)")
    #expect(bless.all.components(separatedBy: "- 41\n+ 42").count == 2, "\(bless.all)")
    #expect(!bless.stderr.contains("error: output differs"))
    #expect(
      bless.stdout.contains(
        "wrote 1 output block into chapters/02-wrong-output.md (1); 1 chapter, 0 failing for other reasons"))
    #expect(!bless.stdout.contains("chapter failing"))
  }

  @Test func aMismatchInABlockWithNoClosingFenceIsReportedNotBlessed() throws {
    let folder = try CompanionRunner.workspace(with: [])
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("chapters/01-open-block.md")
    let source = "# Open\n\n```swift\nprint(42)\n```\n\n```output\n41\n"
    try Data(source.utf8).write(to: file)
    let bless = try CompanionRunner.run(["check", "--bless"], in: folder)
    #expect(bless.status == 1, "\(bless.all)")
    #expect(bless.stderr.contains("chapters/01-open-block.md:8: error: output differs"), "\(bless.all)")
    #expect(bless.stderr.contains("(not blessed: the block has no closing fence)"))
    #expect(try String(contentsOf: file, encoding: .utf8) == source)
  }

  @Test func theBenchmarkExitsZeroWhenItMeasuredAndEndsWithItsMisses() throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["benchmark", "--repeats", "1"], in: folder)
    #expect(outcome.status == 0, "\(outcome.all)")
    let last = outcome.stdout.split(separator: "\n").last.map(String.init) ?? ""
    #expect(
      last == "every figure within its target" || last.hasPrefix("missed its target: "), "\(outcome.all)")
  }
}
