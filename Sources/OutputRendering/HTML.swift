/// HTML and XML text helpers shared by the renderers.
public enum HTML {
  /// Escapes `&`, `<`, `>`, `"` and `'` so the text is safe in element content and in
  /// attribute values (HTML and SVG/XML alike).
  public static func escape(_ text: String) -> String {
    replacingScalars(in: text) { scalar in
      switch scalar {
      case "&": return "&amp;"
      case "<": return "&lt;"
      case ">": return "&gt;"
      case "\"": return "&quot;"
      case "'": return "&#39;"
      default:
        // Control characters other than tab/newline are not allowed in XML.
        let control = scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r"
        return control ? "\u{FFFD}" : nil
      }
    }
  }

  /// `text` with each scalar for which `replacement` returns a string replaced by it.
  public static func replacingScalars(in text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if let replaced = replacement(scalar) {
        result += replaced
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
