import NotebookRuntime

/// The markup of one Swift cell: code (unless `hide`), output, tables, plots, and its mark.
struct CellView {
  var cell: Cell
  var chapter: Chapter
  var run: ChapterRun
  var verdict: CellVerdict
  var diagnostics: [Diagnostic]

  var html: String {
    let output = run.cells.indices.contains(cell.index) ? run.cells[cell.index] : ChapterRun.CellOutput()
    var classes = ["cell"]
    switch verdict {
    case .verified: classes.append("verified")
    case .differs, .failed: classes.append("failed")
    case .unchecked, .notRun: classes.append("unchecked")
    }
    if !diagnostics.isEmpty { classes.append("error") }
    var out = "<div class=\"\(classes.joined(separator: " "))\" id=\"cell-\(cell.index)\">\n"
    if !cell.options.hide {
      out += "<pre><code class=\"language-swift\">\(HTML.escape(cell.code))</code></pre>\n"
    }
    switch verdict {
    case .verified:
      out += "<span class=\"mark verified\" title=\"Output checked against the chapter\">✓ verified</span>\n"
    case .differs:
      out += "<span class=\"mark failed\" title=\"Output differs from the chapter\">✗ differs</span>\n"
    case .failed:
      out += "<span class=\"mark failed\" title=\"The cell failed\">✗ failed</span>\n"
    case .unchecked, .notRun:
      break
    }
    var inner = ""
    if verdict == .differs, let expected = cell.expected {
      // The diff compares the whole text, so the tables and plots follow it.
      inner += diffHTML(expected: expected, actual: output.text)
      for (position, record) in output.results.enumerated() {
        inner += resultHTML(record, position: position)
      }
    } else if !cell.options.norun {
      // Printed text and results in the order the cell produced them.
      for segment in output.segments {
        switch segment {
        case .text(let text):
          let shown = trimmedTrailingNewlines(text)
          if !shown.isEmpty { inner += "<pre class=\"output\">\(HTML.escape(shown))</pre>\n" }
        case .result(let position, let record):
          inner += resultHTML(record, position: position)
        }
      }
    }
    if verdict == .notRun && !cell.options.norun {
      switch run.status {
      case .compileFailed: inner += "<p class=\"note\">Not run: the chapter did not compile.</p>\n"
      case .completed: break
      // The run stopped in this very cell: its diagnostic below says why.
      case .timedOut(let index, _) where index == cell.index: break
      case .failed(let index, _, _) where index == cell.index: break
      default: inner += "<p class=\"note\">Not run: the chapter stopped before this cell.</p>\n"
      }
    }
    for diagnostic in diagnostics {
      inner += "<pre class=\"error\">\(HTML.escape(diagnostic.description))</pre>\n"
    }
    if !inner.isEmpty { out += "<div class=\"cell-output\">\n\(inner)</div>\n" }
    return out + "</div>"
  }

  /// A table or plot; `position` is its index among the cell's results.
  private func resultHTML(_ record: RuntimeRecord, position: Int) -> String {
    switch record.payload {
    case .table(let table):
      return TableRenderer.html(table) + "\n"
    case .plot(let plot):
      let id = "plot-\(cell.index)-\(position)"
      return "<figure class=\"plot-figure\">\n\(PlotRenderer.svg(plot, id: id))\n</figure>\n"
    case .publish:
      return ""
    }
  }

  private func diffHTML(expected: ExpectedOutput, actual: String) -> String {
    let diff = LineDiff.render(
      expected: expected.text, actual: actual,
      comparison: expected.comparison)
    var expectedLines: [String] = []
    var actualLines: [String] = []
    for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
      let text = HTML.escape(String(line.dropFirst(2)))
      if line.hasPrefix("- ") {
        expectedLines.append("<span class=\"diff-del\">\(text)</span>")
      } else if line.hasPrefix("+ ") {
        actualLines.append("<span class=\"diff-add\">\(text)</span>")
      } else {
        expectedLines.append(text)
        actualLines.append(text)
      }
    }
    return
      "<div class=\"diff\">\n<div class=\"expected\"><span class=\"diff-label\">Expected (chapter)</span>"
      + "<pre>\(expectedLines.joined(separator: "\n"))</pre></div>\n"
      + "<div class=\"actual\"><span class=\"diff-label\">Actual (this build)</span>"
      + "<pre>\(actualLines.joined(separator: "\n"))</pre></div>\n</div>\n"
  }

  private func trimmedTrailingNewlines(_ text: String) -> String {
    var text = text
    while text.last == "\n" { text.removeLast() }
    return text
  }
}
