import Foundation

/// The changes `serve` still owes the pages. A rebuild that fails keeps its changes: they are
/// rebuilt with the next edit, or on their own after a wait that doubles from one second to a
/// minute (an editor's lock file or a full disk goes away without any chapter being saved), so
/// an edit made while a rebuild failed always reaches its page. A failure caused by the support
/// library waits for the next edit alone, since rebuilding it unchanged gives the same error.
struct RebuildRetry {
  private var pending = SourceWatcher.Changes()
  private var retryAt: Double? = nil
  private var delay = 1.0
  private var waitForEdit = false
  private var lastError: String? = nil

  /// The changes to rebuild now, with `fresh` (the watcher's latest look) added; nil when
  /// there is nothing to do yet.
  mutating func due(adding fresh: SourceWatcher.Changes, now: Double = Subprocess.now()) -> SourceWatcher
    .Changes?
  {
    pending.chapters.formUnion(fresh.chapters)
    pending.library = pending.library || fresh.library
    guard !pending.isEmpty else { return nil }
    if !fresh.isEmpty { return pending }
    guard let retryAt, !waitForEdit, now >= retryAt else { return nil }
    return pending
  }

  /// The rebuild of the pending changes worked.
  mutating func succeeded() {
    if lastError != nil { Console.out("the rebuild works again") }
    self = RebuildRetry()
  }

  /// The rebuild failed with `error`: said once (until it changes), retried later.
  mutating func failed(_ error: any Error, waitForEdit: Bool, now: Double = Subprocess.now()) {
    let message = String(describing: error)
    if message != lastError {
      Console.error("error: \(message)")
      Console.error(
        waitForEdit
          ? "(rebuilt with the next saved change)"
          : "(tried again until it works, and with every saved change)")
    }
    lastError = message
    self.waitForEdit = waitForEdit
    retryAt = now + delay
    delay = min(delay * 2, 60)
  }
}
