import Foundation
import Testing

/// Builds that reuse runs and rendered pages write exactly what a build from nothing writes.
@Suite struct IncrementalBuildTests {
  /// Every file of the site at `folder`, by relative path.
  func files(_ folder: URL) throws -> [String: Data] {
    var found: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let path = enumerator?.nextObject() as? String {
      let url = folder.appendingPathComponent(path)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        found[path] = try Data(contentsOf: url)
      }
    }
    return found
  }

  @Test func reusedPagesAreTheBytesOfFreshOnesAndFollowTheirNeighbours() throws {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md", "06-script-output.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let caches = ["COMPANION_CACHE_DIR": folder.appendingPathComponent("caches").path]
    let site = folder.appendingPathComponent("site")
    #expect(try CompanionRunner.run(["build"], in: folder, environment: caches).status == 0)
    let first = try files(site)
    let warm = try CompanionRunner.run(["build"], in: folder, environment: caches)
    #expect(warm.stdout.contains("cached"), "\(warm.all)")
    #expect(!warm.stdout.contains(" ran "), "\(warm.all)")
    #expect(try files(site) == first)

    // A new title on the second chapter changes the first chapter's pager too.
    let second = folder.appendingPathComponent("chapters/06-script-output.md")
    let source = try String(contentsOf: second, encoding: .utf8)
    try source.replacingOccurrences(of: "# Output that looks like HTML", with: "# A retitled chapter")
      .write(to: second, atomically: true, encoding: .utf8)
    #expect(try CompanionRunner.run(["build"], in: folder, environment: caches).status == 0)
    let page = try String(contentsOf: site.appendingPathComponent("01-passing.html"), encoding: .utf8)
    #expect(page.contains("A retitled chapter →"))
    // And it is what a build with no cache at all writes.
    let fresh = folder.appendingPathComponent("fresh")
    #expect(
      try CompanionRunner.run(["build", "--no-cache", "--output", "fresh"], in: folder, environment: caches)
        .status == 0)
    #expect(try files(fresh) == files(site))
  }
}
