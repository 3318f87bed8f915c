import ArgumentParser
import Foundation
import Notebook

/// The course companion: runs the chapters' Swift cells, checks their outputs, writes the site.
@main
struct CompanionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "companion",
    abstract: "Run, check and publish the chapters of the course companion.",
    version: "0.2.0",
    subcommands: [Build.self, Check.self],
    defaultSubcommand: Build.self)
}

/// Options shared by `build` and `check`.
struct ChapterSelection: ParsableArguments {
  @Option(name: .long, help: "The folder of chapters (every *.md in it, in name order).")
  var chapters = "chapters"

  // `.unconditional`: `--timeout -1` is a bad number (said so below), not a missing value.
  @Option(
    name: .long, parsing: .unconditional,
    help: "Seconds each run of a chapter program may take before it is killed.")
  var timeout: Double = 60

  @Option(
    name: .long, parsing: .unconditional,
    help: "How many chapters compile and run at the same time (at least 1).")
  var jobs = 2

  @Flag(name: .long, help: "Run every chapter afresh: neither read nor write the cache.")
  var noCache = false

  @Flag(
    name: .long,
    help: "Fail on warnings too (an unterminated ``` fence, an unbalanced $ or $$), as CI should.")
  var warningsAsErrors = false

  @Argument(help: "Chapter files to process instead of the whole chapters folder.")
  var files: [String] = []

  func validate() throws {
    guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    for file in files where !file.hasSuffix(".md") {
      throw ValidationError(
        "'\(file)' is neither a command nor a chapter (commands: build, check; chapters are .md files)")
    }
  }

  var options: CompanionOptions {
    var options = CompanionOptions()
    options.files = files
    options.chaptersDirectory = chapters
    options.timeout = timeout
    options.jobs = jobs
    options.noCache = noCache
    options.warningsAsErrors = warningsAsErrors
    return options
  }
}

extension CompanionCommand {
  /// `companion build`.
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run and check the chapters, then write the HTML site.",
      discussion: """
        Cached runs are reused when a chapter's code has not changed. The site is written \
        atomically; failing cells are shown on their pages. Exits 1 if any chapter failed.
        """)

    @OptionGroup var selection: ChapterSelection

    @Option(
      name: .long,
      help: """
        The folder to write the site into, replaced as a whole: it must be absent, empty or a \
        site written before; any other folder (one holding other files, the chapters or a \
        folder containing them) is refused and left untouched.
        """)
    var output = "site"

    func run() throws {
      var options = selection.options
      options.outputDirectory = output
      let passed = try runEngine { try Companion.build(options) }
      if !passed { throw ExitCode.failure }
    }
  }

  /// `companion check`.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run the chapters and compare every cell's output with its ```output block.",
      discussion: "Writes nothing unless --bless is given. Exits 1 on any failure.")

    @OptionGroup var selection: ChapterSelection

    @Flag(
      name: .long, help: "Rewrite mismatching ```output blocks with the actual output and print what changed."
    )
    var bless = false

    func run() throws {
      var options = selection.options
      options.bless = bless
      let passed = try runEngine { try Companion.check(options) }
      if !passed { throw ExitCode.failure }
    }
  }
}

/// Runs the engine, turning engine failures into a one-line error and exit status 1.
func runEngine(_ body: () throws -> Bool) throws -> Bool {
  do {
    return try body()
  } catch let error as EngineError {
    FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
    throw ExitCode.failure
  }
}
