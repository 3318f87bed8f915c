import NotebookRuntime

/// The markup of one Swift cell: a status line naming what the cell is (`CellKind`), its code
/// (unless `hide`) with a failing line marked, then its output, tables, plots, diff or errors.
///
/// ```html
/// <div class="cell verified" id="cell-3">
/// <div class="cell-status"><span class="mark verified" title="...">✓ verified</span></div>
/// <pre class="cell-code"><code class="language-swift">...</code></pre>
/// <div class="cell-output">...</div>
/// </div>
/// ```
/// A `hide` cell that printed and showed nothing and did not fail is only
/// `<div class="cell-anchor" id="cell-3"></div>`. A failure adds `error` to the cell's classes when it carries diagnostics; the code's
/// `pre` gets `failing-line` and `style="--failing-line: N"` (N counting the cell's lines from
/// 1) when a diagnostic points inside the code.
struct CellView {
  var cell: Cell
  var chapter: Chapter
  var run: ChapterRun
  var verdict: CellVerdict
  var diagnostics: [Diagnostic]

  /// What the cell is.
  var kind: CellKind {
    CellKind(cell: cell, verdict: verdict, status: run.status, hasDiagnostics: !diagnostics.isEmpty)
  }

  var html: String {
    let output = run.cells.indices.contains(cell.index) ? run.cells[cell.index] : ChapterRun.CellOutput()
    let kind = self.kind
    var classes = ["cell", kind.cssClass]
    if !diagnostics.isEmpty { classes.append("error") }
    var out = "<div class=\"\(classes.joined(separator: " "))\" id=\"cell-\(cell.index)\">\n"
    out +=
      "<div class=\"cell-status\"><span class=\"mark \(kind.cssClass)\" title=\"\(HTML.escape(kind.explanation))\">"
    out += "\(HTML.escape(kind.label))</span></div>\n"
    if !cell.options.hide {
      var attributes = " class=\"cell-code\""
      if let line = failingLine {
        attributes = " class=\"cell-code failing-line\" style=\"--failing-line: \(line)\""
      }
      out += "<pre\(attributes)><code class=\"language-swift\">\(HTML.escape(cell.code))</code></pre>\n"
    }
    if isLive {
      let export = LiveCellSource.exportName(slug: chapter.slug, cell: cell.index)
      out += LiveControlsHTML.form(output.controls, export: export, cell: cell.index)
    }
    var inner = ""
    if kind == .differs, let expected = cell.expected {
      // The diff compares the whole text, so the tables and plots follow it.
      inner += DiffView.html(expected: expected, actual: output.text)
      for (position, record) in output.results.enumerated() {
        inner += resultHTML(record, position: position)
      }
    } else if isLive {
      // The part the browser replaces, byte for byte what the module prints for the defaults.
      inner += "<div class=\"live-output\" id=\"live-output-\(cell.index)\">"
      inner += CellOutputHTML.html(CellView.items(output.segments), cell: cell.index) + "</div>\n"
    } else if !cell.options.norun {
      // Printed text and results in the order the cell produced them.
      inner += CellOutputHTML.html(CellView.items(output.segments), cell: cell.index)
    }
    for diagnostic in diagnostics {
      inner += "<pre class=\"error\">\(HTML.escape(diagnostic.description))</pre>\n"
    }
    if kind.showsExpectedAlone, let expected = cell.expected {
      let shown = trimmedTrailingNewlines(expected.text)
      inner +=
        "<div class=\"expected-alone\"><span class=\"diff-label\">Expected (chapter), not compared</span>"
      inner += "<pre class=\"output\">\(HTML.escape(shown))</pre></div>\n"
    }
    // A hidden cell that showed nothing and did not fail has nothing to label: only its anchor.
    if cell.options.hide && inner.isEmpty && !kind.isFailure {
      return "<div class=\"cell-anchor\" id=\"cell-\(cell.index)\"></div>"
    }
    if !inner.isEmpty { out += "<div class=\"cell-output\">\n\(inner)</div>\n" }
    return out + "</div>"
  }

  /// Whether the cell reruns in the reader's browser: a live cell that ran and did not fail.
  var isLive: Bool {
    cell.options.live && !kind.isFailure && diagnostics.isEmpty && run.status == .completed
  }

  /// The line of the cell's code (from 1) that the first diagnostic inside the code points at:
  /// a compile error, or a trap whose message named its line. (A trap without a location is
  /// reported at the cell's first line, which marks nothing.)
  var failingLine: Int? {
    switch kind {
    case .failedToCompile: break
    case .trapped: if diagnostics.allSatisfy({ $0.line == cell.codeLine }) { return nil }
    default: return nil
    }
    let count =
      cell.code.split(separator: "\n", omittingEmptySubsequences: false).count
      - (cell.code.hasSuffix("\n") ? 1 : 0)
    for diagnostic in diagnostics {
      let line = diagnostic.line - cell.codeLine + 1
      if line >= 1 && line <= count { return line }
    }
    return nil
  }

  /// A table or plot; `position` is its index among the cell's results.
  private func resultHTML(_ record: RuntimeRecord, position: Int) -> String {
    CellOutputHTML.html(CellView.items([.result(position, record)]), cell: cell.index)
  }

  /// The engine's segments as the renderer's items (published values show nothing).
  static func items(_ segments: [ChapterRun.CellOutput.Segment]) -> [CellOutputHTML.Item] {
    segments.compactMap { segment in
      switch segment {
      case .text(let text): return .text(text)
      case .result(let position, let record):
        switch record.payload {
        case .table(let table): return .table(table)
        case .plot(let plot): return .plot(plot, position: position)
        case .publish, .control: return nil
        }
      }
    }
  }

  private func trimmedTrailingNewlines(_ text: String) -> String {
    var text = text
    while text.last == "\n" { text.removeLast() }
    return text
  }
}
