import CChildProcess
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A child process run to completion with its output captured in files, in its own process
/// group so a timeout can kill it and everything it started. A keeper process leads the group
/// (see `companion_spawn_guarded`): it ends the group when the program ends, and when the engine
/// dies, even by `kill -9`, so nothing a run started outlives it.
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
      .appendingPathComponent("\(RunFolders.scratchPrefix)\(getpid())-\(UUID().uuidString)")
    try RunFolders.shared.create(scratch)
    defer { RunFolders.shared.remove(scratch) }
    let outPath = scratch.appendingPathComponent("stdout").path
    let errPath = scratch.appendingPathComponent("stderr").path

    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    let envStrings = env.map { "\($0.key)=\($0.value)" }.sorted()
    let argv = [executable] + arguments

    let start = Subprocess.now()
    var spawnErrno: Int32 = 0
    let lifeline = Lifeline.shared
    let pid = withCStrings(argv) { argvPointers in
      withCStrings(envStrings) { envPointers in
        companion_spawn_guarded(
          executable, argvPointers, envPointers, outPath, errPath, lifeline.readEnd,
          lifeline.writeEnd, &spawnErrno)
      }
    }
    guard pid > 0 else {
      throw EngineError("cannot run \(executable): \(String(cString: strerror(spawnErrno)))")
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
