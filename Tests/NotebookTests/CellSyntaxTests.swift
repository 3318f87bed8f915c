import Testing

@testable import Notebook

// A cell must open and close its brackets, strings and comments itself.

@Test(arguments: [
  "let x = [1, 2, 3].map { $0 * 2 }\nprint(x)",
  "let s = \"a { b ( c [\"\nprint(s)",
  "// an open brace in a comment {\nlet y = 1",
  "/* nested /* comment { */ still */ let z = (1)",
  "let t = \"\\(f(\"}\")) and \\(g[0])\"",
  "let m = \"\"\"\n  { unbalanced in a\n  multi-line string (\n  \"\"\"",
  "let r = #\"raw \\( not interpolation \" { \"#",
  "let q = #\"raw \\#(value) interpolated\"#",
  "#if os(Linux)\nlet a = 1\n#endif",
])
func cellsThatStandAlone(code: String) {
  #expect(CellSyntax.problem(in: code) == nil)
}

@Test func anOpenBraceIsReportedAtItsLine() {
  let code = "let a = 1\nfor i in 0..<3 {\n  print(i)\n"
  #expect(CellSyntax.problem(in: code) == .init(line: 2, message: "'{' is not closed in this cell"))
}

@Test func aCloserWithNoOpenerIsReportedAtItsLine() {
  #expect(
    CellSyntax.problem(in: "  print(i)\n}\n")
      == .init(line: 2, message: "'}' closes nothing opened in this cell"))
  #expect(
    CellSyntax.problem(in: "let v = [1, 2)\n")
      == .init(line: 1, message: "')' does not match the '[' of line 1"))
}

@Test func openStringsAndCommentsAreReported() {
  #expect(
    CellSyntax.problem(in: "let s = \"abc\nprint(s)")?.message == "string literal is not closed in this cell")
  #expect(CellSyntax.problem(in: "x\n/* open")?.line == 2)
  #expect(CellSyntax.problem(in: "let m = \"\"\"\nabc\n")?.line == 1)
  #expect(CellSyntax.problem(in: "let t = \"\\(f(1)\"")?.message != nil)
}

@Test func aChapterWhoseCellLeavesABraceOpenHasAnErrorAtThatLine() {
  let source = """
    # Split

    ```swift
    for i in 0..<2 {
      print(i)
    ```

    ```swift
    }
    ```
    """
  let chapter = Chapter(path: "chapters/x.md", source: source)
  let messages = chapter.diagnostics.map(\.description)
  #expect(
    messages.contains(
      "chapters/x.md:4: error: the cell does not parse on its own: '{' is not closed in this cell"))
  #expect(
    messages.contains(
      "chapters/x.md:9: error: the cell does not parse on its own: '}' closes nothing opened in this cell"))
}
