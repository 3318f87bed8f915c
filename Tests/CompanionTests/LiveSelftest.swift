import Foundation
import Testing

/// What `live.js` reports under `#live-selftest`, checked against the page the build wrote.
enum LiveSelftest {
  struct Run: Decodable {
    var ok: Bool
    var html: String?
    var message: String?
  }

  struct Cell: Decodable {
    var cell: String
    var export: String
    var defaults: Run
    var moved: Run?
  }

  /// The build's outputs of live cell `cell`: what its `live-output` element holds in the file.
  static func builtOutput(_ page: String, cell: String) -> String? {
    let marker = "<div class=\"live-output\" id=\"live-output-\(cell)\">"
    guard let start = page.range(of: marker),
      let end = page.range(of: "</div>\n</div>", range: start.upperBound..<page.endIndex)
    else { return nil }
    return String(page[start.upperBound..<end.lowerBound])
  }

  /// Whether the page's DOM holds the self-test's report.
  static func hasReport(_ dom: String) -> Bool {
    dom.contains("<script type=\"application/json\" id=\"live-selftest\">")
  }

  static func check(page name: String, built: String, dom: String, console: [String]) throws {
    #expect(console.isEmpty, "\(name): console: \(console)")
    let open = "<script type=\"application/json\" id=\"live-selftest\">"
    guard let start = dom.range(of: open), let end = dom.range(of: "</script>", range: start.upperBound..<dom.endIndex)
    else {
      Issue.record("\(name): the live cells did not run in the browser (no self-test report)")
      return
    }
    // JSON reads `<\/` (how the page escapes `</` inside a script) as `</`.
    let json = String(dom[start.upperBound..<end.lowerBound])
    let cells = try JSONDecoder().decode([Cell].self, from: Data(json.utf8))
    #expect(!cells.isEmpty, "\(name): no live cell reported")
    for cell in cells {
      let expected = builtOutput(built, cell: cell.cell)
      #expect(cell.defaults.ok, "\(name) cell \(cell.cell): \(cell.defaults.message ?? "")")
      #expect(
        cell.defaults.html == expected,
        "\(name) cell \(cell.cell): the browser's outputs for the defaults are not the build's bytes")
      if let moved = cell.moved {
        #expect(moved.ok, "\(name) cell \(cell.cell) with a control moved: \(moved.message ?? "")")
        #expect(moved.html != cell.defaults.html, "\(name) cell \(cell.cell): moving a control changed nothing")
      }
    }
  }
}
