import NotebookRuntime
import Testing

@testable import Notebook

/// What a reader gets on a page beyond the cells' output: hidden code on demand, stderr and
/// warnings under their cell, a red frame for a cell with an error, plain-text search snippets
/// and a configurable link to the source.

/// The chapter page of `markdown` after a run whose cells printed `texts` (and wrote `stderr`).
private func page(
  _ markdown: String, _ texts: [String], stderr: [String?] = [], sourceURL: String? = nil
) -> String {
  let chapter = Chapter(path: "chapters/01-p.md", source: markdown)
  var run = completedRun(texts)
  for (index, text) in stderr.enumerated() { run.cells[index].stderr = text }
  let result = ChapterResult(
    chapter: chapter, run: run, check: ChapterCheck(chapter: chapter, run: run), cached: false, seconds: 0)
  var page = ChapterPage(result: result, previous: nil, next: nil, siteTitle: "Site")
  page.sourceURL = sourceURL
  return page.html
}

@Test func aHiddenCellsCodeIsBehindAClosedDisclosure() {
  let html = page("# P\n\n```swift hide\nprint(7)\n```\n", ["7\n"])
  #expect(html.contains("<details class=\"cell-source\"><summary>Hidden code: show it</summary>"))
  #expect(html.contains("<code class=\"language-swift\">print(7)\n</code>"))
  #expect(html.contains("<pre class=\"output\">7</pre>"))
}

@Test func aHiddenCellThatShowedNothingIsOnlyItsDisclosure() {
  let html = page("# P\n\n```swift hide\nlet x = 1\n```\n", [""])
  #expect(html.contains("<div class=\"cell hidden-only\" id=\"cell-0\">\n<details class=\"cell-source\">"))
  #expect(!html.contains("cell-status"))
}

@Test func whatACellWroteToStderrIsShownUnderItMarked() {
  let html = page("# P\n\n```swift\nprint(1)\n```\n", ["1\n"], stderr: ["a <warning>\n"])
  #expect(html.contains("<span class=\"diff-label stderr-label\">stderr (shown, not compared)</span>"))
  #expect(html.contains("<pre class=\"output stderr\">a &lt;warning&gt;</pre>"))
  #expect(!html.contains("the cell wrote to stderr"))
}

@Test func aCellWithABadOptionIsFramedAsAFailure() {
  let html = page("# P\n\n```swift hidden\nprint(1)\n```\n", ["1\n"])
  #expect(html.contains("<div class=\"cell failed error\" id=\"cell-0\">"))
  #expect(html.contains("✗ error at this cell"))
}

@Test func aWarningAtACellIsShownWithoutFailingIt() {
  let chapter = Chapter(path: "chapters/01-p.md", source: "# P\n\n```swift\nvar x = 1\nprint(x)\n```\n")
  var run = completedRun(["1\n"])
  run.compilerWarnings = "chapters/01-p.md:4:5: warning: variable 'x' was never mutated\n"
  let result = ChapterResult(
    chapter: chapter, run: run, check: ChapterCheck(chapter: chapter, run: run), cached: false, seconds: 0)
  let html = ChapterPage(result: result, previous: nil, next: nil, siteTitle: "S").html
  #expect(
    html.contains(
      "<pre class=\"warning\">chapters/01-p.md:4:5: warning: variable &#39;x&#39; was never mutated</pre>"))
  #expect(html.contains("<div class=\"cell unchecked\" id=\"cell-0\">"))
}

@Test func theSourceLinkIsInTheFooterOnlyWhenGiven() {
  let plain = page("# P\n", [])
  #expect(!plain.contains("source-link"))
  let linked = page("# P\n", [], sourceURL: "../companion.tar.gz")
  #expect(linked.contains("<a class=\"source-link\" href=\"../companion.tar.gz\">The project's source</a>"))
}

@Test func theChapterProgramNamesTheSourceWhenGiven() {
  let chapter = Chapter(path: "chapters/01-p.md", source: "# P\n\n```swift\nprint(1)\n```\n")
  #expect(!ChapterDownload.source(for: chapter).contains("its source"))
  #expect(
    ChapterDownload.source(for: chapter, sourceURL: "https://example.org/companion")
      .contains("// The companion's package (its source): https://example.org/companion"))
}

@Test func texBecomesPlainTextForSearch() {
  #expect(TeXPlainText.plain("\\frac{\\partial J}{\\partial w}") == "∂J/∂w")
  #expect(TeXPlainText.plain("a^{[2](i)} = \\sigma(z)") == "a^[2](i) = σ(z)")
  #expect(TeXPlainText.plain("\\sqrt{1/n^{[l-1]}}") == "√(1/n^[l-1])")
  #expect(TeXPlainText.plain("x \\in \\mathbb{R}^{n}") == "x ∈ ℝ^n")
  #expect(TeXPlainText.plain("\\frac{1}{m}\\sum_{i=1}^m \\bigl(y \\log a\\bigr)") == "1/m∑_i=1^m (y log a)")
}

@Test func searchDocumentsHoldNoTeX() {
  var index = SearchIndex()
  index.add(
    chapterTitle: "C", page: "c.html",
    articleHTML: "<p>The slope <span class=\"math inline\">\\frac{dJ}{dw}</span> is small.</p>")
  #expect(index.documents.first?.text == "The slope dJ/dw is small.")
}
