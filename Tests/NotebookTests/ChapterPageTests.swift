import NotebookRuntime
import Testing

@testable import Notebook

/// The chapter page body for `markdown` after a run that printed `texts`.
private func page(_ markdown: String, _ texts: [String], published: [String: String] = [:]) -> String {
  let chapter = Chapter(path: "chapters/01-p.md", source: markdown)
  let run = completedRun(texts, published: published)
  let result = ChapterResult(
    chapter: chapter, run: run, check: ChapterCheck(chapter: chapter, run: run), cached: false, seconds: 0)
  return ChapterPage(result: result, previous: nil, next: nil, siteTitle: "Site").html
}

@Test func outputIsEscaped() {
  let html = page("# P\n\n```swift\nprint(\"<script>\")\n```\n", ["<script>alert(1)</script>\n"])
  #expect(html.contains("<pre class=\"output\">&lt;script&gt;alert(1)&lt;/script&gt;</pre>"))
  #expect(!html.contains("<script>alert"))
}

@Test func verifiedCellCarriesAMark() {
  let html = page("# P\n\n```swift\nprint(2)\n```\n\n```output\n2\n```\n", ["2\n"])
  #expect(html.contains("<div class=\"cell verified\" id=\"cell-0\">"))
  #expect(html.contains("✓ verified"))
  #expect(html.contains("1 cell run, 1 verified."))
}

@Test func failingCellShowsExpectedAndActual() {
  let html = page("# P\n\n```swift\nprint(2)\n```\n\n```output\n3\n```\n", ["2\n"])
  #expect(html.contains("<span class=\"diff-line del\">− <mark>3</mark></span>"))
  #expect(html.contains("<span class=\"diff-line add\">+ <mark>2</mark></span>"))
}

@Test func hiddenCellShowsOutputButNoCode() {
  let html = page("# P\n\n```swift hide\nprint(7)\n```\n", ["7\n"])
  #expect(!html.contains("</div>\n<pre class=\"cell-code\">"))
  #expect(html.contains("<pre class=\"output\">7</pre>"))
}

@Test func norunCellShowsCodeOnly() {
  let chapter = Chapter(path: "c.md", source: "# P\n\n```swift norun\nwhile true {}\n```\n")
  let run = ChapterRun(
    status: .completed, cells: [ChapterRun.CellOutput()], published: [:], compileSeconds: 0, runSeconds: 0)
  let result = ChapterResult(
    chapter: chapter, run: run, check: ChapterCheck(chapter: chapter, run: run), cached: false, seconds: 0)
  let html = ChapterPage(result: result, previous: nil, next: nil, siteTitle: "S").html
  #expect(html.contains("while true {}"))
  #expect(!html.contains("cell-output"))
}

@Test func publishedValuesFillPlaceholdersEscaped() {
  let html = page("# P\n\nThe speedup is {{speedup}}.\n", [], published: ["speedup": "<b>12</b>"])
  #expect(html.contains("The speedup is &lt;b&gt;12&lt;/b&gt;."))
}

@Test func mathReachesThePageUntouched() {
  let html = page("# P\n\nActivation $a^{[2](i)}$ and $x_1 * y_2$.\n", [])
  #expect(
    html.contains(
      "Activation <span class=\"math inline\">a^{[2](i)}</span> and <span class=\"math inline\">x_1 * y_2</span>."
    ))
}

@Test func publishedValuesFillPlaceholdersInsideMath() {
  let html = page("# P\n\nA factor $\\approx {{speedup}}$.\n", [], published: ["speedup": "12"])
  #expect(html.contains("A factor <span class=\"math inline\">\\approx 12</span>."))
}

@Test func placeholdersInsideMathAreReferences() {
  let chapter = Chapter(path: "c.md", source: "# P\n\nText.\n\n$$J = {{cost}}$$\n")
  #expect(chapter.references.map(\.name) == ["cost"])
  #expect(chapter.references.map(\.line) == [5])
}

@Test func headingsGetStableIdsAndContents() {
  let html = page("# P\n\n## Broadcasting rules\n\n## Rank-1 arrays\n", [])
  #expect(html.contains("<h2 id=\"broadcasting-rules\">"))
  #expect(html.contains("<li><a href=\"#rank-1-arrays\">Rank-1 arrays</a></li>"))
}

@Test func otherLanguagesAreHighlightedButNotRun() {
  let html = page("# P\n\n```python\nnp.dot(a, b)\n```\n", [])
  #expect(html.contains("<pre><code class=\"language-python\">np.dot(a, b)\n</code></pre>"))
}

@Test func tablesAndPlotsRenderUnderTheCell() {
  let chapter = Chapter(path: "c.md", source: "# P\n\n```swift\nshow(t)\n```\n")
  var plot = Plot(title: "Cost")
  plot.line(x: [0, 1], y: [1, 0], label: "cost")
  let output = ChapterRun.CellOutput(
    text: "",
    results: [
      RuntimeRecord(cell: 0, payload: .table(Table(columns: ["a"], rows: [["1"]]))),
      RuntimeRecord(cell: 0, payload: .plot(plot)),
    ], ran: true)
  let run = ChapterRun(status: .completed, cells: [output], published: [:], compileSeconds: 0, runSeconds: 0)
  let result = ChapterResult(
    chapter: chapter, run: run, check: ChapterCheck(chapter: chapter, run: run), cached: false, seconds: 0)
  let html = ChapterPage(result: result, previous: nil, next: nil, siteTitle: "S").html
  #expect(html.contains("<table class=\"data\">"))
  #expect(html.contains("<figure class=\"plot-figure\">\n<svg"))
}

@Test func aTablePrintedBetweenTwoPrintsAppearsBetweenThem() {
  let chapter = Chapter(
    path: "c.md",
    source:
      "# P\n\n```swift\nprint(\"before\")\nshow(t)\nprint(\"after\")\n```\n\n```output\nbefore\nafter\n```\n")
  let output = ChapterRun.CellOutput(
    text: "before\nafter\n",
    results: [RuntimeRecord(cell: 0, payload: .table(Table(columns: ["a"], rows: [["1"]])))],
    ran: true, resultPositions: [7])
  let run = ChapterRun(status: .completed, cells: [output], published: [:], compileSeconds: 0, runSeconds: 0)
  let check = ChapterCheck(chapter: chapter, run: run)
  #expect(check.verdicts == [.verified])
  let result = ChapterResult(chapter: chapter, run: run, check: check, cached: false, seconds: 0)
  let html = ChapterPage(result: result, previous: nil, next: nil, siteTitle: "S").html
  let before = html.range(of: "<pre class=\"output\">before</pre>")
  let table = html.range(of: "<table class=\"data\">")
  let after = html.range(of: "<pre class=\"output\">after</pre>")
  #expect(before != nil && table != nil && after != nil)
  if let before, let table, let after {
    #expect(before.upperBound <= table.lowerBound)
    #expect(table.upperBound <= after.lowerBound)
  }
}

@Test func diffShowsBothSidesAsWrittenAndMarksOnlyTheChangedToken() {
  let html = page(
    "# P\n\n```swift\nprint(1)\n```\n\n```output\nn    cost\n1    0.50\n```\n", ["n    cost\n1    0.69\n"])
  #expect(html.contains("<span class=\"diff-line same\">  n    cost</span>"))
  #expect(html.contains("<span class=\"diff-line del\">− 1    <mark>0.50</mark></span>"))
  #expect(html.contains("<span class=\"diff-line add\">+ 1    <mark>0.69</mark></span>"))
}

@Test func headerShowsTheNumberedChapterTitle() {
  let chapter = Chapter(path: "chapters/05-b.md", source: "# Broadcasting\n\n## Rule\n\n## More\n")
  let run = completedRun([])
  let result = ChapterResult(
    chapter: chapter, run: run, check: ChapterCheck(chapter: chapter, run: run), cached: false, seconds: 0)
  var page = ChapterPage(result: result, previous: nil, next: nil, siteTitle: "Site")
  page.chapters = Sidebar.entries([Chapter(path: "chapters/04-a.md", source: "# A\n"), chapter])
  let html = page.html
  #expect(
    html.contains("<span class=\"chapter-title\"><span class=\"chapter-number\">5</span> Broadcasting</span>")
  )
  #expect(html.contains("<li><a href=\"04-a.html\"><span class=\"chapter-number\">4</span> A</a></li>"))
  #expect(
    html.contains(
      "<li class=\"current\"><a href=\"05-b.html\" aria-current=\"page\"><span class=\"chapter-number\">5</span> "
        + "Broadcasting</a>\n<ol class=\"sections\">\n<li><a href=\"#rule\">Rule</a></li>\n<li><a href=\"#more\">More</a></li>"
    ))
}
