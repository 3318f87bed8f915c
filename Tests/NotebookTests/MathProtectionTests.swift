import Testing

@testable import Notebook

/// Renders a Markdown string the way chapter pages do: protect math, cmark, restore.
private func render(_ markdown: String) -> String {
  let protection = MathProtection(source: markdown)
  let hooks = MarkdownRenderHooks(
    codeBlock: { _, block in "<pre>\(HTML.escape(block.literal))</pre>" },
    heading: { "<h\($0.level)>\($0.innerHTML)</h\($0.level)>" },
    text: { $0.literal })
  return protection.restore(
    CommonMark.render(protection.protectedText, hooks: hooks), markup: true, escape: HTML.escape)
}

@Test func bracketsAndParenthesesInMathDoNotBecomeALink() {
  let html = render("The activation $a^{[2](i)}$ of example $i$.")
  #expect(html.contains("<span class=\"math inline\">a^{[2](i)}</span>"))
  #expect(!html.contains("<a "))
}

@Test func underscoresAndStarsInMathDoNotBecomeEmphasis() {
  let html = render("Here $x_1 * y_2$ and $x_3 * y_4$ are products.")
  #expect(html.contains("<span class=\"math inline\">x_1 * y_2</span>"))
  #expect(html.contains("<span class=\"math inline\">x_3 * y_4</span>"))
  #expect(!html.contains("<em>"))
}

@Test func displayMatrixKeepsBackslashesAndAmpersands() {
  let html = render("$$\n\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}\n$$\n")
  #expect(
    html.contains(
      "<span class=\"math display\">\n\\begin{bmatrix} a &amp; b \\\\ c &amp; d \\end{bmatrix}\n</span>"))
}

@Test func escapedDollarIsALiteralDollarOutsideMath() {
  let html = render("It costs \\$5 and \\$10.")
  #expect(html.contains("<p>It costs $5 and $10.</p>"))
  #expect(!html.contains("math"))
}

@Test func dollarsInCodeSpansAndFencesAreNotMath() {
  let protection = MathProtection(source: "Use `$0 + $1` here.\n\n```swift\nlet f = { $0 * $1 }\n```\n")
  #expect(protection.spans.isEmpty)
}

@Test func multiLineMathKeepsTheLineCount() {
  let source = "$$\na\n\\\\\nb\n$$\n\n```swift\nprint(1)\n```\n"
  let protection = MathProtection(source: source)
  #expect(
    protection.protectedText.split(separator: "\n", omittingEmptySubsequences: false).count
      == source.split(separator: "\n", omittingEmptySubsequences: false).count)
  #expect(CommonMark.codeBlocks(in: protection.protectedText).first?.startLine == 7)
}

@Test func priceLikeDollarsAreNotMath() {
  let protection = MathProtection(source: "Between $5 and $10 per hour.")
  #expect(protection.spans.isEmpty)
}

@Test func pricesStayTextAndOnlyMarkedSpansAreMath() {
  let html = render("Between $5 and $10 per hour, $x$ units.")
  #expect(html == "<p>Between $5 and $10 per hour, <span class=\"math inline\">x</span> units.</p>\n")
}

@Test func mathInListsTablesAndHeadingsIsMarked() {
  let html = render(
    "## The bias in $Z = WX + b$\n\n- item $a_1$\n- item $$b^2$$\n\n<table><tr><td>\n\n$c < d$\n\n</td></tr></table>\n"
  )
  #expect(html.contains("<h2>The bias in <span class=\"math inline\">Z = WX + b</span></h2>"))
  #expect(html.contains("<li>item <span class=\"math inline\">a_1</span></li>"))
  #expect(html.contains("<li>item <span class=\"math display\">b^2</span></li>"))
  #expect(html.contains("<p><span class=\"math inline\">c &lt; d</span></p>"))
}

@Test func plainTextRestoreKeepsTheDelimiters() {
  let protection = MathProtection(source: "# Cost $J$ in \\$\n")
  let heading = CommonMark.headings(in: protection.protectedText)[0]
  #expect(protection.restore(heading.text, escape: { $0 }) == "Cost $J$ in $")
}
