import Foundation
import Testing

/// Every `companion` command that README.md and docs/authoring.md show in a ```sh block runs and
/// succeeds, and every chapter file a command names exists, so the documentation cannot drift
/// from the tool. The commands run in a temporary copy of the chapters they name (the rest of
/// the book is not needed to show that a command works), with the built `companion` standing in
/// for `swift run companion`.
@Suite(.serialized) struct DocumentedCommandsTests {
  /// The documents whose commands are run.
  static let documents = ["README.md", "docs/authoring.md"]

  /// A documented command line: where it is written, and its arguments after `companion`.
  struct Command: CustomStringConvertible {
    var document: String
    var line: Int
    var arguments: [String]
    var description: String { "\(document):\(line): companion \(arguments.joined(separator: " "))" }
  }

  /// The `swift run companion ...` lines of the ```sh blocks of `document`, comments removed.
  static func commands(in document: String) throws -> [Command] {
    let text = try String(
      contentsOf: CompanionRunner.packageRoot.appendingPathComponent(document), encoding: .utf8)
    var commands: [Command] = []
    var inShell = false
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("```") {
        inShell = !inShell && line == "```sh"
        continue
      }
      guard inShell else { continue }
      let code = line.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
      for part in code.components(separatedBy: "&&") {
        let words = part.split(separator: " ").map(String.init)
        if words.starts(with: ["swift", "run", "companion"]) {
          commands.append(Command(document: document, line: index + 1, arguments: Array(words.dropFirst(3))))
        }
      }
    }
    return commands
  }

  @Test func theDocumentsShowCompanionCommands() throws {
    let all = try Self.documents.flatMap { try Self.commands(in: $0) }
    #expect(all.count >= 4, "found only \(all)")
    #expect(all.contains { $0.arguments.first == "build" })
    #expect(all.contains { $0.arguments.first == "check" })
  }

  @Test(arguments: documents)
  func everyDocumentedCommandSucceeds(document: String) throws {
    for command in try Self.commands(in: document) {
      let named = command.arguments.filter { $0.hasSuffix(".md") }
      for path in named {
        #expect(
          FileManager.default.fileExists(
            atPath: CompanionRunner.packageRoot.appendingPathComponent(path).path),
          "\(command): \(path) does not exist")
      }
      let folder = try Self.workspace(chapters: named)
      defer { try? FileManager.default.removeItem(at: folder) }
      switch command.arguments.first {
      case "serve":
        // It runs until stopped: it must build, print its URL, and stop cleanly on Ctrl-C.
        let server = try ServedCompanion(in: folder, arguments: command.arguments)
        defer { server.stop() }
        _ = try server.waitForURL()
        #expect(server.interrupt() == 0, "\(command):\n\(server.output)")
      case "benchmark":
        // Its exit status says whether timing targets were met, which a test must not
        // assert; that the command exists and documents itself is checked here.
        let outcome = try CompanionRunner.run(["benchmark", "--help"], in: folder)
        #expect(outcome.status == 0, "\(command) --help exited \(outcome.status):\n\(outcome.all)")
      default:
        let outcome = try CompanionRunner.run(command.arguments, in: folder)
        #expect(outcome.status == 0, "\(command) exited \(outcome.status):\n\(outcome.all)")
      }
    }
  }

  /// A temporary folder whose `chapters/` holds copies of the named chapters of the book (or,
  /// when none is named, its shortest chapter, so that whole-book commands have one to run).
  static func workspace(chapters named: [String]) throws -> URL {
    let files = FileManager.default
    let folder = files.temporaryDirectory.appendingPathComponent("companion-docs-\(UUID().uuidString)")
    try files.createDirectory(
      at: folder.appendingPathComponent("chapters"), withIntermediateDirectories: true)
    var paths = named
    if paths.isEmpty {
      let book = CompanionRunner.packageRoot.appendingPathComponent("chapters")
      let sizes = try files.contentsOfDirectory(atPath: book.path).filter { $0.hasSuffix(".md") }
        .map {
          (
            $0,
            (try? files.attributesOfItem(atPath: book.appendingPathComponent($0).path)[.size] as? Int) ?? 0
          )
        }
      if let shortest = sizes.min(by: { $0.1 < $1.1 }) { paths = ["chapters/" + shortest.0] }
    }
    for path in paths {
      try files.copyItem(
        at: CompanionRunner.packageRoot.appendingPathComponent(path),
        to: folder.appendingPathComponent(path))
    }
    return folder
  }
}
