import Foundation
import Testing

@testable import Notebook

/// A chapter holding one exercise, with the given stub, solution and checks.
func exerciseChapter(
  stub: String = "func double(_ x: Double) -> Double {\n  // your code here\n  return 0\n}",
  solution: String = "func double(_ x: Double) -> Double { 2 * x }",
  checks: String = "check(\"double of 2\") { double(2) }",
  extra: String = ""
) -> Chapter {
  let source = """
    # Doubling

    ## Exercises

    ### Double a number

    Return twice `x`.

    ```swift exercise=double stub
    \(stub)
    ```

    ```swift exercise=double check
    \(checks)
    ```

    ```markdown exercise=double hint
    Multiply by $2$.
    ```

    ```swift exercise=double solution
    \(solution)
    ```
    \(extra)
    """
  return Chapter(path: "chapters/01-double.md", source: source)
}

@Test func exerciseBlocksAreReadWithTheirStatementAndLines() throws {
  let parsed = ChapterExercises(chapter: exerciseChapter())
  #expect(parsed.diagnostics.isEmpty)
  let exercise = try #require(parsed.exercises.first)
  #expect(exercise.name == "double" && exercise.title == "Double a number")
  #expect(exercise.statement == "Return twice `x`.")
  #expect(
    exercise.stub.fenceLine == 9 && exercise.checks.fenceLine == 16 && exercise.solution.fenceLine == 24)
  #expect(exercise.hints.map(\.code) == ["Multiply by $2$.\n"])
}

@Test func exerciseBlocksAreNotCellsOfTheChapterProgram() {
  let chapter = exerciseChapter()
  #expect(chapter.cells.isEmpty)
  #expect(chapter.diagnostics.isEmpty)
}

@Test func anExerciseBlockWithAnUnknownOptionIsAnErrorAtItsFence() {
  let chapter = exerciseChapter(extra: "\n```swift exercise=double answer\nlet x = 1\n```\n")
  let diagnostics = ChapterExercises(chapter: chapter).diagnostics
  #expect(
    diagnostics.map(\.description) == [
      "chapters/01-double.md:28: error: unknown exercise option 'answer' (known: stub, solution, check, hint, uses=NAME,NAME, timeout=SECONDS)",
      "chapters/01-double.md:28: error: exercise block of 'double' has no role (one of stub, solution, check, hint)",
    ])
}

@Test func anExerciseWithoutASolutionIsAnErrorNamingWhatIsMissing() {
  let source =
    "# T\n\n### E\n\n```swift exercise=half stub\nfunc half() {}\n```\n\n```swift exercise=half check\n```\n"
  let diagnostics = ChapterExercises(chapter: Chapter(path: "c.md", source: source)).diagnostics
  #expect(diagnostics.map(\.description) == ["c.md:5: error: exercise 'half' has no solution block"])
}

@Test func anExerciseNameDeclaredInTwoChaptersIsAnErrorAtTheSecond() {
  let first = ChapterExercises(chapter: exerciseChapter()).exercises
  var second = first
  second[0].chapterPath = "chapters/02-again.md"
  let book = ExerciseBook(exercises: first + second)
  #expect(book.exercises.count == 1)
  #expect(
    book.diagnostics.first?.description.hasPrefix(
      "chapters/02-again.md:9: error: exercise 'double' is declared twice") == true)
}

@Test func shapesAreWrittenInNumpyNotation() {
  #expect(ShapeHint.text([2, 4]) == "(2, 4)")
  #expect(ShapeHint.text([3]) == "(3,)")
  #expect(ShapeHint.text([]) == "()")
}

@Test func aReversedShapeIsCalledATranspose() {
  #expect(ShapeHint.cause(actual: [2, 4], expected: [4, 2])?.hasPrefix("a transpose?") == true)
}

@Test func aRankOneShapeWhereAColumnBelongsNamesKeepDims() {
  #expect(ShapeHint.cause(actual: [4], expected: [4, 1])?.contains("keepDims: true") == true)
}

@Test func valuesEqualToRoundingPassWithHowFarApart() {
  let expected = ExerciseRun.Value(
    line: 1, check: "sum", part: "", kind: "number", rtol: 1e-7, atol: 1e-12, shape: [], values: [0.3])
  var actual = expected
  actual.values = [0.1 + 0.2]
  let judgement = ValueJudgement(expected: expected, actual: actual)
  #expect(judgement.failure == nil)
  #expect(
    judgement.note
      == "sum equals the reference to rounding: at most 5.6e-17 apart (relative 1.9e-16), within the tolerance"
  )
}

@Test func aWrongValueShowsTheExpectedAndTheActual() {
  let expected = ExerciseRun.Value(
    line: 1, check: "v", part: "", kind: "tensor", rtol: 1e-7, atol: 1e-12, shape: [2], values: [0.5, 1])
  var actual = expected
  actual.values = [0.5, 2]
  let failure = ValueJudgement(expected: expected, actual: actual).failure
  #expect(
    failure
      == "expected [0.5 1. ]\ngot      [0.5 2. ]\nfirst difference at [1]: expected 1.0, got 2.0 (1 of 2 values differ)"
  )
}

@Test func checkRecordsAreReadBackInOrder() {
  let run = ExerciseRun(
    records: "begin\t3\tfirst\nvalue\t3\tfirst\t\ttensor\t1e-07\t1e-12\t1,2\t0.5 nan\nbegin\t4\tsecond\n",
    ending: .finished, printed: "")
  #expect(run.begun.map(\.name) == ["first", "second"])
  #expect(run.values.first?.shape == [1, 2])
  #expect(run.values.first?.values[1].isNaN == true)
  // No `end` record: the program stopped before its last check.
  #expect(run.ending == .exited(0))
}

@Test func startWritesEachStubOnceAndNeverOverwritesTheLearnersFile() throws {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exercises-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: folder) }
  let book = ExerciseBook(exercises: ChapterExercises(chapter: exerciseChapter()).exercises)
  let workspace = ExerciseWorkspace(path: folder.path, book: book)
  #expect(try workspace.start().written.map(\.name) == ["double"])
  let file = folder.appendingPathComponent("double.swift")
  #expect(try String(contentsOf: file, encoding: .utf8).contains("// Return twice `x`."))
  try "my work".write(to: file, atomically: true, encoding: .utf8)
  #expect(try workspace.start().kept.map(\.name) == ["double"])
  #expect(try String(contentsOf: file, encoding: .utf8) == "my work")
}

@Test func theSolutionIsRefusedUntilTheExercisePassesUnlessTheLearnerGivesUp() throws {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exercises-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: folder) }
  let book = ExerciseBook(exercises: ChapterExercises(chapter: exerciseChapter()).exercises)
  var session = try ExerciseSession(options: ExerciseOptions())
  session.book = book
  session.workspace = ExerciseWorkspace(path: folder.path, book: book)
  _ = try session.workspace.start()
  #expect(throws: EngineError.self) { try session.solution("double", giveUp: false) }
  #expect(
    try session.solution("double", giveUp: true).contains("func double(_ x: Double) -> Double { 2 * x }"))
}

@Test func hintsComeOneMoreEachTime() throws {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exercises-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: folder) }
  let book = ExerciseBook(exercises: ChapterExercises(chapter: exerciseChapter()).exercises)
  var session = try ExerciseSession(options: ExerciseOptions())
  session.book = book
  session.workspace = ExerciseWorkspace(path: folder.path, book: book)
  _ = try session.workspace.start()
  #expect(try session.hint("double").hasPrefix("Hint 1 of 1 for double:\n\nMultiply by $2$."))
  #expect(ExerciseProgress.load(from: folder).exercises["double"]?.hintsShown == 1)
}

@Test func theChapterPageShowsTheStubTheCommandAndTheFoldedSolution() {
  let view = ExerciseView(chapter: exerciseChapter())
  let stub = view.html(forBlockAt: 9) ?? ""
  #expect(stub.contains("swift run companion exercises check double"))
  #expect(stub.contains("// your code here"))
  #expect(
    view.html(forBlockAt: 24)?.hasPrefix(
      "<details class=\"exercise-solution\"><summary>Show the solution</summary>") == true)
  #expect(view.html(forBlockAt: 20)?.contains("<summary>Hint 1 of 1</summary>") == true)
  #expect(ExerciseView.indexCount(exerciseChapter()) == " <span class=\"exercise-count\">1 exercise</span>")
}

@Test func aTrapIsPlacedAtTheInnermostFrameOfTheLearnersCode() {
  let backtrace = """
    Thread 0 "t" crashed:

      0      0x00007f66dc2f9361 _assertionFailure(_:_:file:line:flags:) + 225 in libswiftCore.so
      1 [ra] 0x00007f66dbc9150b specialized static Tensor.* infix(_:_:) + 3498 in libChapterSupport.so at Sources/DeepLearning/Tensor+Broadcasting.swift:104:7
      2 [ra] 0x000055ae18fb20f2 linearForward(_:_:_:) + 81 in t at /w/exercises/linearForward.swift:3:5
      3 [ra] 0x000055ae18fb245e main + 541 in t at chapters/12-deep-networks.md:1015:9
    """
  let location = TrapLocation(
    backtrace: backtrace, files: ["/w/exercises/linearForward.swift", "chapters/12-deep-networks.md"])
  #expect(location?.place == "/w/exercises/linearForward.swift:3:5")
  #expect(location?.function == "linearForward(_:_:_:)")
}

@Test func aBroadcastBetweenShapesThatFitAProductSuggestsDot() {
  #expect(
    ShapeHint.broadcast("Fatal error: operands could not be broadcast together with shapes (1,3) (3,2)")
      == "\n(1, 3) and (3, 2) fit a matrix product: an elementwise * where dot belongs?")
  #expect(
    ShapeHint.broadcast("Fatal error: operands could not be broadcast together with shapes (2,3) (2,)") == "")
}

@Test func theJSONResultsHaveOneEntryPerCheckWithTheCompilersMessageOnEachUnrunCheck() throws {
  let exercise = try #require(ChapterExercises(chapter: exerciseChapter()).exercises.first)
  let check = CheckResult(
    exercise: "double", check: "double of 2", status: .error, message: "not run", line: 17)
  let report = ExerciseReport(
    exercise: exercise, checks: [check], problem: "double.swift:2:3: error: cannot find 'y'")
  let results = ExerciseResults([report])
  #expect(results.status == "fail" && results.passed == 0 && results.total == 1)
  #expect(results.tests.map(\.message) == ["double.swift:2:3: error: cannot find 'y'"])
  #expect(results.json.contains("\"exercise\" : \"double\""))
}
