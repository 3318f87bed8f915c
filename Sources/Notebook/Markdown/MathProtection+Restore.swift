/// Putting the math back into rendered HTML and plain text.
extension MathProtection {
  /// Puts the math back into `text`.
  ///
  /// With `markup` (rendered HTML), each math span becomes an element the page's script renders
  /// with KaTeX, its TeX without the delimiters: `<span class="math inline">x^2</span>` for
  /// `$x^2$`, `<span class="math display">...</span>` for `$$...$$`. This is the only math on a
  /// page: the browser renders exactly these elements and never looks for dollars itself.
  /// Without `markup` (titles, plain text) a span comes back as written, delimiters included.
  /// `escape` is applied to what is put back (the TeX with `markup`, the whole span without).
  /// One pass over the text.
  public func restore(_ html: String, markup: Bool = false, escape: (String) -> String) -> String {
    guard !spans.isEmpty, html.utf8Range(of: marker) != nil else { return html }
    // Over the UTF-8 bytes: `String.range(of:)` from Foundation costs a UTF-16 index
    // conversion per call, which made this the slowest step of rendering a page.
    let bytes = Array(html.utf8)
    let first = Array(marker.utf8)[0]
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      guard bytes[index] == first,
        let (number, tail) = MathProtection.placeholder(in: bytes, at: index, marker: marker),
        number.value < spans.count
      else {
        result.append(bytes[index])
        index += 1
        continue
      }
      index = tail
      // A continuation only kept a line break of its span, which the span puts back itself.
      guard !number.continues else { continue }
      let span = spans[number.value]
      if markup {
        let display = span.hasPrefix("$$")
        let tex = String(span.dropFirst(display ? 2 : 1).dropLast(display ? 2 : 1))
        result += Array("<span class=\"math \(display ? "display" : "inline")\">\(escape(tex))</span>".utf8)
      } else {
        result += Array(escape(span).utf8)
      }
      // Skip the line breaks before the continuations that kept the span's lines.
      while true {
        var next = index
        while next < bytes.count && (bytes[next] == UInt8(ascii: "\n") || bytes[next] == UInt8(ascii: " ")) {
          next += 1
        }
        guard let (following, after) = MathProtection.placeholder(in: bytes, at: next, marker: marker),
          following.continues, following.value == number.value
        else { break }
        index = after
      }
    }
    return String(decoding: result, as: UTF8.self)
  }
}

extension Substring {
  /// The first occurrence of `target`, found byte by byte in the UTF-8 (Foundation's
  /// `range(of:)` converts to UTF-16 offsets at every call, which is slow on long pages).
  func utf8Range(of target: String) -> Range<String.Index>? {
    let needle = Array(target.utf8)
    guard let first = needle.first else { return nil }
    let bytes = utf8
    var from = bytes.startIndex
    while let hit = bytes[from...].firstIndex(of: first) {
      var end = hit
      var matched = 0
      while matched < needle.count, end < bytes.endIndex, bytes[end] == needle[matched] {
        bytes.formIndex(after: &end)
        matched += 1
      }
      if matched == needle.count { return hit..<end }
      from = bytes.index(after: hit)
    }
    return nil
  }
}

extension String {
  /// The first occurrence of `target`, found byte by byte in the UTF-8.
  func utf8Range(of target: String) -> Range<String.Index>? { self[...].utf8Range(of: target) }

  /// This string with every occurrence of `target` replaced (no Foundation needed).
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.utf8Range(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    result += rest
    return result
  }
}
