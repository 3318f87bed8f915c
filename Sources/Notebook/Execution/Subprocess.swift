import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A child process run to completion with its output captured in files, in its own process
/// group so a timeout can kill it and everything it started.
struct Subprocess: Sendable {
  /// How a child ended.
  enum Termination: Sendable, Equatable {
    case exited(Int32)
    case signaled(Int32)
    case timedOut
    /// Stopped because its standard output grew past `outputLimit`.
    case outputLimitReached
  }

  /// The result of a run.
  struct Result: Sendable {
    var termination: Termination
    var stdout: Data
    var stderr: Data
    var seconds: Double
    /// CPU seconds (user and system) of the child and the children it waited for: what the run
    /// cost, whatever else the machine was doing.
    var cpuSeconds: Double = 0

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    var succeeded: Bool { termination == .exited(0) }
  }

  /// The executable path.
  var executable: String
  /// The arguments (without the executable).
  var arguments: [String]
  /// Variables added to (or replacing those of) the current environment.
  var environment: [String: String] = [:]
  /// Seconds before the process group is killed, or nil for no limit.
  var timeout: Double? = nil
  /// Bytes of standard output after which the process group is killed, or nil for no limit.
  var outputLimit: Int? = nil

  /// Runs the process and waits for it.
  func run() throws -> Result {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("companion-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outPath = scratch.appendingPathComponent("stdout").path
    let errPath = scratch.appendingPathComponent("stderr").path

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)

    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    let envStrings = env.map { "\($0.key)=\($0.value)" }.sorted()
    let argv = [executable] + arguments

    let start = Subprocess.now()
    var pid: pid_t = 0
    let status = withCStrings(argv) { argvPointers in
      withCStrings(envStrings) { envPointers in
        posix_spawn(&pid, executable, &actions, &attributes, argvPointers, envPointers)
      }
    }
    guard status == 0 else {
      throw EngineError("cannot run \(executable): \(String(cString: strerror(status)))")
    }
    RunningChildren.shared.insert(pid)
    defer { RunningChildren.shared.remove(pid) }

    var waitStatus: Int32 = 0
    var usage = rusage()
    var termination: Termination? = nil
    var delay: useconds_t = 1_000
    while termination == nil {
      let result = wait4(pid, &waitStatus, WNOHANG, &usage)
      if result == pid {
        let signal = waitStatus & 0x7f
        termination = signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signaled(signal)
      } else if result < 0 && errno != EINTR {
        termination = .exited(-1)
      } else if let timeout, Subprocess.now() - start > timeout {
        kill(-pid, SIGKILL)
        _ = wait4(pid, &waitStatus, 0, &usage)
        termination = .timedOut
      } else if let outputLimit, Subprocess.fileSize(outPath) > outputLimit {
        kill(-pid, SIGKILL)
        _ = wait4(pid, &waitStatus, 0, &usage)
        termination = .outputLimitReached
      } else {
        usleep(delay)
        delay = min(delay * 2, 20_000)
      }
    }
    let seconds = Subprocess.now() - start
    let stdout = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
    let stderr = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
    func cpu(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return Result(
      termination: termination!, stdout: stdout, stderr: stderr, seconds: seconds,
      cpuSeconds: cpu(usage.ru_utime) + cpu(usage.ru_stime))
  }

  /// The size of the file at `path` (0 if there is none).
  static func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }

  /// Monotonic seconds.
  static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}

/// The process groups of the children running now, so that stopping the engine (Ctrl-C in
/// `serve`) stops them too: each child leads its own group, out of reach of the terminal's
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

/// Calls `body` with a NULL-terminated C array of the strings.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
  var pointers = strings.map { strdup($0) }
  pointers.append(nil)
  defer { for pointer in pointers { free(pointer) } }
  return body(pointers)
}

/// A failure of the engine itself (not of a chapter): a missing tool, an unwritable folder.
public struct EngineError: Error, CustomStringConvertible, Sendable {
  /// What went wrong, naming the file or step.
  public var description: String
  /// Creates an error with a message.
  public init(_ description: String) { self.description = description }
}
