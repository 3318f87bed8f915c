import Foundation

/// `companion benchmark`: times the author's loop the way an author meets it, by running this
/// executable's `build` on a copy of the chapters with a cache of its own (the real cache is
/// neither read nor trimmed). Every figure comes from the same run as the full build it is
/// printed against.
public struct LoopBenchmark {
  /// What to time.
  public struct Options: Sendable {
    /// The chapters to copy.
    public var chaptersDirectory = "chapters"
    /// The file name of the chapter to edit; nil picks the first with an ordinary cell.
    public var editedChapter: String?
    /// How many times each incremental build is timed.
    public var repeats = 5
    /// Creates the default options.
    public init() {}
  }

  /// The targets: a warm build and a prose edit within a second, a cell edit within half a
  /// second of its chapter's own compile and run.
  static let warmTarget = 1.0
  static let proseTarget = 1.0
  static let cellOverheadTarget = 0.5

  let options: Options

  /// Creates a benchmark.
  public init(options: Options) {
    self.options = options
  }

  /// Runs the builds and prints the figures, each beside its target, then a line naming the
  /// figures that missed theirs; returns the number of misses. A miss is a measurement, not a
  /// failure: only a build that could not be measured throws.
  @discardableResult
  public func run() throws -> Int {
    let manager = FileManager.default
    let workspace = manager.temporaryDirectory
      .appendingPathComponent("companion-benchmark-\(UUID().uuidString.prefix(8))")
    let chapters = workspace.appendingPathComponent("chapters")
    let caches = workspace.appendingPathComponent("caches")
    try manager.createDirectory(at: chapters, withIntermediateDirectories: true)
    defer { try? manager.removeItem(at: workspace) }
    let names = try manager.contentsOfDirectory(atPath: options.chaptersDirectory)
      .filter { $0.hasSuffix(".md") }.sorted()
    guard !names.isEmpty else { throw EngineError("no chapters in \(options.chaptersDirectory)") }
    for name in names {
      try manager.copyItem(
        atPath: (options.chaptersDirectory as NSString).appendingPathComponent(name),
        toPath: chapters.appendingPathComponent(name).path)
    }
    let build = BenchmarkBuild(
      chapters: chapters, site: workspace.appendingPathComponent("site"), caches: caches)
    let edited = try editTarget(names: names, folder: chapters)
    let file = chapters.appendingPathComponent(edited.name)
    let original = try String(contentsOf: file, encoding: .utf8)
    Console.out(
      "\(names.count) chapters copied to \(workspace.path); median of \(options.repeats) builds each")

    let full = try build.time()
    Console.out(LoopBenchmark.row("full build (every chapter run)", full))
    let warm = median(try (0..<options.repeats).map { _ in try build.time() })
    var missed: [String] = []
    if warm.wall > LoopBenchmark.warmTarget { missed.append("warm build") }
    Console.out(
      LoopBenchmark.row("warm build, nothing changed", warm)
        + LoopBenchmark.verdict(warm.wall, LoopBenchmark.warmTarget, full: full))

    var prose: [BuildTime] = []
    for round in 0..<options.repeats {
      let sentence = "A sentence the benchmark added, number \(round)."
      try (original + "\n\(sentence)\n").write(to: file, atomically: true, encoding: .utf8)
      prose.append(try build.time())
      let page = build.site.appendingPathComponent(String(edited.name.dropLast(3)) + ".html")
      guard (try? String(contentsOf: page, encoding: .utf8))?.contains(sentence) == true else {
        throw EngineError("the page of \(edited.name) does not show the edited prose")
      }
    }
    let proseTime = median(prose)
    if proseTime.wall > LoopBenchmark.proseTarget { missed.append("prose edit") }
    Console.out(
      LoopBenchmark.row("prose edit of \(edited.name)", proseTime)
        + LoopBenchmark.verdict(proseTime.wall, LoopBenchmark.proseTarget, full: full))

    var totals: [Double] = []
    var own: [Double] = []
    for round in 0..<options.repeats {
      var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      lines.insert("// edited by the benchmark, round \(round)", at: edited.lastCodeLine)
      try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
      totals.append(try build.time().wall)
      guard let run = build.newestRun() else {
        throw EngineError("the edited chapter's run was not stored; did \(edited.name) pass?")
      }
      own.append(run.compileSeconds + run.runSeconds)
    }
    try original.write(to: file, atomically: true, encoding: .utf8)
    let overhead = median(zip(totals, own).map { $0 - $1 })
    if overhead > LoopBenchmark.cellOverheadTarget { missed.append("cell edit") }
    Console.out(
      "one cell of \(edited.name) edited".padding(toLength: 44, withPad: " ", startingAt: 0)
        + String(
          format: "%7.2f s = its compile and run %.2f s + %.2f s (target <= %.2f s: %@)", median(totals),
          median(own), overhead, LoopBenchmark.cellOverheadTarget,
          overhead <= LoopBenchmark.cellOverheadTarget ? "ok" : "missed"))
    Console.out(LoopBenchmark.summary(missed: missed))
    return missed.count
  }

  /// `every figure within its target`, or `missed its target: warm build, prose edit (wall-clock
  /// figures depend on what else the machine is doing)`.
  static func summary(missed: [String]) -> String {
    guard !missed.isEmpty else { return "every figure within its target" }
    return "missed its target: \(missed.joined(separator: ", ")) "
      + "(wall-clock figures depend on what else the machine is doing)"
  }

  /// The chapter to edit and the line after its last ordinary cell's code (0-based index of
  /// the closing fence).
  func editTarget(names: [String], folder: URL) throws -> (name: String, lastCodeLine: Int) {
    let candidates = options.editedChapter.map { [$0] } ?? names
    for name in candidates {
      guard names.contains(name) else { throw EngineError("no chapter \(name) to edit") }
      let chapter = ChapterLoading.load(folder.appendingPathComponent(name).path)
      if let cell = chapter.cells.last(where: { !$0.options.norun && !$0.options.traps }) {
        let codeLines = cell.code.split(separator: "\n", omittingEmptySubsequences: false).count
        return (name, cell.codeLine - 1 + max(codeLines - 1, 0))
      }
    }
    throw EngineError("no chapter with an ordinary cell to edit")
  }

  func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
  }

  /// The build of median wall-clock time.
  func median(_ times: [BuildTime]) -> BuildTime {
    times.sorted { $0.wall < $1.wall }[times.count / 2]
  }

  /// `label    0.42 s (CPU 0.31 s)`.
  static func row(_ label: String, _ time: BuildTime) -> String {
    label.padding(toLength: 44, withPad: " ", startingAt: 0)
      + String(format: "%7.2f s (CPU %.2f s)", time.wall, time.cpu)
  }

  /// `  1.5% of the full build; target <= 1.00 s: ok`.
  static func verdict(_ seconds: Double, _ target: Double, full: BuildTime) -> String {
    String(
      format: "  %.1f%% of the full build; target <= %.2f s: %@", 100 * seconds / full.wall, target,
      seconds <= target ? "ok" : "missed")
  }
}

/// What one build took: wall-clock seconds (the figure the targets are about) and CPU seconds
/// (which other work on a shared machine does not inflate).
struct BuildTime {
  var wall: Double
  var cpu: Double
}

/// One `companion build` of the benchmark's copy, run as a new process of this executable.
struct BenchmarkBuild {
  var chapters: URL
  var site: URL
  var caches: URL

  /// Wall-clock and CPU seconds of one build, from starting the process to its exit.
  func time() throws -> BuildTime {
    let executable =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    let result = try Subprocess(
      executable: executable,
      arguments: ["build", "--chapters", chapters.path, "--output", site.path],
      environment: ["COMPANION_CACHE_DIR": caches.path]
    ).run()
    if case .exited(let status) = result.termination, status > 1 {
      throw EngineError("the build failed:\n" + result.stderrText)
    }
    return BuildTime(wall: result.seconds, cpu: result.cpuSeconds)
  }

  /// The run stored last (the edited chapter's, after a cell edit).
  func newestRun() -> ChapterRun? {
    let folder = caches.appendingPathComponent("runs")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let dated = names.filter { $0.hasSuffix(".json") }.compactMap { name -> (String, Date)? in
      let path = folder.appendingPathComponent(name).path
      guard let date = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
      else { return nil }
      return (path, date)
    }
    // Stored runs carry a digest: read through the cache's own reader.
    guard let newest = dated.max(by: { $0.1 < $1.1 }),
      let data = CacheFile.read(URL(fileURLWithPath: newest.0))
    else { return nil }
    return try? JSONDecoder.companion.decode(ChapterRun.self, from: data)
  }
}
