import Foundation

/// Reads chapter files. A file that is not valid UTF-8 is not guessed at: it becomes a chapter
/// with no content and one error at the first line that is not UTF-8, so it fails alone and
/// its page says why.
enum ChapterLoading {
  /// The chapter in `file`; throws only when the file cannot be read at all.
  static func load(_ file: String) throws -> Chapter {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw EngineError("cannot read chapter \(file)")
    }
    return chapter(path: file, data: data)
  }

  /// The chapter of `data` read from `path`.
  static func chapter(path: String, data: Data) -> Chapter {
    if let source = String(validating: data, as: UTF8.self) {
      return Chapter(path: path, source: source)
    }
    var chapter = Chapter(path: path, source: "")
    let (line, column, byte) = firstInvalidByte(Array(data))
    chapter.diagnostics.append(
      Diagnostic(
        file: path, line: line, column: column,
        message: String(
          format: "not valid UTF-8 (byte 0x%02X); the chapter is not read until it is saved as UTF-8",
          byte)))
    return chapter
  }

  /// The 1-based line and column (in characters) of the first byte of `bytes` that is not part
  /// of valid UTF-8, and the byte.
  static func firstInvalidByte(_ bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8) {
    var line = 1
    var column = 1
    var offset = 0
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        offset += UTF8.width(scalar)
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .error:
        return (line, column, offset < bytes.count ? bytes[offset] : 0)
      case .emptyInput:
        return (line, column, 0)
      }
    }
  }
}
