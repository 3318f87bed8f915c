import Foundation
import Testing

/// Malformed chapters are reported like a compiler reports them, at their exact line (and
/// column where there is one), and leave the other chapters and the site intact.
@Suite struct MalformedChapterTests {
  /// Builds the fixtures beside a passing chapter; returns the outcome and the workspace.
  func build(_ fixtures: [String], _ extra: [String] = []) throws -> (CompanionRunner.Outcome, URL) {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md"] + fixtures)
    return (try CompanionRunner.run(["build"] + extra, in: folder), folder)
  }

  /// The site's page of the passing chapter, which every malformed neighbour must leave whole.
  func expectPassingPageIntact(_ folder: URL) throws {
    let page = try String(contentsOf: folder.appendingPathComponent("site/01-passing.html"), encoding: .utf8)
    #expect(page.contains("The mean is 2.5."))
  }

  @Test func trapIsReportedAtTheLineThatTrapped() throws {
    let (outcome, folder) = try build(["09-precondition-second-line.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(outcome.status == 1)
    // Line 5 is the precondition, the cell's second line (its first is line 4).
    #expect(
      outcome.stderr.contains(
        "chapters/09-precondition-second-line.md:5: error: cell trapped: Precondition failed: "
          + "count must be above five"), "\(outcome.all)")
    try expectPassingPageIntact(folder)
  }

  @Test func unterminatedFenceIsAWarningAtTheFence() throws {
    let (outcome, folder) = try build(["10-unterminated-fence.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(outcome.status == 0, "\(outcome.all)")
    #expect(
      outcome.stderr.contains(
        "chapters/10-unterminated-fence.md:5:1: warning: unterminated ``` fence: no closing ``` line"),
      "\(outcome.all)")
    try expectPassingPageIntact(folder)
    let strict = try CompanionRunner.run(["check", "--warnings-as-errors"], in: folder)
    #expect(strict.status == 1, "\(strict.all)")
    #expect(strict.stderr.contains("chapters/10-unterminated-fence.md:5:1: warning:"))
  }

  @Test func unbalancedDollarsAreWarningsAtTheirLines() throws {
    let (outcome, folder) = try build(["11-unbalanced-dollars.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(outcome.status == 0, "\(outcome.all)")
    #expect(
      outcome.stderr.contains("chapters/11-unbalanced-dollars.md:3:10: warning: unbalanced $:"),
      "\(outcome.all)")
    #expect(
      outcome.stderr.contains("chapters/11-unbalanced-dollars.md:8:1: warning: unbalanced $$:"),
      "\(outcome.all)")
    // Prices are not math, and balanced math is fine: two warnings, no more.
    #expect(outcome.stderr.components(separatedBy: "11-unbalanced-dollars.md:").count == 3)
    try expectPassingPageIntact(folder)
  }

  @Test func fileThatIsNotUTF8IsAnErrorAtItsLine() throws {
    let (outcome, folder) = try build(["12-not-utf8.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(outcome.status == 1)
    #expect(
      outcome.stderr.contains("chapters/12-not-utf8.md:4:33: error: not valid UTF-8 (byte 0xE9)"),
      "\(outcome.all)")
    let page = try String(contentsOf: folder.appendingPathComponent("site/12-not-utf8.html"), encoding: .utf8)
    #expect(page.contains("not valid UTF-8"))
    #expect(!page.contains("caf"), "nothing of the file is shown with a replaced byte")
    try expectPassingPageIntact(folder)
  }

  @Test func endlessOutputIsCutOnThePageAndSaysHowMuch() throws {
    let (outcome, folder) = try build(["13-prints-without-end.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(outcome.status == 0, "\(outcome.all)")
    let url = folder.appendingPathComponent("site/13-prints-without-end.html")
    let page = try String(contentsOf: url, encoding: .utf8)
    #expect(page.contains("line 999\n"))
    #expect(!page.contains("line 1000\n"))
    #expect(page.contains("[199000 more lines (2.3 MB) not shown; the check compared the whole output]"))
    #expect(page.utf8.count < 200_000)
    try expectPassingPageIntact(folder)
  }

  @Test func cellThatNeverStopsPrintingIsStoppedAndFailsClearly() throws {
    let (outcome, folder) = try build(["14-prints-forever.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(outcome.status == 1)
    #expect(
      outcome.stderr.contains(
        "chapters/14-prints-forever.md:8: error: the cell printed more than 64.0 MB, so the chapter "
          + "program was stopped"), "\(outcome.all)")
    let url = folder.appendingPathComponent("site/14-prints-forever.html")
    let page = try String(contentsOf: url, encoding: .utf8)
    #expect(page.contains("again and again 999\n"))
    #expect(page.contains("more lines (64"))
    #expect(page.contains("not reached: the chapter stopped earlier"))
    #expect(page.utf8.count < 200_000)
    try expectPassingPageIntact(folder)
  }
}
