import Foundation

/// Compares a cell's actual output with its expected output, the way CHAPTER-FORMAT.md defines:
/// token by token; numbers within tolerance or equal when rounded to the expected's decimals;
/// everything else exact after folding runs of spaces; trailing blank lines ignored.
public struct OutputComparison: Sendable {
  /// Relative tolerance for numbers.
  public var rtol: Double
  /// Absolute tolerance floor for numbers.
  public var atol: Double
  /// Whether an expected number written with k decimals also matches an actual one that rounds
  /// to it at k decimals (on unless the block gives its own tolerance).
  public var decimalsRule: Bool

  /// Creates a comparison with the given tolerances (defaults: rtol 1e-6, atol 1e-12, and the
  /// decimals rule).
  public init(rtol: Double = 1e-6, atol: Double = 1e-12, decimalsRule: Bool = true) {
    self.rtol = rtol
    self.atol = atol
    self.decimalsRule = decimalsRule
  }

  /// Whether `actual` matches `expected`.
  public func matches(expected: String, actual: String) -> Bool {
    let expectedLines = OutputComparison.normalizedLines(expected)
    let actualLines = OutputComparison.normalizedLines(actual)
    guard expectedLines.count == actualLines.count else { return false }
    return zip(expectedLines, actualLines).allSatisfy { lineMatches(expected: $0, actual: $1) }
  }

  /// Whether one line matches (both already space-folded).
  public func lineMatches(expected: String, actual: String) -> Bool {
    if expected == actual { return true }
    let expectedTokens = OutputToken.tokenize(expected)
    let actualTokens = OutputToken.tokenize(actual)
    guard expectedTokens.count == actualTokens.count else { return false }
    for (e, a) in zip(expectedTokens, actualTokens) {
      switch (e, a) {
      case (.number(let eText, let eValue), .number(_, let aValue)):
        if !numberMatches(expected: eValue, expectedText: eText, actual: aValue) { return false }
      case (.text(let eText), .text(let aText)):
        if eText != aText { return false }
      default:
        return false
      }
    }
    return true
  }

  /// Whether an actual number matches an expected one written as `expectedText`.
  ///
  /// Rounding applies to expected numbers written with at least one decimal; integers compare
  /// with the tolerances only.
  public func numberMatches(expected: Double, expectedText: String, actual: Double) -> Bool {
    if expected.isNaN || actual.isNaN { return expected.isNaN && actual.isNaN }
    if expected.isInfinite || actual.isInfinite { return expected == actual }
    if abs(actual - expected) <= max(atol, rtol * abs(expected)) { return true }
    // Decimal rounding: `0.693048` matches 0.69304802 (rounded to 6 decimals).
    if decimalsRule, let decimals = OutputToken.decimals(of: expectedText), decimals > 0 {
      let rounded = String(format: "%.\(decimals)f", actual)
      let expectedFormatted = String(format: "%.\(decimals)f", expected)
      if rounded == expectedFormatted { return true }
      if let roundedValue = Double(rounded), roundedValue == expected { return true }
    }
    return false
  }

  /// The lines of `text` with runs of spaces folded, trailing spaces and trailing blank lines
  /// removed.
  public static func normalizedLines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      var folded = ""
      var previousWasSpace = false
      for character in line where character != "\r" {
        let isSpace = character == " " || character == "\t"
        if isSpace && previousWasSpace { continue }
        folded.append(isSpace ? " " : character)
        previousWasSpace = isSpace
      }
      while folded.last == " " { folded.removeLast() }
      return folded
    }
    while let last = lines.last, last.isEmpty { lines.removeLast() }
    return lines
  }
}

/// A token of output text: a number or a run of other characters.
public enum OutputToken: Equatable, Sendable {
  /// A number as written and its value.
  case number(String, Double)
  /// Anything else (spaces included, so spacing still has to match after folding).
  case text(String)

  /// Splits a line into numbers (`-1.5e-3`, `42`, `nan`, `inf`) and the text between them.
  public static func tokenize(_ line: String) -> [OutputToken] {
    let characters = Array(line)
    var tokens: [OutputToken] = []
    var text = ""
    var index = 0
    func flush() {
      if !text.isEmpty { tokens.append(.text(text)) }
      text = ""
    }
    while index < characters.count {
      if let (length, value) = number(at: index, in: characters) {
        flush()
        tokens.append(.number(String(characters[index..<(index + length)]), value))
        index += length
      } else {
        text.append(characters[index])
        index += 1
      }
    }
    flush()
    return tokens
  }

  /// The length and value of a number starting at `start`, if one starts there and is not part
  /// of a word (`x1`, `float64` keep their digits as text).
  static func number(at start: Int, in characters: [Character]) -> (Int, Double)? {
    if start > 0 {
      let before = characters[start - 1]
      if before.isLetter || before.isNumber || before == "_" || before == "." { return nil }
    }
    var index = start
    if index < characters.count && (characters[index] == "-" || characters[index] == "+") { index += 1 }
    let digitsStart = index
    while index < characters.count && characters[index].isASCII && characters[index].isNumber { index += 1 }
    var sawDigits = index > digitsStart
    if index < characters.count && characters[index] == "." {
      let afterPoint = index + 1
      var end = afterPoint
      while end < characters.count && characters[end].isASCII && characters[end].isNumber { end += 1 }
      if end > afterPoint || sawDigits {
        sawDigits = sawDigits || end > afterPoint
        index = end
      }
    }
    guard sawDigits else {
      for word in ["nan", "inf"] {
        let end = index + word.count
        if end <= characters.count && String(characters[index..<end]) == word
          && (end == characters.count || !characters[end].isLetter)
        {
          let sign: Double = characters[start] == "-" ? -1 : 1
          return (end - start, word == "nan" ? .nan : sign * .infinity)
        }
      }
      return nil
    }
    if index < characters.count && (characters[index] == "e" || characters[index] == "E") {
      var end = index + 1
      if end < characters.count && (characters[end] == "-" || characters[end] == "+") { end += 1 }
      let exponentStart = end
      while end < characters.count && characters[end].isASCII && characters[end].isNumber { end += 1 }
      if end > exponentStart { index = end }
    }
    if index < characters.count && (characters[index].isLetter || characters[index] == "_") { return nil }
    guard let value = Double(String(characters[start..<index])) else { return nil }
    return (index - start, value)
  }

  /// The number of decimals of a number written in fixed notation (`0.6930` → 4), or nil for
  /// scientific notation.
  static func decimals(of text: String) -> Int? {
    if text.contains("e") || text.contains("E") { return nil }
    guard let point = text.firstIndex(of: ".") else { return 0 }
    return text.distance(from: text.index(after: point), to: text.endIndex)
  }
}
