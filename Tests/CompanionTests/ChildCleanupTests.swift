import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Nothing a chapter run starts outlives `check` or `build`: not the chapter program, not what
/// it starts in the background, whether the engine is stopped by a signal or killed outright.
/// Each test waits at most a few minutes for the chapter to start (the support library may be
/// built first) and a few seconds for the processes to go.
@Suite(.serialized) struct ChildCleanupTests {
  /// A `companion` started on the background-child fixture, and the group of its chapter run
  /// once the run's background `sleep` is seen.
  struct StartedRun {
    let folder: URL
    let process = Process()
    /// The process group of the chapter run.
    var group: pid_t = 0
    /// The chapter program's folder.
    var programFolder = ""

    init(_ command: String) throws {
      folder = try CompanionRunner.workspace(with: ["15-background-child.md"])
      process.executableURL = CompanionRunner.executable
      process.arguments = [command, "--timeout", "600"]
      process.currentDirectoryURL = folder
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      let deadline = Date().addingTimeInterval(600)
      while Date() < deadline && process.isRunning {
        let processes = ProcessTable.live()
        // The run's group is led by a child of this companion; the sleep's parent, the shell, is gone.
        let runGroups = Set(processes.filter { $0.parent == process.processIdentifier }.map(\.pid))
        let sleeper = processes.first {
          $0.command.hasPrefix("/bin/sleep 3600.") && runGroups.contains($0.group)
        }
        if let sleeper,
          let program = processes.first(where: {
            $0.group == sleeper.group && $0.command.hasSuffix("/chapter")
          })
        {
          group = sleeper.group
          programFolder = URL(fileURLWithPath: program.command).deletingLastPathComponent().path
          return
        }
        Thread.sleep(forTimeInterval: 0.2)
      }
      process.terminate()
      throw ServeTestError(description: "the chapter never started its background process")
    }

    /// Whether every process of the run's group is gone within `seconds`.
    func groupEnds(within seconds: Double) -> Bool {
      let deadline = Date().addingTimeInterval(seconds)
      while Date() < deadline {
        if !ProcessTable.live().contains(where: { $0.group == group }) { return true }
        Thread.sleep(forTimeInterval: 0.1)
      }
      return false
    }

    /// Kills what is left (when an expectation failed) and removes the workspace.
    func cleanUp() {
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      if group > 0 && ProcessTable.live().contains(where: { $0.group == group }) { kill(-group, SIGKILL) }
      try? FileManager.default.removeItem(at: folder)
    }
  }

  @Test func killingCheckOutrightEndsTheChapterAndWhatItStarted() throws {
    let run = try StartedRun("check")
    defer { run.cleanUp() }
    kill(run.process.processIdentifier, SIGKILL)
    #expect(run.groupEnds(within: 5))
  }

  @Test func terminatingBuildEndsTheChapterAndRemovesItsFolder() throws {
    let run = try StartedRun("build")
    defer { run.cleanUp() }
    kill(run.process.processIdentifier, SIGTERM)
    #expect(run.groupEnds(within: 5))
    run.process.waitUntilExit()
    #expect(run.process.terminationStatus == 143)
    #expect(!FileManager.default.fileExists(atPath: run.programFolder))
  }

  @Test func aProgramsBackgroundProcessEndsWithTheProgram() throws {
    let folder = try CompanionRunner.workspace(with: ["16-background-exit.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["check", "--no-cache"], in: folder)
    #expect(outcome.status == 0, "\(outcome.all)")
    // The fixture's `sleep 3599.<program's pid>`: none may outlive its program.
    let left = ProcessTable.live().filter { $0.command.hasPrefix("/bin/sleep 3599.") }
    for entry in left where ProcessTable.isOrphanOfFinishedRun(entry) { kill(entry.pid, SIGKILL) }
    #expect(!left.contains(where: ProcessTable.isOrphanOfFinishedRun), "\(left)")
  }

  @Test func foldersLeftByAKilledRunAreRemovedByTheNext() throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let dead = ProcessTable.deadPID()
    let programs = CompanionRunner.supportDirectory.appendingPathComponent("programs")
    let program = programs.appendingPathComponent("01-passing-\(dead)-0123ABCD")
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("companion-\(dead)-\(UUID().uuidString)")
    let staging = folder.appendingPathComponent(".site.new-\(dead)")
    for leftover in [program, scratch, staging] {
      try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
    }
    let outcome = try CompanionRunner.run(["build"], in: folder)
    #expect(outcome.status == 0, "\(outcome.all)")
    for leftover in [program, scratch, staging] {
      #expect(!FileManager.default.fileExists(atPath: leftover.path), "\(leftover.path)")
    }
  }
}

/// What `/proc` says about the processes of this machine.
enum ProcessTable {
  struct Entry: CustomStringConvertible {
    var pid: pid_t
    var parent: pid_t
    var group: pid_t
    var command: String
    var description: String { "\(pid) (\(group)) \(command)" }
  }

  /// Every process that is not a zombie.
  static func live() -> [Entry] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return names.compactMap { name -> Entry? in
      guard let pid = pid_t(name),
        let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return nil }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      guard fields.count > 3, fields[0] != "Z", fields[0] != "X",
        let parent = pid_t(fields[1]), let group = pid_t(fields[2])
      else { return nil }
      let raw = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
      let command = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
      return Entry(pid: pid, parent: parent, group: group, command: command)
    }
  }

  /// Whether `entry`, a background `sleep 3600.<pid>` of the fixture, outlived its program: the
  /// pid it names is gone.
  static func isOrphanOfFinishedRun(_ entry: Entry) -> Bool {
    guard let named = entry.command.split(separator: ".").last.flatMap({ pid_t($0) }) else { return false }
    return kill(named, 0) != 0 && errno == ESRCH
  }

  /// A pid no process has.
  static func deadPID() -> pid_t {
    var pid: pid_t = 4_000_000
    while kill(pid, 0) == 0 || errno != ESRCH { pid -= 1 }
    return pid
  }
}

extension CompanionRunner {
  /// The support folder the `companion` under test uses: `companion` in its build folder.
  static var supportDirectory: URL {
    var folder = executable.deletingLastPathComponent()
    while folder.path != "/" && !folder.lastPathComponent.hasPrefix(".build") {
      folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("companion")
  }
}
