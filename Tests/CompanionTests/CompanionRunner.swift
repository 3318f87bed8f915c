import Foundation

/// Runs the built `companion` executable in a folder and captures what it prints.
struct CompanionRunner {
  /// The result of one invocation.
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
    var all: String { stdout + stderr }
  }

  /// The `companion` executable next to the test bundle (`swift test` builds every product).
  static var executable: URL {
    let bundle = URL(
      fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(
        atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
    var folder = bundle.deletingLastPathComponent()
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent("companion")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        return candidate
      }
      folder = folder.deletingLastPathComponent()
    }
    return bundle.deletingLastPathComponent().appendingPathComponent("companion")
  }

  /// The package root (the folder holding Package.swift above this file).
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The fixture chapters.
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// Runs `companion arguments` with `directory` as the current folder, with `environment`
  /// added to (or replacing variables of) this process's environment.
  static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:])
    throws -> Outcome
  {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// A fresh temporary folder holding `chapters/` with the named fixtures.
  static func workspace(with fixtureNames: [String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("companion-test-\(UUID().uuidString)")
    let chapters = folder.appendingPathComponent("chapters")
    try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
    for name in fixtureNames {
      try FileManager.default.copyItem(
        at: fixtures.appendingPathComponent(name), to: chapters.appendingPathComponent(name))
    }
    return folder
  }
}
