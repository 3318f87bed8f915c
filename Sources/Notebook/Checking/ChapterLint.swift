import Foundation

/// Warnings for what a chapter file says that the engine would otherwise take silently, each at
/// the line it is about: an empty file, no `# ` title, a file name without a number or with a
/// number another chapter has, a fence indented by a tab (indented code, not a fence), and a
/// fence whose language is `swift` or `output` in other letter cases (shown as code, never run
/// or compared).
enum ChapterLint {
  /// The warnings for `chapter`, whose folder holds the chapter files `siblings` (file names,
  /// the chapter's own among them or not).
  static func warnings(for chapter: Chapter, siblings: [String]) -> [Diagnostic] {
    let path = chapter.path
    func warning(_ line: Int, _ message: String, column: Int? = nil) -> Diagnostic {
      Diagnostic(file: path, line: line, column: column, severity: .warning, message: message)
    }
    let name = (path as NSString).lastPathComponent
    var found: [Diagnostic] = []
    if let number = number(of: name) {
      let others = siblings.filter { $0 != name && ChapterLint.number(of: $0) == number }.sorted()
      if !others.isEmpty {
        found.append(
          warning(
            1,
            "chapter number \(number) is also that of \(others.joined(separator: ", ")): the order "
              + "between them is by the rest of the name; give each chapter its own number"))
      }
    } else {
      found.append(
        warning(
          1,
          "the file name has no chapter number (NN-slug.md, such as 07-\(chapter.slug).md): "
            + "its place among the chapters is by name alone"))
    }
    let source = chapter.source.replacingOccurrences(of: "\r\n", with: "\n")
    if source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      found.append(warning(1, "the chapter is empty: its page has no title and no content"))
      return found
    }
    let protection = MathProtection(source: source)
    if !CommonMark.headings(in: protection.protectedText).contains(where: { $0.level == 1 }) {
      found.append(
        warning(1, "the chapter has no `# ` title: its page and the index are titled \(name)"))
    }
    let blocks = CommonMark.codeBlocks(in: protection.protectedText).filter(\.isFenced)
    for block in blocks {
      let language =
        block.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
      for word in ["swift", "output"] where language != word && language.lowercased() == word {
        let role = word == "swift" ? "a cell" : "an expected output"
        found.append(
          warning(
            block.startLine,
            "```\(language) is shown as code and never \(word == "swift" ? "run" : "compared"); "
              + "\(role) is written ```\(word) (lower case)"))
      }
    }
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      let number = index + 1
      guard !blocks.contains(where: { number > $0.startLine && number < $0.endLine }) else { continue }
      let indent = line.prefix(while: { $0 == " " || $0 == "\t" })
      guard indent.contains("\t") else { continue }
      let rest = line.dropFirst(indent.count)
      if rest.hasPrefix("```") || rest.hasPrefix("~~~") {
        found.append(
          warning(
            number,
            "a tab before this fence makes the line indented code, not a fence (a fence may be "
              + "indented by up to three spaces)", column: 1))
      }
    }
    return found
  }

  /// The number a chapter file name starts with (`07` of `07-shallow-network.md`), if any.
  static func number(of name: String) -> String? {
    let digits = name.prefix(while: \.isNumber)
    guard !digits.isEmpty, name.dropFirst(digits.count).hasPrefix("-") else { return nil }
    return String(digits)
  }
}
