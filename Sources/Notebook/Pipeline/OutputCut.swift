import Foundation

/// How much of a cell's printed text a page shows. The check always compares the whole text;
/// the page shows the first `maxLines` lines (at most `maxBytes` bytes) and says how much it
/// left out, so a cell printing two million lines makes a page of kilobytes, not megabytes.
struct OutputCut: Sendable {
  /// The most lines shown per cell.
  var maxLines = 1_000
  /// The most bytes shown per cell.
  var maxBytes = 100_000

  /// `result` as its page shows it: each cell's text cut to the limits, with a closing note.
  func shown(_ result: ChapterResult) -> ChapterResult {
    var shown = result
    for index in shown.run.cells.indices {
      shown.run.cells[index] = cut(shown.run.cells[index])
    }
    return shown
  }

  /// One cell's output cut to the limits (unchanged when within them). Tables and plots shown
  /// after the cut move to its end.
  func cut(_ output: ChapterRun.CellOutput) -> ChapterRun.CellOutput {
    let bytes = Array(output.text.utf8)
    guard bytes.count > maxBytes || lineCount(bytes) > maxLines else { return output }
    var end = 0
    var lines = 0
    while end < bytes.count && lines < maxLines {
      guard let newline = bytes[end...].firstIndex(of: UInt8(ascii: "\n")) else {
        end = bytes.count
        break
      }
      if newline + 1 > maxBytes { break }
      end = newline + 1
      lines += 1
    }
    if end == 0 { end = min(maxBytes, bytes.count) }  // a first line longer than the limit
    let rest = bytes[end...]
    let restLines = lineCount(Array(rest))
    var cutOutput = output
    var text = String(decoding: bytes[..<end], as: UTF8.self)
    if !text.hasSuffix("\n") { text += "\n" }
    text += "[\(restLines) more line\(restLines == 1 ? "" : "s") (\(OutputCut.size(rest.count))) "
    text += "not shown; the check compared the whole output]\n"
    cutOutput.text = text
    cutOutput.resultPositions = output.resultPositions.map { min($0, end) }
    return cutOutput
  }

  /// The number of lines of `bytes` (a last line without a newline counts).
  func lineCount(_ bytes: [UInt8]) -> Int {
    let newlines = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    return newlines + (bytes.last.map { $0 == UInt8(ascii: "\n") ? 0 : 1 } ?? 0)
  }

  /// `12.7 MB`, `840 KB`, `512 bytes`.
  static func size(_ bytes: Int) -> String {
    if bytes >= 1_000_000 { return String(format: "%.1f MB", Double(bytes) / 1e6) }
    if bytes >= 1_000 { return "\(bytes / 1_000) KB" }
    return "\(bytes) byte\(bytes == 1 ? "" : "s")"
  }
}
