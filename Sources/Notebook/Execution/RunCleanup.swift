import CChildProcess
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The pipe whose write end only the engine holds: every keeper of a chapter run watches the
/// read end and ends its process group when the engine is gone (see `Subprocess`).
final class Lifeline: Sendable {
  static let shared = Lifeline()
  let readEnd: Int32
  let writeEnd: Int32

  private init() {
    var ends: [Int32] = [-1, -1]
    if companion_lifeline(&ends) != 0 { ends = [-1, -1] }
    readEnd = ends[0]
    writeEnd = ends[1]
  }
}

/// The process groups of the children running now, so that stopping the engine (Ctrl-C or
/// SIGTERM) stops them too: each child leads its own group, out of reach of the terminal's
/// signal.
final class RunningChildren: @unchecked Sendable {
  static let shared = RunningChildren()
  private let lock = NSLock()
  private var groups: Set<pid_t> = []

  func insert(_ pid: pid_t) { lock.withLock { _ = groups.insert(pid) } }

  func remove(_ pid: pid_t) { lock.withLock { _ = groups.remove(pid) } }

  /// Kills every running child and everything it started.
  func killAll() {
    for group in lock.withLock({ groups }) { kill(-group, SIGKILL) }
  }
}

/// The folders runs work in (a chapter's program folder, a child's scratch folder): removed when
/// the run ends, when the engine is stopped by a signal, and, for an engine that was killed
/// outright, by the next engine that finds them (their names carry the pid that made them).
final class RunFolders: @unchecked Sendable {
  static let shared = RunFolders()
  /// The start of a scratch folder's name in the temporary folder: `companion-<pid>-<uuid>`.
  static let scratchPrefix = "companion-"
  private let lock = NSLock()
  private var folders: Set<String> = []

  /// Creates `folder` and remembers it until `remove`.
  func create(_ folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    lock.withLock { _ = folders.insert(folder.path) }
  }

  /// Removes `folder` and forgets it.
  func remove(_ folder: URL) {
    try? FileManager.default.removeItem(at: folder)
    lock.withLock { _ = folders.remove(folder.path) }
  }

  /// Removes every folder still in use (the engine is stopping).
  func removeAll() {
    for path in lock.withLock({ folders }) { try? FileManager.default.removeItem(atPath: path) }
  }

  /// Removes the folders in `parent` left by engines that are gone: each name's `pid` part (the
  /// one before the last `-`) names a process that no longer exists. `prefix` limits it to
  /// names that start so.
  static func removeLeftovers(in parent: URL, prefix: String = "") {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
    for name in names where name.hasPrefix(prefix) {
      guard let pid = owner(of: String(name.dropFirst(prefix.count))), !isAlive(pid) else { continue }
      try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
    }
  }

  /// Removes the scratch folders of dead engines from the temporary folder.
  static func removeScratchLeftovers() {
    removeLeftovers(in: FileManager.default.temporaryDirectory, prefix: scratchPrefix)
  }

  /// Removes the staging and retired copies of the site `folder` (`.site.new-<pid>`,
  /// `.site.old-<pid>` beside it) left by engines that are gone.
  static func removeStagingLeftovers(of folder: URL) {
    let parent = folder.deletingLastPathComponent()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
    for kind in ["new", "old"] {
      let prefix = ".\(folder.lastPathComponent).\(kind)-"
      for name in names where name.hasPrefix(prefix) {
        guard let pid = pid_t(name.dropFirst(prefix.count)), !isAlive(pid) else { continue }
        try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
      }
    }
  }

  /// The pid in `name` (`<anything>-<pid>-<hex>` or `<pid>-<uuid>`), if it has one.
  static func owner(of name: String) -> pid_t? {
    let parts = name.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count >= 2, let pid = pid_t(parts[parts.count - 2]), parts.last!.count == 8 { return pid }
    // A scratch folder: `<pid>-<UUID>`, the UUID holding dashes of its own.
    if parts.count == 6, let pid = pid_t(parts[0]),
      UUID(uuidString: parts[1...].joined(separator: "-")) != nil
    {
      return pid
    }
    return nil
  }

  /// Whether a process `pid` exists.
  static func isAlive(_ pid: pid_t) -> Bool {
    pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
  }
}

/// Ctrl-C (or SIGTERM) stops the engine at once and cleanly: every chapter program and nested
/// build it started is killed with its process group, their folders are removed, then it exits.
/// Pages are only ever replaced by renaming finished files, so none is left half written.
enum StopSignal {
  private static let sources = SignalSources()

  /// Installs the handlers (once); Ctrl-C exits with `interruptStatus`, SIGTERM with 143.
  static func install(interruptStatus: Int32) {
    sources.install(interruptStatus: interruptStatus)
  }
}

/// The dispatch sources of `StopSignal`, kept alive for the process's life.
private final class SignalSources: @unchecked Sendable {
  private let lock = NSLock()
  private var sources: [DispatchSourceSignal] = []

  func install(interruptStatus: Int32) {
    lock.withLock {
      guard sources.isEmpty else { return }
      for number in [SIGINT, SIGTERM] {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler {
          RunningChildren.shared.killAll()
          RunFolders.shared.removeAll()
          Console.out("\nstopped")
          exit(number == SIGINT ? interruptStatus : 143)
        }
        source.resume()
        sources.append(source)
      }
    }
  }
}
