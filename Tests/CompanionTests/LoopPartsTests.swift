import Foundation
import Testing

@testable import Notebook

/// The parts that make the authoring loop fast and bounded: the support-library stamp, the run
/// cache's pruning, the page cut of long outputs, the served paths.
@Suite struct LoopPartsTests {
  /// A fresh temporary folder.
  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("companion-parts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func supportLibraryIsNotRebuiltWhenItsStampMatches() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("// manifest\n".utf8).write(to: folder.appendingPathComponent("Package.swift"))
    let support = folder.appendingPathComponent("support")
    // `false` as the build tool: any attempt to build fails, so a skipped build is visible.
    let toolchain = Toolchain(
      packageRoot: folder, supportDirectory: support, swift: "/bin/false", swiftc: "/bin/false")
    #expect(throws: EngineError.self) {
      try toolchain.prepareSupportLibrary(fingerprint: "A", compilerVersion: "swift 6")
    }
    try FileManager.default.createDirectory(at: toolchain.releaseDirectory, withIntermediateDirectories: true)
    try Data().write(to: toolchain.releaseDirectory.appendingPathComponent("libChapterSupport.so"))
    let stamp = toolchain.supportStamp(fingerprint: "A", compilerVersion: "swift 6")
    try Data(toolchain.supportRecord(stamp).utf8).write(to: toolchain.supportStampFile)
    #expect(try toolchain.prepareSupportLibrary(fingerprint: "A", compilerVersion: "swift 6") == false)
    // Another library source, compiler or manifest means building again.
    #expect(throws: EngineError.self) {
      try toolchain.prepareSupportLibrary(fingerprint: "B", compilerVersion: "swift 6")
    }
    try Data(toolchain.supportRecord(stamp).utf8).write(to: toolchain.supportStampFile)
    #expect(throws: EngineError.self) {
      try toolchain.prepareSupportLibrary(fingerprint: "A", compilerVersion: "swift 7")
    }
    try Data(toolchain.supportRecord(stamp).utf8).write(to: toolchain.supportStampFile)
    try Data("// other flags\n".utf8).write(to: folder.appendingPathComponent("Package.swift"))
    #expect(throws: EngineError.self) {
      try toolchain.prepareSupportLibrary(fingerprint: "A", compilerVersion: "swift 6")
    }
  }

  @Test func cacheKeepsOnlyRunsThatChaptersOnDiskUse() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = ResultCache(directory: folder.appendingPathComponent("cache"))
    let run = ChapterRun(status: .completed, cells: [], published: [:], compileSeconds: 0, runSeconds: 0)
    let kept = folder.appendingPathComponent("kept.md")
    let deleted = folder.appendingPathComponent("deleted.md")
    try Data("# kept\n".utf8).write(to: kept)
    try Data("# deleted\n".utf8).write(to: deleted)
    // A hundred edits of one chapter's cells, then its current run; a chapter since deleted.
    for edit in 0..<100 { cache.store(run, key: "old-\(edit)") }
    cache.store(run, key: "current")
    cache.claim(key: "current", forChapterAt: kept.path)
    cache.store(run, key: "of-deleted")
    cache.claim(key: "of-deleted", forChapterAt: deleted.path)
    try FileManager.default.removeItem(at: deleted)
    // Past the grace period that protects a build storing runs at the same moment.
    cache.prune(grace: -1)
    let left = try FileManager.default.contentsOfDirectory(atPath: cache.directory.path)
      .filter { $0.hasSuffix(".json") }
    #expect(left == ["current.json"])
    #expect(cache.load(key: "current") == run)
    let slots = try FileManager.default.contentsOfDirectory(atPath: cache.slotsDirectory.path)
    #expect(slots.count == 1)
  }

  @Test func recentRunsSurvivePruningWithinTheGracePeriod() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = ResultCache(directory: folder)
    let run = ChapterRun(status: .completed, cells: [], published: [:], compileSeconds: 0, runSeconds: 0)
    cache.store(run, key: "being-written")
    cache.prune()
    #expect(cache.load(key: "being-written") != nil)
  }

  @Test func longOutputIsCutOnThePageButCheckedWhole() throws {
    let lines = (0..<5_000).map { "line \($0)" }
    let output = ChapterRun.CellOutput(text: lines.joined(separator: "\n") + "\n", ran: true)
    let shown = OutputCut().cut(output)
    #expect(shown.text.hasPrefix("line 0\nline 1\n"))
    #expect(shown.text.contains("line 999\n"))
    #expect(!shown.text.contains("line 1000\n"))
    #expect(
      shown.text.hasSuffix("[4000 more lines (40 KB) not shown; the check compared the whole output]\n"))
    #expect(OutputCut().cut(ChapterRun.CellOutput(text: "short\n")) == ChapterRun.CellOutput(text: "short\n"))
    // The check compares the whole text: a difference on the last line is found.
    let source =
      "# Long\n\n```swift\nprint(1)\n```\n\n```output\n" + lines.dropLast().joined(separator: "\n")
      + "\nline 4998 but not 4999\n```\n"
    let chapter = Chapter(path: "long.md", source: source)
    let run = ChapterRun(
      status: .completed, cells: [output], published: [:], compileSeconds: 0, runSeconds: 0)
    let check = ChapterCheck(chapter: chapter, run: run)
    #expect(check.verdicts == [.differs])
    // A diff of thousands of lines says where they part instead of listing them all.
    let detail = try #require(check.diagnostics.first?.detail)
    #expect(detail.hasPrefix("expected 5000 lines, got 5000; the first difference is at line 5000\n"))
    #expect(detail.hasSuffix("  ... 4999 matching lines\n- line 4998 but not 4999\n+ line 4999"))
  }

  @Test func firstInvalidByteIsFoundAtItsLineAndColumn() {
    let bytes = Array("ok\nstill ok é\n".utf8) + [0x66, 0x6f, 0xff, 0x6f]
    let found = ChapterLoading.firstInvalidByte(bytes)
    #expect(found.line == 3 && found.column == 3 && found.byte == 0xff)
    let chapter = ChapterLoading.chapter(path: "bad.md", data: Data(bytes))
    #expect(chapter.source.isEmpty)
    #expect(
      chapter.diagnostics.map(\.description) == [
        "bad.md:3:3: error: not valid UTF-8 (byte 0xFF); the chapter is not read until it is saved as UTF-8"
      ])
  }

  @Test func servedPathsStayUnderTheSiteFolder() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let site = folder.appendingPathComponent("site")
    try FileManager.default.createDirectory(
      at: site.appendingPathComponent("assets"), withIntermediateDirectories: true)
    try Data("<p>index</p>".utf8).write(to: site.appendingPathComponent("index.html"))
    try Data("body {}".utf8).write(to: site.appendingPathComponent("assets/style.css"))
    try Data("secret".utf8).write(to: folder.appendingPathComponent("secret.txt"))
    try Data("marker".utf8).write(to: site.appendingPathComponent(".companion-site"))
    try FileManager.default.createSymbolicLink(
      at: site.appendingPathComponent("link.txt"),
      withDestinationURL: folder.appendingPathComponent("secret.txt"))
    let root = SiteDestination.canonical(site)
    #expect(PreviewServer.resolve("/", root: root)?.lastPathComponent == "index.html")
    #expect(PreviewServer.resolve("/assets/style.css", root: root)?.lastPathComponent == "style.css")
    for escape in [
      "/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/.companion-site",
      "/link.txt", "/assets/%2e%2e%5csecret.txt", "/missing.html", "/assets",
    ] {
      #expect(PreviewServer.resolve(escape, root: root) == nil, "\(escape)")
    }
  }

  @Test func servedPagesCarryTheReloadScriptWithTheirVersion() {
    let html = Data("<html><body><p>x</p></body></html>\n".utf8)
    let served = String(decoding: LiveReload.inject(into: html, page: "a.html"), as: UTF8.self)
    let tag =
      "<script src=\"/__companion/live-reload.js\" data-page=\"a.html\" "
      + "data-version=\"\(LiveReload.version(of: html))\"></script>\n"
    #expect(served == "<html><body><p>x</p>\(tag)</body></html>\n")
  }
}
