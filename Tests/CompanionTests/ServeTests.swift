import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `companion serve` end to end: a real server on a free port over a temporary copy of chapters.
@Suite struct ServeTests {
  @Test func servesRebuildsOnSaveSignalsReloadAndStopsOnInterrupt() async throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md", "06-script-output.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let server = try ServedCompanion(in: folder)
    defer { server.stop() }
    let base = try server.waitForURL()
    #expect(base.hasPrefix("http://127.0.0.1:"), "\(server.output)")

    let page = try await fetch(base + "01-passing.html")
    #expect(page.status == 200)
    #expect(page.text.contains("The mean is"))
    let version = try #require(
      page.text.firstMatch(of: /data-page="01-passing.html" data-version="([0-9a-f]+)"/)?.1)
    // Nothing outside the site folder, however the path is spelled.
    for escape in ["%2e%2e/Package.swift", "..%2fchapters/01-passing.md", "%2e%2e/chapters/01-passing.md"] {
      #expect(try await fetch(base + escape).status == 404, "\(escape)")
    }
    #expect(try await fetch(base + ".companion-site").status == 404)

    // Ask whether the page changed, then change it.
    async let answer = fetch(base + "__companion/wait?page=01-passing.html&version=\(version)")
    try await Task.sleep(nanoseconds: 300_000_000)
    let chapter = folder.appendingPathComponent("chapters/01-passing.md")
    let source = try String(contentsOf: chapter, encoding: .utf8)
    try (source + "\nA sentence written while the preview runs.\n").write(
      to: chapter, atomically: true, encoding: .utf8)
    let started = Date()
    let signal = try await answer
    #expect(signal.text.trimmingCharacters(in: .whitespacesAndNewlines) == "reload", "\(server.output)")
    #expect(Date().timeIntervalSince(started) < 15)
    let updated = try await fetch(base + "01-passing.html")
    #expect(updated.text.contains("A sentence written while the preview runs."))
    // The site on disk has no live-reload script: only served pages get it.
    let onDisk = try String(
      contentsOf: folder.appendingPathComponent("site/01-passing.html"), encoding: .utf8)
    #expect(onDisk.contains("A sentence written while the preview runs."))
    #expect(!onDisk.contains("__companion"))

    let status = server.interrupt()
    #expect(status == 0, "\(server.output)")
    #expect(server.output.contains("stopped"))
  }

  @Test func aPortInUseIsSaidBeforeAnyChapterRuns() throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let taken = try ServedCompanion(in: folder)
    defer { taken.stop() }
    let base = try taken.waitForURL()
    let port = try #require(base.firstMatch(of: /:([0-9]+)\//)?.1)
    let second = try CompanionRunner.run(["serve", "--port", String(port), "--output", "site2"], in: folder)
    #expect(second.status == 1)
    #expect(second.stderr.contains("cannot listen on 127.0.0.1:\(port)"), "\(second.all)")
    #expect(!second.stdout.contains("01-passing"), "\(second.all)")
  }

  @Test func runningOutOfDescriptorsIsSaidAndServingGoesOn() throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let server = try ServedCompanion(in: folder)
    defer { server.stop() }
    let base = try server.waitForURL()
    let portText = try #require(base.firstMatch(of: /:([0-9]+)\//)?.1)
    let port = try #require(UInt16(portText))
    // The serving process may open 64 descriptors from now on (util-linux's prlimit).
    let lower = Process()
    lower.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
    lower.arguments = ["--pid", String(server.process.processIdentifier), "--nofile=64:64"]
    try lower.run()
    lower.waitUntilExit()
    #expect(lower.terminationStatus == 0)
    let idle = try (0..<100).map { _ in try RawConnection(port: port, seconds: 5) }
    let answer = try RawConnection.request(port: port, "/01-passing.html", seconds: 10)
    #expect(answer.hasPrefix("HTTP/1.1 200 "), "\(server.output)")
    let said = "closing the connections that wait longest"
    for _ in 0..<50 where !server.output.contains(said) { Thread.sleep(forTimeInterval: 0.1) }
    #expect(server.output.contains(said), "\(server.output)")
    #expect(idle.count == 100)
  }

  @Test func anEditSavedBesideAnEditorsLockFileReachesThePage() async throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let server = try ServedCompanion(in: folder)
    defer { server.stop() }
    let base = try server.waitForURL()
    let chapters = folder.appendingPathComponent("chapters")
    // Emacs makes the lock, a link to a name that does not exist, as the edit begins.
    try FileManager.default.createSymbolicLink(
      atPath: chapters.appendingPathComponent(".#01-passing.md").path, withDestinationPath: "user@host.1:1")
    let chapter = chapters.appendingPathComponent("01-passing.md")
    let source = try String(contentsOf: chapter, encoding: .utf8)
    try (source + "\nA sentence saved beside a lock file.\n").write(
      to: chapter, atomically: true, encoding: .utf8)
    var page = ""
    for _ in 0..<100 where !page.contains("A sentence saved beside a lock file.") {
      try await Task.sleep(nanoseconds: 200_000_000)
      page = try await fetch(base + "01-passing.html").text
    }
    #expect(page.contains("A sentence saved beside a lock file."), "\(server.output)")
  }

  /// GETs `url`: the status and the body as text.
  func fetch(_ url: String) async throws -> (status: Int, text: String) {
    let request = URLRequest(url: try #require(URL(string: url)), timeoutInterval: 30)
    return try await withCheckedThrowingContinuation { continuation in
      URLSession.shared.dataTask(with: request) { data, response, error in
        if let error {
          continuation.resume(throwing: error)
        } else {
          let status = (response as? HTTPURLResponse)?.statusCode ?? 0
          continuation.resume(returning: (status, String(decoding: data ?? Data(), as: UTF8.self)))
        }
      }.resume()
    }
  }
}

/// A `companion serve --port 0` running in a folder, its output collected as it comes.
final class ServedCompanion: @unchecked Sendable {
  let process = Process()
  private let lock = NSLock()
  private var collected = ""

  init(in folder: URL, arguments: [String] = ["serve", "--port", "0"]) throws {
    process.executableURL = CompanionRunner.executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let data = handle.availableData
      guard let self, !data.isEmpty else { return }
      self.lock.withLock { self.collected += String(decoding: data, as: UTF8.self) }
    }
    try process.run()
  }

  /// Everything printed so far.
  var output: String { lock.withLock { collected } }

  /// The URL it prints once it serves (the first build may build the support library).
  func waitForURL(seconds: Double = 600) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline && process.isRunning {
      if let match = output.firstMatch(of: /at (http:\/\/[0-9.]+:[0-9]+\/)/) { return String(match.1) }
      Thread.sleep(forTimeInterval: 0.1)
    }
    throw ServeTestError(description: "serve printed no URL:\n\(output)")
  }

  /// Sends Ctrl-C's signal and waits (at most 10 s) for the exit status.
  func interrupt() -> Int32? {
    process.interrupt()
    let deadline = Date().addingTimeInterval(10)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    return process.isRunning ? nil : process.terminationStatus
  }

  /// Ends the process if a failed expectation left it running.
  func stop() {
    if process.isRunning { process.terminate() }
  }
}

struct ServeTestError: Error, CustomStringConvertible {
  var description: String
}
