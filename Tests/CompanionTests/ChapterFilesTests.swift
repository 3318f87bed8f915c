import Foundation
import Testing

/// What is a chapter: every `*.md` file of the chapters folder that is not hidden; one that cannot
/// be read fails alone.
@Suite struct ChapterFilesTests {
  /// A workspace holding 01-passing.md beside an editor's lock file, a hidden file, a folder
  /// named like a chapter and a symbolic link in a loop.
  static func cluttered() throws -> URL {
    let folder = try CompanionRunner.workspace(with: ["01-passing.md"])
    let chapters = folder.appendingPathComponent("chapters")
    let manager = FileManager.default
    // Emacs's lock file: a symbolic link to a name that does not exist.
    try manager.createSymbolicLink(
      atPath: chapters.appendingPathComponent(".#01-passing.md").path, withDestinationPath: "user@host.1234:1"
    )
    try Data("not a chapter\n".utf8).write(to: chapters.appendingPathComponent(".notes.md"))
    try manager.createDirectory(
      at: chapters.appendingPathComponent("drafts.md"), withIntermediateDirectories: true)
    try manager.createSymbolicLink(
      atPath: chapters.appendingPathComponent("02-loop.md").path, withDestinationPath: "02-loop.md")
    return folder
  }

  @Test func hiddenFilesLockFilesAndFoldersAreNotChapters() throws {
    let folder = try Self.cluttered()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["build"], in: folder)
    let site = folder.appendingPathComponent("site")
    #expect(
      FileManager.default.fileExists(atPath: site.appendingPathComponent("01-passing.html").path),
      "\(outcome.all)")
    let pages = try FileManager.default.contentsOfDirectory(atPath: site.path).filter {
      $0.hasSuffix(".html")
    }
    #expect(Set(pages) == ["index.html", "01-passing.html", "02-loop.html"], "\(pages)")
  }

  @Test func aChapterFileThatCannotBeReadFailsAlone() throws {
    let folder = try Self.cluttered()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["build"], in: folder)
    #expect(outcome.status == 1)
    #expect(
      outcome.stderr.contains("chapters/02-loop.md:1: error: cannot read the chapter file"), "\(outcome.all)")
    #expect(outcome.stdout.contains("01-passing"), "\(outcome.all)")
    let page = try String(
      contentsOf: folder.appendingPathComponent("site/02-loop.html"), encoding: .utf8)
    #expect(page.contains("cannot read the chapter file"))
  }
}
