import Foundation
import Testing

@testable import Notebook

/// A support library whose files changed since its build is built again, never used as it is.
@Suite struct SupportLibraryStampTests {
  @Test func aTruncatedSupportLibraryIsBuiltAgain() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("companion-parts-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("// manifest\n".utf8).write(to: folder.appendingPathComponent("Package.swift"))
    // `false` as the build tool: any attempt to build fails, so an attempted build is visible.
    let toolchain = Toolchain(
      packageRoot: folder, supportDirectory: folder.appendingPathComponent("support"), swift: "/bin/false",
      swiftc: "/bin/false")
    let library = toolchain.releaseDirectory.appendingPathComponent("libChapterSupport.so")
    try FileManager.default.createDirectory(at: toolchain.releaseDirectory, withIntermediateDirectories: true)
    try Data(repeating: 7, count: 4_096).write(to: library)
    let stamp = toolchain.supportStamp(fingerprint: "A", compilerVersion: "swift 6")
    try Data(toolchain.supportRecord(stamp).utf8).write(to: toolchain.supportStampFile)
    #expect(try toolchain.prepareSupportLibrary(fingerprint: "A", compilerVersion: "swift 6") == false)
    try Data(repeating: 7, count: 1_000).write(to: library)
    #expect(throws: EngineError.self) {
      try toolchain.prepareSupportLibrary(fingerprint: "A", compilerVersion: "swift 6")
    }
    // The damaged file is gone, so even a failed build leaves nothing to take for a good one.
    #expect(!FileManager.default.fileExists(atPath: library.path))
  }
}
