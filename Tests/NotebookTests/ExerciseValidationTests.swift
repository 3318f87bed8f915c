import Foundation
import Testing

@testable import Notebook

/// The build's validation of exercises: each problem an error at the chapter's line.
struct ExerciseValidationTests {
  func diagnostics(_ chapter: Chapter) throws -> [Diagnostic] {
    let exercises = ChapterExercises(chapter: chapter).exercises
    let checker = try ExerciseChecker(book: ExerciseBook(exercises: exercises))
    return exercises.flatMap { checker.validate($0) }
  }

  @Test func aWellFormedExercisePasses() throws {
    #expect(try diagnostics(exerciseChapter()).isEmpty)
  }

  @Test func aReferenceThatDoesNotCompileIsAnErrorAtItsChapterLine() throws {
    let found = try diagnostics(exerciseChapter(solution: "func double(_ x: Double) -> Double { 2 * y }"))
    #expect(
      found.first?.description.hasPrefix(
        "chapters/01-double.md:24: error: the reference solution of exercise 'double' does not compile\nchapters/01-double.md:25:"
      ) == true)
  }

  @Test func aStubThatPassesEveryCheckIsAnError() throws {
    let found = try diagnostics(exerciseChapter(stub: "func double(_ x: Double) -> Double { x + x }"))
    #expect(
      found.map(\.description) == [
        "chapters/01-double.md:13: error: the stub of exercise 'double' passes every check: no check tells unfinished code from the solution (1 checks)"
      ])
  }
}

/// One exercise's endless loop stops at its time limit and is reported as such.
@Test func anEndlessLoopIsStoppedAtTheTimeLimitAndSaysSo() throws {
  let exercises = ChapterExercises(chapter: exerciseChapter()).exercises
  let checker = try ExerciseChecker(book: ExerciseBook(exercises: exercises), timeout: 3)
  let report = try checker.check(
    exercises[0],
    code: "func double(_ x: Double) -> Double {\n  var y = x\n  while y == y { y += 1 }\n  return y\n}")
  #expect(report.checks.first?.status == .error)
  #expect(report.text.contains("timed out: still running after 3 s; an endless loop"))
}
