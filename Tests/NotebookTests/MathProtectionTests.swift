import Testing

@testable import Notebook

/// Renders a Markdown string the way chapter pages do: protect math, cmark, restore.
private func render(_ markdown: String) -> String {
  let protection = MathProtection(source: markdown)
  let hooks = MarkdownRenderHooks(
    codeBlock: { _, block in "<pre>\(HTML.escape(block.literal))</pre>" },
    heading: { "<h\($0.level)>\($0.innerHTML)</h\($0.level)>" },
    text: { $0.literal })
  return protection.restore(CommonMark.render(protection.protectedText, hooks: hooks), escape: HTML.escape)
}

@Test func bracketsAndParenthesesInMathDoNotBecomeALink() {
  let html = render("The activation $a^{[2](i)}$ of example $i$.")
  #expect(html.contains("$a^{[2](i)}$"))
  #expect(!html.contains("<a "))
}

@Test func underscoresAndStarsInMathDoNotBecomeEmphasis() {
  let html = render("Here $x_1 * y_2$ and $x_3 * y_4$ are products.")
  #expect(html.contains("$x_1 * y_2$"))
  #expect(html.contains("$x_3 * y_4$"))
  #expect(!html.contains("<em>"))
}

@Test func displayMatrixKeepsBackslashesAndAmpersands() {
  let html = render("$$\n\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}\n$$\n")
  #expect(html.contains("$$\n\\begin{bmatrix} a &amp; b \\\\ c &amp; d \\end{bmatrix}\n$$"))
}

@Test func escapedDollarIsALiteralDollarOutsideMath() {
  let html = render("It costs \\$5 and \\$10.")
  #expect(html.contains("costs <span class=\"dollar\">$</span>5 and <span class=\"dollar\">$</span>10."))
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
