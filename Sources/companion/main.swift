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
    subcommands: [Build.self, Check.self, Serve.self, Benchmark.self, Exercises.self],
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
      let commands = ["build", "check", "serve", "benchmark", "exercises"]
      let nearest = commands.min { editDistance(file, $0) < editDistance(file, $1) }!
      let suggestion = editDistance(file, nearest) <= 2 ? " Did you mean '\(nearest)'?" : ""
      throw ValidationError(
        "'\(file)' is neither a command nor a chapter (commands: \(commands.joined(separator: ", ")); "
          + "chapters are .md files).\(suggestion)"
      )
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
        atomically; failing cells are shown on their pages. Exits 1 if any chapter failed. \
        Given chapter files and an earlier site, it runs only those chapters and updates their \
        pages and the index; the other chapters' pages come from their stored runs, or stay as \
        the earlier build wrote them when none is stored.
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

extension CompanionCommand {
  /// `companion serve`.
  struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build the site, serve it, and rebuild and reload open pages on every save.",
      discussion: """
        Watches the chapters and the library sources. A prose edit re-renders its page, an \
        edited cell reruns its chapter, a library edit rebuilds the support library and reruns \
        every chapter; open pages reload themselves, keeping their scroll position. Listens on \
        loopback unless --host says otherwise and serves only the files of the site folder. \
        Ctrl-C stops it.
        """)

    @OptionGroup var selection: ChapterSelection

    @Option(name: .long, help: "The site folder (as for build).")
    var output = "site"

    @Option(name: .long, help: "The port to listen on (0: any free port, printed).")
    var port: UInt16 = 8000

    @Option(
      name: .long,
      help: "The address to listen on. Anything but loopback lets other machines read the site.")
    var host = "127.0.0.1"

    func run() throws {
      var options = ServeOptions()
      options.companion = selection.options
      options.companion.outputDirectory = output
      options.host = host
      options.port = port
      _ = try runEngine { try LivePreview(options: options).run() }
    }
  }

  /// `companion benchmark`.
  struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Time the authoring loop on a copy of the chapters: full, warm, prose and cell builds.",
      discussion: """
        Copies the chapters to a temporary folder with a cache of its own, then times builds \
        run by this executable: a full build (every chapter run), a warm build with nothing \
        changed, a build after a prose-only edit of one chapter, and one after editing one of \
        its cells (beside that chapter's own compile and run). Prints each figure beside its \
        target; exits 1 if one misses it.
        """)

    @Option(name: .long, help: "The folder of chapters to copy.")
    var chapters = "chapters"

    @Option(
      name: .long, help: "The chapter whose prose and cell are edited (a file name in the folder).")
    var edit: String?

    @Option(name: .long, help: "How many times each incremental build is timed (the median is shown).")
    var repeats = 5

    func run() throws {
      var options = LoopBenchmark.Options()
      options.chaptersDirectory = chapters
      options.editedChapter = edit
      options.repeats = max(1, repeats)
      let passed = try runEngine { try LoopBenchmark(options: options).run() }
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

/// The number of single-character insertions, deletions and substitutions that turn `a` into `b`.
func editDistance(_ a: String, _ b: String) -> Int {
  let (x, y) = (Array(a), Array(b))
  var previous = Array(0...y.count)
  for i in 1...max(x.count, 1) where !x.isEmpty {
    var current = [i] + Array(repeating: 0, count: y.count)
    for j in 1...max(y.count, 1) where !y.isEmpty {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return x.isEmpty ? y.count : previous[y.count]
}

extension CompanionCommand {
  /// `companion exercises`: the course's programming exercises, checked on the learner's machine.
  struct Exercises: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Practise: write the course's functions yourself and check them.",
      discussion: """
        `start` writes a workspace (exercises/ by default) with one NAME.swift per exercise; \
        `check` compiles your files against the library and runs each exercise's checks; \
        `hint NAME` shows the next hint; `solution NAME` shows the reference once the exercise \
        passes (or with --give-up).
        """,
      subcommands: [List.self, Start.self, Check.self, Hint.self, Solution.self])
  }
}

/// Options every `exercises` subcommand shares.
struct ExerciseLocation: ParsableArguments {
  @Option(name: .long, help: "The learner's folder of exercise files.")
  var workspace = "exercises"

  @Option(name: .long, help: "The folder of chapters the exercises are read from.")
  var chapters = "chapters"

  func session(json: Bool = false, timeout: Double? = nil) throws -> ExerciseSession {
    var options = ExerciseOptions()
    options.workspace = workspace
    options.chaptersDirectory = chapters
    options.json = json
    options.timeout = timeout
    return try ExerciseSession(options: options)
  }
}

extension CompanionCommand.Exercises {
  /// `exercises list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List every exercise, one line each: name, progress, chapter and title.")

    @OptionGroup var location: ExerciseLocation

    func run() throws {
      _ = try runEngine {
        print(try location.session().list())
        return true
      }
    }
  }

  /// `exercises start [DIR]`.
  struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the workspace: one NAME.swift per exercise, never replacing a file that is there.")

    @Argument(help: "The workspace folder (default: exercises).")
    var folder: String?

    @OptionGroup var location: ExerciseLocation

    func run() throws {
      var location = self.location
      if let folder { location.workspace = folder }
      _ = try runEngine {
        print(try location.session().start())
        return true
      }
    }
  }

  /// `exercises check [NAME...]`.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check your exercise files (all, or those named); exits 0 only when every check passes.",
      discussion: """
        Each exercise is compiled with the files of the exercises it uses and run in its own \
        process with a time limit; its values are compared with the reference solution's.
        """)

    @Argument(help: "Exercise names (or their files); none means every exercise.")
    var names: [String] = []

    @OptionGroup var location: ExerciseLocation

    @Flag(name: .long, help: "Check again whenever a file of the workspace is saved.")
    var watch = false

    @Flag(name: .long, help: "Write one JSON entry per check (exercise, check, status, message).")
    var json = false

    @Option(
      name: .long, parsing: .unconditional,
      help: "Seconds one exercise's checks may run (default: the exercise's own).")
    var timeout: Double?

    func validate() throws {
      if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
      let passed = try runEngine {
        let session = try location.session(json: json, timeout: timeout)
        let checker = try ExerciseChecker(book: session.book, timeout: timeout)
        if watch { try session.watch(names, checker: checker) }
        return try session.check(names, checker: checker)
      }
      if !passed { throw ExitCode.failure }
    }
  }

  /// `exercises hint NAME`.
  struct Hint: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the next hint of an exercise.")

    @Argument(help: "The exercise.")
    var name: String

    @OptionGroup var location: ExerciseLocation

    func run() throws {
      _ = try runEngine {
        print(try location.session().hint(name))
        return true
      }
    }
  }

  /// `exercises solution NAME`.
  struct Solution: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the reference solution as a complete NAME.swift, once the exercise passes.")

    @Argument(help: "The exercise.")
    var name: String

    @Flag(name: .long, help: "Show it although the exercise does not pass yet.")
    var giveUp = false

    @OptionGroup var location: ExerciseLocation

    func run() throws {
      _ = try runEngine {
        print(try location.session().solution(name, giveUp: giveUp), terminator: "")
        return true
      }
    }
  }
}
