import NotebookRuntime

/// The markup of what a cell printed and showed, in order: text in `<pre class="output">`,
/// tables as `<table>`, plots as `<figure>` with inline SVG. The build renders every cell's
/// outputs with it, and a live cell running in the reader's browser renders its new outputs
/// with the same code, so the default values give the same bytes.
public enum CellOutputHTML {
  /// One thing a cell produced; `position` counts the cell's tables and plots from 0.
  public enum Item {
    case text(String)
    case table(Table)
    case plot(Plot, position: Int)
  }

  /// The items' markup, each followed by a newline; `cell` is the cell's index in its chapter,
  /// which makes the plots' element ids unique on the page.
  public static func html(_ items: [Item], cell: Int) -> String {
    var out = ""
    for item in items {
      switch item {
      case .text(let text):
        let shown = withoutTrailingNewlines(text)
        if !shown.isEmpty { out += "<pre class=\"output\">\(HTML.escape(shown))</pre>\n" }
      case .table(let table):
        out += TableRenderer.html(table) + "\n"
      case .plot(let plot, let position):
        let id = "plot-\(cell)-\(position)"
        out += "<figure class=\"plot-figure\">\n\(PlotRenderer.svg(plot, id: id))\n</figure>\n"
      }
    }
    return out
  }

  /// The items of a live cell's run in the browser, numbered as the build numbers them.
  public static func items(_ produced: [LiveOutputItem]) -> [Item] {
    var position = 0
    return produced.map { item in
      switch item {
      case .text(let text): return .text(text)
      case .table(let table):
        position += 1
        return .table(table)
      case .plot(let plot):
        position += 1
        return .plot(plot, position: position - 1)
      }
    }
  }

  /// `text` without the line feeds that end it (`\r\n` is one character and stays), read as
  /// bytes: a line feed is a character of its own unless a carriage return precedes it.
  static func withoutTrailingNewlines(_ text: String) -> String {
    var bytes = Array(text.utf8)
    while bytes.last == 0x0A && bytes.dropLast().last != 0x0D { bytes.removeLast() }
    return bytes.count == text.utf8.count ? text : String(decoding: bytes, as: UTF8.self)
  }
}
