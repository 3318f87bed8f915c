import Testing

@testable import Notebook

/// `serve` keeps the changes of a rebuild that failed until one works.
@Suite struct RebuildRetryTests {
  static let edit = SourceWatcher.Changes(chapters: ["chapters/02-x.md"], library: false)

  @Test func aFailedRebuildsChangesAreTriedAgainWithoutAnotherEdit() {
    var retry = RebuildRetry()
    #expect(retry.due(adding: Self.edit, now: 0) == Self.edit)
    retry.failed(EngineError("cannot read chapters"), waitForEdit: false, now: 0)
    #expect(retry.due(adding: .init(), now: 0.5) == nil)
    #expect(retry.due(adding: .init(), now: 1.5) == Self.edit)
  }

  @Test func aFailedRebuildsChangesJoinTheNextEdit() {
    var retry = RebuildRetry()
    _ = retry.due(adding: Self.edit, now: 0)
    retry.failed(EngineError("the support library did not build"), waitForEdit: true, now: 0)
    #expect(retry.due(adding: .init(), now: 100) == nil)
    let next = SourceWatcher.Changes(chapters: ["chapters/03-y.md"], library: false)
    #expect(retry.due(adding: next, now: 101)?.chapters == ["chapters/02-x.md", "chapters/03-y.md"])
  }

  @Test func aRebuildThatWorkedLeavesNothingPending() {
    var retry = RebuildRetry()
    _ = retry.due(adding: Self.edit, now: 0)
    retry.succeeded()
    #expect(retry.due(adding: .init(), now: 100) == nil)
  }
}
