/// Stable, unique ids for headings, derived from their text as written in the chapter
/// (`"2. Broadcasting"` → `2-broadcasting`); math is left out and `{{name}}` values are not
/// filled in, so an id never changes with a run's output.
struct HeadingIDs {
  private var ids: [String] = []

  /// The ids for headings with the given texts, in document order; a repeated text gets `-2`,
  /// `-3`, ... appended.
  init(_ texts: [String]) {
    var used: [String: Int] = [:]
    for text in texts {
      var slug = ""
      for character in text.lowercased() {
        if character.isLetter || character.isNumber {
          slug.append(character)
        } else if !slug.isEmpty && slug.last != "-" {
          slug.append("-")
        }
      }
      while slug.last == "-" { slug.removeLast() }
      if slug.isEmpty { slug = "section" }
      let count = used[slug, default: 0]
      used[slug] = count + 1
      ids.append(count == 0 ? slug : "\(slug)-\(count + 1)")
    }
  }

  /// The ids for the headings of `chapter`, in document order.
  init(chapter: Chapter) {
    let protection = MathProtection(source: chapter.source)
    let headings = CommonMark.headings(in: protection.protectedText)
    self.init(headings.map { protection.restore($0.text, escape: { _ in "" }) })
  }

  /// Every id, in document order.
  var all: [String] { ids }

  /// The id of the heading at `index`, HTML-escaped.
  func id(at index: Int) -> String { index < ids.count ? HTML.escape(ids[index]) : "section" }
}
