import Testing

@testable import Notebook

/// The body of the page of a chapter with no cells.
private func page(_ markdown: String) -> String {
  let chapter = Chapter(path: "chapters/01-p.md", source: markdown)
  let run = completedRun([])
  let result = ChapterResult(
    chapter: chapter, run: run, check: ChapterCheck(chapter: chapter, run: run), cached: false, seconds: 0)
  return ChapterPage(result: result, previous: nil, next: nil, siteTitle: "Site").bodyHTML
}

/// The warnings of `markdown` as `line:column: message`.
private func warnings(_ markdown: String) -> [String] {
  Chapter(path: "chapters/01-p.md", source: markdown).diagnostics.filter { $0.severity == .warning }
    .map { "\($0.line):\($0.column ?? 0): \($0.message)" }
}

@Test func aTabInAFenceInfoStringEndsTheLanguage() {
  let html = page("# P\n\n```python\textra words\nprint(1)\n```\n")
  #expect(html.contains("<pre><code class=\"language-python\">print(1)\n</code></pre>"))
}

@Test func headingsWithChapterLinksGetTheirOwnIdsAndSiteLinksInTheContents() {
  let html = page("# P\n\n## First\n\n## See [next](02-q.md)\n\n## Last\n")
  #expect(html.contains("<h2 id=\"see-next\">See <a href=\"02-q.html\">next</a>"))
  #expect(html.contains("<li><a href=\"#see-next\">See <a href=\"02-q.html\">next</a></a></li>"))
  #expect(html.components(separatedBy: "id=\"first\"").count == 2)
  #expect(!html.contains("02-q.md"))
}

@Test func aFenceEndedByItsBlockQuoteIsNoWarning() {
  #expect(warnings("# P\n\n> ```\n> code\n\nprose after\n").isEmpty)
}

@Test func aFenceEndedByItsListItemIsNoWarning() {
  #expect(warnings("# P\n\n- ```\n  code\n\nprose after\n").isEmpty)
}

@Test func aFenceOpenToTheEndOfTheFileIsAWarningAtItsFence() {
  let found = warnings("# P\n\n- item\n\n  ```sh\n  code\n")
  #expect(found.count == 1)
  #expect(found.first?.hasPrefix("5:3: unterminated ``` fence") == true)
}

@Test func mathAfterACodeBlockInAListIsStillMath() {
  let html = page("# P\n\n- ```sh\n  echo $HOME/$USER\n  ```\n\nThen $x$ here.\n")
  #expect(html.contains("echo $HOME/$USER"))
  #expect(html.contains("<p>Then <span class=\"math inline\">x</span> here.</p>"))
}

@Test func anUnbalancedDollarIsAWarningAtItsLineInAList() {
  let found = warnings("# P\n\n- Set $PATH first.\n- Then pay 5$ each.\n")
  #expect(found.count == 1)
  #expect(found.first?.hasPrefix("3:7: unbalanced $") == true)
}

@Test func mathOverLinesOfABlockQuoteKeepsTheLinesBelow() {
  let source = "# P\n\n> $$\n> a \\\\\n> b\n> $$\n\n```swift\nprint(1)\n```\n"
  let protection = MathProtection(source: source)
  #expect(protection.spans == ["$$\na \\\\\nb\n$$"])
  #expect(CommonMark.codeBlocks(in: protection.protectedText).first?.startLine == 8)
}

@Test func aSpanOfTheSameTextGetsOnePlaceholder() {
  let protection = MathProtection(source: "$x$ and $x$ and $y$\n")
  #expect(protection.spans == ["$x$", "$y$"])
}

@Test func theWordOfThePlaceholdersInProseStaysAsWritten() {
  let protection = MathProtection(source: "CMPHMATH0X costs $x$\n")
  #expect(protection.marker != "CMPH")
  #expect(protection.restore(protection.protectedText, escape: { $0 }) == "CMPHMATH0X costs $x$\n")
}

@Test func mathInAFileWithCRLFLineEndsKeepsItsLines() {
  let source = "Cost $x$ here.\r\n\r\n$$\r\na \\\\\r\nb\r\n$$\r\n\r\nAfter $y$.\r\n"
  let protection = MathProtection(source: source)
  #expect(protection.spans == ["$x$", "$$\na \\\\\nb\n$$", "$y$"])
  #expect(
    protection.protectedText.split(separator: "\r\n", omittingEmptySubsequences: false).count
      == source.split(separator: "\r\n", omittingEmptySubsequences: false).count)
}
