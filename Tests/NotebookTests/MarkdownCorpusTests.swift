import Foundation
import Testing

@testable import Notebook

/// One case of `Tests/MarkdownCorpus/markdown-corpus.md` (beside the test target, so the
/// package builds it as no resource): Markdown, the spans that are math in it (as
/// written, then ` => ` and the span without block quote markers when it has any), and the
/// line:column of each unbalanced-dollar warning.
struct MarkdownCase: CustomTestStringConvertible, Sendable {
  var name: String
  var source = ""
  var math: [String] = []
  var warnings: [String] = []

  var testDescription: String { name }

  /// The cases of the corpus, in file order.
  static let all: [MarkdownCase] = {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("MarkdownCorpus/markdown-corpus.md")
    guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
    var cases: [MarkdownCase] = []
    var lines: [Substring] = []
    func finish() {
      guard !cases.isEmpty else { return }
      while lines.last?.isEmpty == true { lines.removeLast() }
      cases[cases.count - 1].source = lines.map { $0 + "\n" }.joined()
      lines = []
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("%%% case: ") {
        finish()
        cases.append(MarkdownCase(name: String(line.dropFirst(10))))
      } else if line.hasPrefix("%%% math: ") {
        cases[cases.count - 1].math.append(line.dropFirst(10).replacingOccurrences(of: "⏎", with: "\n"))
      } else if line.hasPrefix("%%% warns: ") {
        cases[cases.count - 1].warnings.append(String(line.dropFirst(11)))
      } else {
        lines.append(line)
      }
    }
    finish()
    return cases
  }()

  /// What the page must show: cmark's HTML of the source with each declared span replaced by
  /// a plain word, that word then replaced by the span's math element.
  var expectedHTML: String {
    var source = self.source[...]
    var oracle = ""
    var words: [(String, String)] = []
    for (number, declared) in math.enumerated() {
      let parts = declared.components(separatedBy: " => ")
      let (written, span) = (parts[0], parts.last!)
      guard let range = source.range(of: written) else {
        return "declared math not in the source: \(written)"
      }
      let word = "ORACLEWORD\(math.firstIndex(of: declared) ?? number)Z"
      oracle += source[..<range.lowerBound] + word
      source = source[range.upperBound...]
      let display = span.hasPrefix("$$")
      let tex = span.dropFirst(display ? 2 : 1).dropLast(display ? 2 : 1)
      words.append(
        (word, "<span class=\"math \(display ? "display" : "inline")\">\(HTML.escape(String(tex)))</span>"))
    }
    var html = CommonMark.plainHTML(oracle + source)
    for (word, element) in words { html = html.replacingOccurrences(of: word, with: element) }
    return html
  }
}

/// Renders `source` as the engine does, with cmark's own markup for code blocks and headings.
private func engineHTML(_ protection: MathProtection) -> String {
  let hooks = MarkdownRenderHooks(codeBlock: { _, _ in nil }, heading: { _ in nil }, text: { $0.literal })
  return protection.restore(
    CommonMark.render(protection.protectedText, hooks: hooks), markup: true, escape: HTML.escape)
}

@Test func theCorpusCoversEveryConstructWithAndWithoutDollars() {
  let names = MarkdownCase.all.map(\.name)
  let constructs = Set(names.map { $0.components(separatedBy: " / ")[0] })
  #expect(constructs.count >= 20)
  for construct in constructs {
    let sources = MarkdownCase.all.filter { $0.name.hasPrefix(construct) }.map(\.source)
    #expect(sources.contains { $0.contains("$") }, "\(construct) has no case with a dollar")
    #expect(sources.contains { !$0.contains("$") }, "\(construct) has no case without a dollar")
  }
}

@Test(arguments: MarkdownCase.all)
func markdownRendersAsCmarkDoesWithOnlyTheDeclaredMath(_ example: MarkdownCase) {
  #expect(engineHTML(MathProtection(source: example.source)) == example.expectedHTML)
}

@Test(arguments: MarkdownCase.all)
func unbalancedDollarWarningsAreExactlyTheDeclaredOnes(_ example: MarkdownCase) {
  let found = MathProtection(source: example.source).problems.map { "\($0.line):\($0.column)" }
  #expect(found == example.warnings)
}
