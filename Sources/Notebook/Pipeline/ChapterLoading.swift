import Foundation

/// Finds and reads chapter files. A file that cannot be read (a symbolic link leading nowhere
/// or in a loop, no permission) or is not valid UTF-8 is not guessed at: it becomes a chapter
/// with no content and one error saying why, so it fails alone and its page says why.
enum ChapterLoading {
  /// The chapter in `file`.
  static func load(_ file: String) -> Chapter {
    guard let data = FileManager.default.contents(atPath: file) else {
      var chapter = Chapter(path: file, source: "")
      let reason = access(file, R_OK) == 0 ? "it is not a readable file" : String(cString: strerror(errno))
      chapter.diagnostics.append(
        Diagnostic(
          file: file, line: 1, column: nil,
          message: "\(unreadablePrefix) (\(reason)); the chapter is not read until it can be"))
      return chapter
    }
    return chapter(path: file, data: data)
  }

  /// How the error of a chapter file that cannot be read begins.
  static let unreadablePrefix = "cannot read the chapter file"

  /// Whether `name`, in a chapters folder, names a chapter: a `.md` file that is not hidden
  /// (editors' lock files, `.#02-x.md`, are hidden; so are `.DS_Store` and the like).
  static func isChapterName(_ name: String) -> Bool {
    name.hasSuffix(".md") && !name.hasPrefix(".") && !name.hasPrefix("#") && name.count > 3
  }

  /// The chapter files of `folder`, by name: every chapter name that is not a folder (a file, or
  /// a link that leads to no folder, which then fails alone as a chapter that cannot be read).
  static func chapterNames(in folder: String) throws -> [String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    return names.filter { name in
      guard isChapterName(name) else { return false }
      var isDirectory: ObjCBool = false
      let path = (folder as NSString).appendingPathComponent(name)
      return
        !(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }.sorted()
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
