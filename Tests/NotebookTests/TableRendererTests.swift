import Testing

@testable import Notebook
@testable import OutputRendering
import NotebookRuntime

@Suite struct TableRendererTests {
  @Test func cellsCaptionAndHeadersAreEscaped() {
    let table = Table(
      columns: ["<b>"], rows: [["<script>alert('x')</script>"]], caption: "a & b")
    let html = TableRenderer.html(table)
    #expect(!html.contains("<script>"))
    #expect(!html.contains("<b>"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    #expect(html.contains("<caption>a &amp; b</caption>"))
  }

  @Test func numericCellsAreRightAligned() {
    let html = TableRenderer.html(Table(columns: ["name", "cost"], rows: [["w", "0.693"]]))
    #expect(html.contains("<td>w</td><td class=\"num\">0.693</td>"))
    #expect(html.contains("<th scope=\"col\">name</th><th class=\"num\" scope=\"col\">cost</th>"))
  }

  @Test func tableHasHeadAndBody() {
    let html = TableRenderer.html(Table(columns: ["a"], rows: [["1"], ["2"]]))
    #expect(html.hasPrefix("<table class=\"data\">"))
    #expect(html.contains("<thead><tr>"))
    #expect(html.components(separatedBy: "<tr>").count - 1 == 3)
    #expect(!html.contains("<caption>"))
  }

  @Test func shortRowsArePaddedToTheWidestRow() {
    let html = TableRenderer.html(Table(columns: ["a", "b"], rows: [["x"]]))
    #expect(html.contains("<tr><td>x</td><td></td></tr>"))
  }

  @Test func escapeHandlesQuotesAndControlCharacters() {
    #expect(HTML.escape("\"a\" 'b' <c> & \u{7}") == "&quot;a&quot; &#39;b&#39; &lt;c&gt; &amp; \u{FFFD}")
  }
}
