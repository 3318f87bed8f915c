/// Printing exactly like numpy: `print(t)` shows numpy's `str(a)` and `debugPrint(t)` numpy's
/// `repr(a)`, with numpy's default options (precision 8, line width 75, summarization with `...`
/// above 1000 elements, 3 edge items).
extension Tensor: CustomStringConvertible, CustomDebugStringConvertible {
  /// numpy's `str(a)`: `[[1.  2.5]\n [3.  4. ]]`; a rank-0 tensor prints as its value (`2.5`).
  public var description: String {
    if rank == 0 { return scalarDescription(scalars[0]) }
    if count == 0 { return "[]" }
    return arrayText(separator: " ", prefix: "", lineWidth: ArrayPrinting.lineWidth)
  }

  /// numpy's `repr(a)`: `array([[1. , 2.5],\n       [3. , 4. ]])`, with `shape=` appended when
  /// the elements are summarized, as numpy 2 does.
  public var debugDescription: String {
    let prefix = "array("
    if count == 0 {
      return shape.rank == 1 ? "array([], dtype=float64)" : "array([], shape=\(shape), dtype=float64)"
    }
    let text = prefix + arrayText(separator: ", ", prefix: prefix, lineWidth: ArrayPrinting.lineWidth - 1)
    guard count > ArrayPrinting.threshold else { return text + ")" }
    let head = text + ","
    let extra = "shape=\(shape))"
    // The last line's length (found by its bytes: comparing characters would need Unicode
    // normalization's tables in the browser's module).
    let lastLine =
      head.utf8.lastIndex(of: UInt8(ascii: "\n")).map { head[head.index(after: $0)...].count } ?? head.count
    let spacer =
      lastLine + extra.count + 1 > ArrayPrinting.lineWidth
      ? "\n" + String(repeating: " ", count: prefix.count) : " "
    return head + spacer + extra
  }

  /// numpy's `array2string`: the formatter is fitted to the elements that will be shown, then
  /// `_formatArray` lays them out.
  func arrayText(separator: String, prefix: String, lineWidth: Int) -> String {
    let summarize = count > ArrayPrinting.threshold
    let format = FloatingFormat(summarize ? shownElements() : scalars)
    var printer = ArrayPrinting(
      tensor: self, format: format, separator: separator, summarize: summarize)
    return printer.render(
      index: [], hangingIndent: " " + String(repeating: " ", count: prefix.count),
      width: lineWidth)
  }

  /// The elements numpy keeps when summarizing (`_leading_trailing`): along every axis longer
  /// than 6, only the first 3 and the last 3 positions.
  func shownElements() -> [Double] {
    let edge = ArrayPrinting.edgeItems
    let kept: [[Int]] = shape.dimensions.map { n in
      n > 2 * edge ? Array(0..<edge) + Array((n - edge)..<n) : Array(0..<n)
    }
    let strides = shape.strides
    var result: [Double] = []
    func collect(_ axis: Int, _ offset: Int) {
      if axis == rank {
        result.append(scalars[offset])
        return
      }
      for i in kept[axis] { collect(axis + 1, offset + i * strides[axis]) }
    }
    collect(0, 0)
    return result
  }
}

/// The recursive layout of numpy's `_formatArray` (non-legacy mode).
struct ArrayPrinting {
  static let lineWidth = 75
  static let threshold = 1000
  static let edgeItems = 3

  let tensor: Tensor
  let format: FloatingFormat
  let separator: String
  let summarize: Bool
  let strides: [Int]

  init(tensor: Tensor, format: FloatingFormat, separator: String, summarize: Bool) {
    self.tensor = tensor
    self.format = format
    self.separator = separator
    self.summarize = summarize
    self.strides = tensor.shape.strides
  }

  /// The bracketed text of the sub-array at `index`, every line but the first starting with
  /// `hangingIndent`, lines kept within `width`.
  mutating func render(index: [Int], hangingIndent: String, width: Int) -> String {
    let axis = index.count
    let axesLeft = tensor.rank - axis
    if axesLeft == 0 {
      let offset = zip(index, strides).reduce(0) { $0 + $1.0 * $1.1 }
      return format.format(tensor.scalars[offset])
    }
    let nextIndent = hangingIndent + " "
    let nextWidth = width - 1
    let n = tensor.shape[axis]
    let showSummary = summarize && 2 * ArrayPrinting.edgeItems < n
    let leading = showSummary ? ArrayPrinting.edgeItems : 0
    let trailing = showSummary ? ArrayPrinting.edgeItems : n
    let trimmedSeparator = separator.trimmingTrailingSpaces()
    var s = ""
    if axesLeft == 1 {
      let elementWidth = width - Swift.max(trimmedSeparator.count, 1)
      var line = hangingIndent
      for i in 0..<leading {
        let word = render(index: index + [i], hangingIndent: nextIndent, width: nextWidth)
        extend(&s, &line, word, elementWidth, hangingIndent)
        line += separator
      }
      if showSummary {
        extend(&s, &line, "...", elementWidth, hangingIndent)
        line += separator
      }
      for i in stride(from: trailing, to: 1, by: -1) {
        let word = render(index: index + [n - i], hangingIndent: nextIndent, width: nextWidth)
        extend(&s, &line, word, elementWidth, hangingIndent)
        line += separator
      }
      let word = render(index: index + [n - 1], hangingIndent: nextIndent, width: nextWidth)
      extend(&s, &line, word, elementWidth, hangingIndent)
      s += line
    } else {
      let lineSeparator = trimmedSeparator + String(repeating: "\n", count: axesLeft - 1)
      for i in 0..<leading {
        s +=
          hangingIndent + render(index: index + [i], hangingIndent: nextIndent, width: nextWidth)
          + lineSeparator
      }
      if showSummary { s += hangingIndent + "..." + lineSeparator }
      for i in stride(from: trailing, to: 1, by: -1) {
        s +=
          hangingIndent + render(index: index + [n - i], hangingIndent: nextIndent, width: nextWidth)
          + lineSeparator
      }
      s += hangingIndent + render(index: index + [n - 1], hangingIndent: nextIndent, width: nextWidth)
    }
    return "[" + s.dropFirst(hangingIndent.count) + "]"
  }

  /// numpy's `_extendLine`: wrap before `word` if it would pass `width`, unless the line holds
  /// nothing but the indent.
  private func extend(
    _ s: inout String, _ line: inout String, _ word: String, _ width: Int, _ indent: String
  ) {
    if line.count + word.count > width && line.count > indent.count {
      s += line.trimmingTrailingSpaces() + "\n"
      line = indent
    }
    line += word
  }
}

extension String {
  /// The string without its trailing whitespace, as `Character.isWhitespace` tells it.
  fileprivate func trimmingTrailingSpaces() -> String {
    var result = Substring(self)
    while let last = result.last, last.unicodeScalars.first!.isWhiteSpace {
      result.removeLast()
    }
    return String(result)
  }
}

extension Unicode.Scalar {
  /// Whether the scalar has Unicode's White_Space property (what `Character.isWhitespace` tests
  /// on a character's first scalar), from the property's 25 code points rather than the
  /// standard library's property tables, which the browser build then does not link.
  var isWhiteSpace: Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
      return true
    default:
      return false
    }
  }
}
