import Testing

@testable import Notebook

@Test func numbersWithinRelativeToleranceMatch() {
  #expect(OutputComparison().matches(expected: "cost 0.6931471805", actual: "cost 0.6931471806"))
}

@Test func numbersOutsideToleranceDiffer() {
  #expect(!OutputComparison().matches(expected: "cost 0.6931", actual: "cost 0.6932"))
}

@Test func expectedDecimalsMatchARoundedActual() {
  #expect(OutputComparison().matches(expected: "0.693048", actual: "0.69304802"))
  #expect(!OutputComparison().matches(expected: "0.693048", actual: "0.69305802"))
}

@Test func integersDoNotMatchByRounding() {
  #expect(!OutputComparison().matches(expected: "loss 42", actual: "loss 42.4"))
}

@Test func rtolOptionWidensTheTolerance() {
  #expect(OutputComparison(rtol: 1e-2).matches(expected: "1.00", actual: "1.005"))
}

@Test func textMustMatchExactlyAfterFoldingSpaces() {
  #expect(OutputComparison().matches(expected: "shape (2,  3)", actual: "shape (2, 3)"))
  #expect(!OutputComparison().matches(expected: "shape (2, 3)", actual: "shape (3, 2)"))
  #expect(!OutputComparison().matches(expected: "float64", actual: "float32"))
}

@Test func trailingBlankLinesAndSpacesAreIgnored() {
  #expect(OutputComparison().matches(expected: "a\nb\n\n\n", actual: "a  \nb"))
}

@Test func aMissingLineDiffers() {
  #expect(!OutputComparison().matches(expected: "a\nb", actual: "a"))
}

@Test func numericArraysCompareElementwise() {
  #expect(
    OutputComparison().matches(
      expected: "[[ 1.62434536 -0.61175641]]", actual: "[[ 1.6243453636632417 -0.6117564136500754]]"))
}

@Test func nanMatchesOnlyNan() {
  #expect(OutputComparison().matches(expected: "nan", actual: "nan"))
  #expect(!OutputComparison().matches(expected: "nan", actual: "0.0"))
}

@Test func lineDiffMarksExpectedAndActualLines() {
  let diff = LineDiff.render(expected: "a\n1\nc", actual: "a\n2\nc", comparison: OutputComparison())
  #expect(diff == "  a\n- 1\n+ 2\n  c")
}

/// An explicit tolerance replaces the decimals rule for its block: `0.0` then means 0 within
/// the tolerance, not "anything that rounds to 0.0".
@Test func anExplicitToleranceReplacesTheDecimalsRule() {
  let chapter = Chapter(
    path: "c.md",
    source: "```swift\nprint(1)\n```\n\n```output atol=1e-12\n0.0\n```\n\n```swift\nprint(2)\n```\n\n```output\n0.0\n```\n")
  let strict = chapter.cells[0].expected!.comparison
  let loose = chapter.cells[1].expected!.comparison
  #expect(!strict.matches(expected: "0.0", actual: "1e-10"))
  #expect(!strict.matches(expected: "0.0", actual: "0.04"))
  #expect(strict.matches(expected: "0.0", actual: "1e-13"))
  #expect(loose.matches(expected: "0.0", actual: "0.04"))
  #expect(loose.matches(expected: "1.23", actual: "1.2349"))
  #expect(!loose.matches(expected: "2", actual: "2.4"))
}
