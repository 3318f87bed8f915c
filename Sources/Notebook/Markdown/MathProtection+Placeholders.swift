/// Writing the placeholders into the source and reading them back out of it.
extension MathProtection {
  /// `bytes` with each span of `ranges` replaced by `<marker>MATH<n>X`, the spans by `n` (the
  /// same text, the same number), and each as written in the source. Each further line of a span keeps its line break, its
  /// block quote markers and its indentation before a `<marker>CONT<n>X`; the span's text
  /// leaves the quote markers out.
  static func protect(_ bytes: [UInt8], _ ranges: [(range: Range<Int>, quotes: Int)], marker: String)
    -> (String, [String], [String])
  {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var spans: [String] = []
    var written: [String] = []
    var numbers: [String: Int] = [:]
    var cursor = 0
    for (range, quotes) in ranges.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      output += bytes[cursor..<range.lowerBound]
      var tex: [UInt8] = []
      var lines: [(kept: Range<Int>, tex: Range<Int>, ending: Range<Int>)] = []
      var lineStart = range.lowerBound
      while true {
        let newline = bytes[lineStart..<range.upperBound].firstIndex(of: UInt8(ascii: "\n"))
        var end = newline ?? range.upperBound
        if newline != nil && end > lineStart && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let afterQuotes =
          lineStart == range.lowerBound ? lineStart : skipQuoteMarkers(bytes, from: lineStart, depth: quotes)
        var content = afterQuotes
        while content < end && (bytes[content] == UInt8(ascii: " ") || bytes[content] == UInt8(ascii: "\t")) {
          content += 1
        }
        lines.append((lineStart..<content, afterQuotes..<end, end..<(newline.map { $0 + 1 } ?? end)))
        guard let newline else { break }
        lineStart = newline + 1
      }
      for (position, line) in lines.enumerated() {
        if position > 0 { tex.append(UInt8(ascii: "\n")) }
        tex += bytes[line.tex]
      }
      let text = String(decoding: tex, as: UTF8.self)
      let number = numbers[text] ?? spans.count
      if number == spans.count {
        spans.append(text)
        written.append(String(decoding: bytes[range], as: UTF8.self))
        numbers[text] = number
      }
      for (position, line) in lines.enumerated() {
        output += bytes[line.kept]
        output += Array("\(marker)\(position == 0 ? "MATH" : "CONT")\(number)X".utf8)
        output += bytes[line.ending]
      }
      cursor = range.upperBound
    }
    output += bytes[cursor...]
    return (String(decoding: output, as: UTF8.self), spans, written)
  }

  /// The offset after at most `depth` block quote markers (up to three spaces, `>`, one
  /// optional space) from `start`.
  static func skipQuoteMarkers(_ bytes: [UInt8], from start: Int, depth: Int) -> Int {
    var index = start
    for _ in 0..<depth {
      var probe = index
      while probe < bytes.count && probe - index < 3 && bytes[probe] == UInt8(ascii: " ") { probe += 1 }
      guard probe < bytes.count, bytes[probe] == UInt8(ascii: ">") else { return index }
      probe += 1
      if probe < bytes.count && (bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t")) {
        probe += 1
      }
      index = probe
    }
    return index
  }

  /// The numbers of the placeholders (`<marker>MATH<n>X` or `<marker>CONT<n>X`) in `text`.
  static func placeholderNumbers(in text: String, marker: String) -> [Int] {
    let bytes = Array(text.utf8)
    var numbers: [Int] = []
    var index = 0
    while index < bytes.count {
      if let (number, tail) = placeholder(in: bytes, at: index, marker: marker) {
        numbers.append(number.value)
        index = tail
      } else {
        index += 1
      }
    }
    return numbers
  }

  /// The placeholder at `offset` of `bytes`: its number, whether it continues a span, and the
  /// offset after it.
  static func placeholder(in bytes: [UInt8], at offset: Int, marker: String)
    -> ((value: Int, continues: Bool), Int)?
  {
    guard matches(marker, bytes, at: offset) else { return nil }
    let after = offset + marker.utf8.count
    let continues = matches("CONT", bytes, at: after)
    guard continues || matches("MATH", bytes, at: after) else { return nil }
    var position = after + 4
    var value = 0
    while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
      guard position - after - 4 < 9 else { return nil }
      value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
      position += 1
    }
    guard position > after + 4, position < bytes.count, bytes[position] == UInt8(ascii: "X") else {
      return nil
    }
    return ((value, continues), position + 1)
  }

  /// Whether `bytes` holds `text` at `offset`.
  static func matches(_ text: String, _ bytes: [UInt8], at offset: Int) -> Bool {
    var position = offset
    for byte in text.utf8 {
      guard position < bytes.count, bytes[position] == byte else { return false }
      position += 1
    }
    return true
  }
}
