/// The rules that pair dollars into math spans.
///
/// Inline math needs a non-space after the opening `$`, a non-space before the closing `$`,
/// and no digit right after it (so `$5 and $10` is not math). Display math is `$$...$$`. Only
/// dollars in the same paragraph or heading pair up, and a span holds a whole link or none of
/// it and no raw inline HTML (so the tags around and after it stay balanced); an escaped dollar
/// (`\$`) neither opens nor closes.
extension MathProtection {
  /// The index in `prose` of the dollar that closes the span opened at `opening` (for display
  /// math, the second dollar of the closing `$$`), or nil when nothing closes it.
  static func closing(_ prose: [Dollar], opening: Int, display: Bool, in bytes: [UInt8]) -> Int? {
    guard let close = candidateClose(prose, opening: opening, display: display, in: bytes),
      encloses(prose, opening: opening, close: close)
    else { return nil }
    return close
  }

  /// The warning for a span whose closing dollar is in another link than its opening one, or
  /// beyond raw inline HTML; nil when that is not why the span does not close.
  static func crossingClose(_ prose: [Dollar], opening: Int, display: Bool, in bytes: [UInt8]) -> String? {
    guard let close = candidateClose(prose, opening: opening, display: display, in: bytes),
      !encloses(prose, opening: opening, close: close)
    else { return nil }
    return "unbalanced \(display ? "$$" : "$"): its closing dollar is across a link's edge or raw HTML, "
      + "which math cannot span (write \\$ for a dollar sign)"
  }

  /// Whether the dollars at `opening` and `close` enclose whole links and no raw inline HTML.
  static func encloses(_ prose: [Dollar], opening: Int, close: Int) -> Bool {
    prose[opening].link == prose[close].link && prose[opening].inlineHTML == prose[close].inlineHTML
  }

  /// The index of the dollar that closes the span opened at `opening` by the character rules
  /// alone, in the same paragraph or heading.
  static func candidateClose(_ prose: [Dollar], opening: Int, display: Bool, in bytes: [UInt8]) -> Int? {
    let open = prose[opening]
    let start = open.offset
    if display {
      var index = opening + 2
      while index < prose.count && prose[index].block == open.block {
        let dollar = prose[index]
        if dollar.escaped {
          index += 1
          continue
        }
        let doubled = index + 1 < prose.count && prose[index + 1].offset == dollar.offset + 1
        if !doubled { return nil }
        if dollar.offset > start + 2 { return index + 1 }
        index += 1
      }
      return nil
    }
    guard start + 1 < bytes.count, !isSpace(bytes[start + 1]) else { return nil }
    var index = opening + 1
    while index < prose.count && prose[index].block == open.block {
      let dollar = prose[index]
      if dollar.escaped {
        index += 1
        continue
      }
      if dollar.offset == start + 1 || isSpace(bytes[dollar.offset - 1]) { return nil }
      if startsWithNumber(bytes, at: dollar.offset + 1) { return nil }
      return index
    }
    return nil
  }

  /// Why the `$` (or `$$`) at `offset`, which no delimiter closes, is worth a warning, or nil
  /// for a dollar that was never meant as math: one before a space or a digit (`$ 5`, `$5`).
  static func unbalancedMessage(_ bytes: [UInt8], at offset: Int, display: Bool) -> String? {
    if display { return "unbalanced $$: nothing in this paragraph closes it (write \\$ for a dollar sign)" }
    guard offset + 1 < bytes.count else { return nil }
    if isSpace(bytes[offset + 1]) || bytes[offset + 1] == UInt8(ascii: "\t")
      || startsWithNumber(bytes, at: offset + 1)
    {
      return nil
    }
    return "unbalanced $: nothing in this paragraph closes it (a closing $ follows a non-space and "
      + "comes before no digit; write \\$ for a dollar sign)"
  }

  /// Whether the dollar at `offset` is in the local part of an email autolink
  /// (`<a$b@example.com>`), the one place cmark reads a dollar differently from other
  /// punctuation.
  static func insideEmailAutolink(_ bytes: [UInt8], at offset: Int) -> Bool {
    func isLocal(_ byte: UInt8) -> Bool {
      (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        || Array(".!#$%&'*+/=?^_`{|}~-".utf8).contains(byte)
    }
    var start = offset
    while start > 0 && isLocal(bytes[start - 1]) { start -= 1 }
    guard start > 0, bytes[start - 1] == UInt8(ascii: "<") else { return false }
    var end = offset
    while end < bytes.count && isLocal(bytes[end]) { end += 1 }
    guard end < bytes.count, bytes[end] == UInt8(ascii: "@") else { return false }
    end += 1
    let domainStart = end
    while end < bytes.count
      && (isLocal(bytes[end]) && bytes[end] != UInt8(ascii: "$") || bytes[end] == UInt8(ascii: "."))
    {
      end += 1
    }
    return end > domainStart && end < bytes.count && bytes[end] == UInt8(ascii: ">")
  }

  /// The 1-based line and column (in characters) of the byte at `offset`.
  static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
    let lineStart = (bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
    let line = bytes[..<lineStart].filter { $0 == UInt8(ascii: "\n") }.count + 1
    return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
  }

  /// Whether `byte` is a space or a line ending.
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
  }

  /// Whether the character at `offset` is a number (`5`, `²`).
  static func startsWithNumber(_ bytes: [UInt8], at offset: Int) -> Bool {
    guard offset < bytes.count else { return false }
    let end = min(bytes.count, offset + 4)
    return String(decoding: bytes[offset..<end], as: UTF8.self).first?.isNumber ?? false
  }
}
