/// A problem found in a chapter, reported in the compiler's format so editors and CI annotate it:
/// `chapters/01-x.md:12: error: output differs` (or `chapters/01-x.md:12:5: warning: ...` when the
/// column is known), followed by any detail lines.
public struct Diagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable, Codable {
    case error
    case warning
    case note
  }

  /// The chapter path as shown (e.g. `chapters/01-x.md`).
  public var file: String
  /// The 1-based Markdown line.
  public var line: Int
  /// The 1-based column (in characters), when the problem is at a known place in the line.
  public var column: Int?
  /// The severity.
  public var severity: Severity
  /// The one-line message.
  public var message: String
  /// Further lines shown under the message (a diff, compiler output), without trailing newline.
  public var detail: String

  /// Creates a diagnostic.
  public init(
    file: String, line: Int, column: Int? = nil, severity: Severity = .error, message: String,
    detail: String = ""
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.severity = severity
    self.message = message
    self.detail = detail
  }

  /// `file:line: severity: message` (`file:line:column: ...` with a column), then the detail
  /// lines.
  public var description: String {
    let place = column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
    let head = "\(place): \(severity.rawValue): \(message)"
    return detail.isEmpty ? head : head + "\n" + detail
  }
}
