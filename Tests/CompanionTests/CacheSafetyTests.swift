import Foundation
import Testing

/// The cache stores only runs known to be complete and never uses a damaged entry. Each test has
/// a cache folder of its own (`COMPANION_CACHE_DIR`).
@Suite struct CacheSafetyTests {
  /// A workspace with `fixtures` and the environment giving it its own cache folder.
  static func workspace(_ fixtures: [String]) throws -> (URL, [String: String]) {
    let folder = try CompanionRunner.workspace(with: fixtures)
    return (folder, ["COMPANION_CACHE_DIR": folder.appendingPathComponent("cache").path])
  }

  @Test func aRunWhoseOutputMetAFullDiskIsReportedAndNotStored() throws {
    let (folder, environment) = try Self.workspace(["17-output-to-full-disk.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try CompanionRunner.run(["check"], in: folder, environment: environment)
    #expect(first.status == 1)
    #expect(first.stdout.contains("cut short"), "\(first.all)")
    #expect(
      first.stderr.contains("chapters/17-output-to-full-disk.md:4: error: the chapter program's output ends"))
    let second = try CompanionRunner.run(["check"], in: folder, environment: environment)
    #expect(!second.stdout.contains("cached"), "\(second.all)")
  }

  @Test func aStoredRunChangedOnDiskIsRunAgain() throws {
    let (folder, environment) = try Self.workspace(["01-passing.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try CompanionRunner.run(["check"], in: folder, environment: environment).status == 0)
    let runs = folder.appendingPathComponent("cache/runs")
    for name in try FileManager.default.contentsOfDirectory(atPath: runs.path) where name.hasSuffix(".json") {
      let file = runs.appendingPathComponent(name)
      let text = try String(contentsOf: file, encoding: .utf8)
      try text.replacingOccurrences(of: "mean 2.5", with: "mean 9.5").write(
        to: file, atomically: true, encoding: .utf8)
    }
    let second = try CompanionRunner.run(["check"], in: folder, environment: environment)
    #expect(second.status == 0, "\(second.all)")
    #expect(second.stdout.contains("01-passing  ran"), "\(second.all)")
  }

  @Test func aTruncatedStoredPageIsRenderedAgain() throws {
    let (folder, environment) = try Self.workspace(["01-passing.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try CompanionRunner.run(["build"], in: folder, environment: environment).status == 0)
    let page = folder.appendingPathComponent("site/01-passing.html")
    let complete = try Data(contentsOf: page)
    let pages = folder.appendingPathComponent("cache/pages")
    for name in try FileManager.default.contentsOfDirectory(atPath: pages.path) where name.hasSuffix(".html")
    {
      let file = pages.appendingPathComponent(name)
      let data = try Data(contentsOf: file)
      try data.prefix(data.count / 2).write(to: file)
    }
    #expect(try CompanionRunner.run(["build"], in: folder, environment: environment).status == 0)
    #expect(try Data(contentsOf: page) == complete)
  }

  @Test func noCacheSaysWhatItDoes() throws {
    let (folder, environment) = try Self.workspace(["01-passing.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["check", "--no-cache"], in: folder, environment: environment)
    #expect(outcome.stdout.contains("--no-cache: every chapter runs afresh"), "\(outcome.all)")
    #expect(outcome.stdout.contains(folder.appendingPathComponent("cache").path))
  }
}
