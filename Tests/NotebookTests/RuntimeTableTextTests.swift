import Testing

@testable import NotebookRuntime

@Suite struct RuntimeTableTextTests {
  @Test func alignedTextRightAlignsNumbersAndLeftAlignsText() {
    let table = Table(columns: ["n", "name"], rows: [["1", "a"], ["100", "bcd"]], caption: "T")
    #expect(table.alignedText == "T\nn    name\n---  ----\n  1  a\n100  bcd")
  }

  @Test func alignedTextPadsShortRows() {
    let table = Table(columns: ["a", "b"], rows: [["x"]])
    #expect(table.alignedText == "a  b\n-  -\nx")
  }

  @Test(arguments: ["0", "-1.5", "1e-05", "2.5E+3", "12.5%", "3.2x", "1,024", "+7", ".5", "nan"])
  func numericCellsAreRecognised(cell: String) {
    #expect(Table.looksNumeric(cell))
  }

  @Test(arguments: ["", "abc", "1.2.3a", "e5", "(2, 3)", "1-2", "-", "v1"])
  func nonNumericCellsAreRecognised(cell: String) {
    #expect(!Table.looksNumeric(cell))
  }

  @Test func plotSummaryNamesTheSeries() {
    var plot = Plot(title: "Cost")
    plot.line(x: [0, 1], y: [1, 0], label: "lr 0.1")
    plot.hline(y: 0.5, label: "goal")
    #expect(plot.summary == "[plot] Cost: line 'lr 0.1' (2 points), hline 'goal' at 0.5")
  }
}
