import Foundation
import Testing

@testable import Notebook

/// What a site may leak and where it may be written.
@Suite struct SiteSafetyTests {
  @Test func aDownloadNamesItsChapterWithoutTheBuildingMachinesPath() {
    let chapter = Chapter(
      path: "/home/someone/course/chapters/02-x.md", source: "# Two\n\n```swift\nprint(1)\n```\n")
    let source = ChapterDownload.source(for: chapter)
    #expect(!source.contains("/home/someone"), "\(source)")
    #expect(source.contains("(chapters/02-x.md)"))
    #expect(source.contains("// chapters/02-x.md:4"))
  }

  @Test func anOutputFolderThatIsASymbolicLinkIsRefusedAndKept() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("companion-test-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let real = folder.appendingPathComponent("real-site")
    try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
    let link = folder.appendingPathComponent("site")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
    #expect(throws: EngineError.self) { try SiteDestination.check(link.path, chapterFolders: []) }
    let kept = try FileManager.default.destinationOfSymbolicLink(atPath: link.path)
    #expect(kept == real.path)
  }
}
