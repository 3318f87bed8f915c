import Ccmark
// Replaced by the engine.
public enum NotebookVersion { public static let string = cmark_version_string().map { String(cString: $0) } ?? "" }
