import Foundation

/// What `companion check` and `companion build` are asked to do.
public struct CompanionOptions: Sendable {
  /// Chapter files to process; empty means every `*.md` in `chaptersDirectory`.
  public var files: [String] = []
  /// The folder of chapters.
  public var chaptersDirectory = "chapters"
  /// The site folder written by `build`.
  public var outputDirectory = "site"
  /// Seconds each run of a chapter program may take.
  public var timeout: Double = 60
  /// Whether `check` rewrites mismatching output blocks.
  public var bless = false
  /// How many chapters compile and run at the same time.
  public var jobs = 2
  /// Whether to run every chapter afresh, neither reading nor writing the cache.
  public var noCache = false
  /// Whether a warning (an unterminated fence, an unbalanced `$`) fails the chapter too.
  public var warningsAsErrors = false
  /// Where the project's source is published, linked from the site's pages (none by default).
  public var sourceURL: String? = nil

  /// Creates the default options.
  public init() {}
}

/// The result of processing one chapter.
public struct ChapterResult: Sendable {
  /// The parsed chapter.
  public var chapter: Chapter
  /// What its program produced.
  public var run: ChapterRun
  /// The verdicts and diagnostics.
  public var check: ChapterCheck
  /// Whether the run came from the cache.
  public var cached: Bool
  /// Wall-clock seconds spent on the chapter (compile and runs).
  public var seconds: Double
  /// The key the run is stored under in the cache, when it is stored there.
  public var runKey: String? = nil
  /// A chapter `build FILES...` did not name and has no stored run for: its page and program
  /// are the earlier build's, carried over as they were (`run` is empty).
  public var kept = false
  /// The chapter's live cells compiled for the browser, when it has any and they compiled.
  public var liveCells: URL? = nil
}

/// The engine's entry points: find chapters, run them (or reuse cached runs), check, report.
public enum Companion {
  /// Runs and checks the chapters; prints progress and diagnostics; with `bless`, rewrites
  /// mismatching output blocks (see `blessMismatches`). Returns whether everything passed.
  public static func check(_ options: CompanionOptions) throws -> Bool {
    StopSignal.install(interruptStatus: 130)
    guard options.bless else { return try process(options).allSatisfy { passes($0, options) } }
    return try blessMismatches(options)
  }

  /// Runs and checks the chapters, then writes the site. Returns whether everything passed.
  public static func build(_ options: CompanionOptions) throws -> Bool {
    StopSignal.install(interruptStatus: 130)
    // Refuse an output folder that holds anything but a site, before any chapter runs.
    let sources =
      [URL(fileURLWithPath: options.chaptersDirectory)]
      + options.files.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
    try SiteDestination.check(options.outputDirectory, chapterFolders: sources)
    var results = try process(options)
    let output = URL(fileURLWithPath: options.outputDirectory)
    var earlierSite: URL? = nil
    if !options.files.isEmpty,
      FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path)
    {
      // `build FILES...` into an earlier site updates those pages and the index; the book's
      // other chapters keep their pages (rendered again from their stored runs, which gives the
      // same bytes, or carried over as they were when no run is stored).
      results = try bookResults(around: results, options)
      earlierSite = output
      let kept = results.filter(\.kept).count
      if kept > 0 {
        Console.out("kept \(kept) page\(kept == 1 ? "" : "s") of the earlier build as they were")
      }
    }
    RunFolders.removeStagingLeftovers(of: output)
    var writer = SiteWriter(results: results.map(OutputCut().shown))
    writer.earlierSite = earlierSite
    writer.browserModule = browserModule(for: results)
    writer.sourceURL = options.sourceURL
    if !options.noCache, let toolchain = try? Toolchain.locate() {
      writer.pageCache = PageCache(directory: toolchain.pageCacheDirectory)
    }
    try writer.write(to: URL(fileURLWithPath: options.outputDirectory))
    writer.pageCache?.trim()
    if let module = writer.browserModule {
      // Every page with live cells or the playground loads it: its size is worth seeing.
      Console.out("browser module: \(module.count) bytes (assets/library-wasm.js holds it as base64)")
    }
    Console.out(
      "wrote \(options.outputDirectory)/ (\(results.count) chapter\(results.count == 1 ? "" : "s"))")
    return results.allSatisfy { passes($0, options) }
  }

  /// The site's WebAssembly module: the library, the browser runtime and the live cells of
  /// every chapter that has them. Nil, with the error printed, if it cannot be built (the pages
  /// then show the build's outputs and the playground says it cannot run).
  static func browserModule(for results: [ChapterResult]) -> Data? {
    do {
      let browser = BrowserBuild(toolchain: try Toolchain.locate())
      let library = try browser.prepareLibrary()
      // Chapters taken from their stored runs were not compiled in this build: from the cache.
      var cells: [URL] = []
      for result in results where result.chapter.cells.contains(where: \.options.live) {
        if let object = result.liveCells {
          cells.append(object)
        } else if case .success(let object) = try browser.compileLiveCells(
          of: result.chapter, library: library)
        {
          cells.append(object)
        }
      }
      return try browser.link(cells: cells, library: library)
    } catch {
      Console.error("error: the browser module was not built: \(error)")
      return nil
    }
  }

  /// `named` (the results of the chapters a build named) among the results of every chapter
  /// of the chapters folder, in order: the others from their stored runs, never run, or kept.
  static func bookResults(around named: [ChapterResult], _ options: CompanionOptions) throws
    -> [ChapterResult]
  {
    func identity(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
    var book = options
    book.files = []
    let byPath = Dictionary(named.map { (identity($0.chapter.path), $0) }, uniquingKeysWith: { a, _ in a })
    let files = try chapterFiles(book)
    let others = try loadChapters(files.filter { byPath[identity($0)] == nil }, jobs: options.jobs)
    guard !others.isEmpty else { return named }
    let pipeline = try ChapterPipeline(options: options)
    let links = ChapterLinks.including(siblingsOf: others)
    var stored: [String: ChapterResult] = [:]
    for chapter in others {
      stored[identity(chapter.path)] = pipeline.storedResult(for: chapter, links: links)
    }
    let order = files.map(identity)
    let extra = named.filter { !order.contains(identity($0.chapter.path)) }
    return order.compactMap { byPath[$0] ?? stored[$0] } + extra
  }

  /// Whether `result` passes: no errors, and no warnings either with `warningsAsErrors`.
  static func passes(_ result: ChapterResult, _ options: CompanionOptions) -> Bool {
    !result.check.diagnostics.contains { fails($0, options) }
  }

  /// Whether `diagnostic` fails its chapter under `options`.
  static func fails(_ diagnostic: Diagnostic, _ options: CompanionOptions) -> Bool {
    diagnostic.severity == .error || (options.warningsAsErrors && diagnostic.severity == .warning)
  }

  /// The chapter files `options` selects, as display paths, in order.
  public static func chapterFiles(_ options: CompanionOptions) throws -> [String] {
    if !options.files.isEmpty {
      return options.files.map(displayPath)
    }
    let folder = options.chaptersDirectory
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw EngineError("no chapters folder '\(folder)'")
    }
    let names = try ChapterLoading.chapterNames(in: folder)
    return names.map { displayPath((folder as NSString).appendingPathComponent($0)) }
  }

  /// Parses, runs (or loads from the cache) and checks every selected chapter, printing one
  /// progress line per chapter and its diagnostics, then (with `summary`) the summary line.
  public static func process(_ options: CompanionOptions, summary: Bool = true) throws -> [ChapterResult] {
    let processStart = Subprocess.now()
    let chapters = try loadChapters(chapterFiles(options), jobs: options.jobs)
    if chapters.isEmpty {
      Console.out("no chapters")
      return []
    }
    let results = try ChapterPipeline(options: options).run(chapters)
    if summary { Console.out(summaryLine(results, seconds: Subprocess.now() - processStart)) }
    return results
  }

  /// The chapters in `files`, parsed on up to `jobs` threads, in order.
  static func loadChapters(_ files: [String], jobs: Int) throws -> [Chapter] {
    let loaded = LockedArray<Chapter?>(repeating: nil, count: files.count)
    parallelWork(
      count: files.count, width: jobs, job: { index in ChapterLoading.load(files[index]) },
      completion: { index, chapter in loaded.set(index, chapter) })
    return loaded.values.map { $0! }
  }

  /// `14 chapters, 230 cells (228 run), 143 output blocks: 141 verified, 2 differ, 0 not run or
  /// failed; 1 chapter failing (12.3 s)`: every block counted, including those a trap, a timeout
  /// or a compile error kept from running.
  static func summaryLine(_ results: [ChapterResult], seconds: Double) -> String {
    func total(_ count: (ChapterCheck) -> Int) -> Int { results.map { count($0.check) }.reduce(0, +) }
    let blocks = total(\.outputBlockCount)
    let verified = total(\.verifiedCount)
    let differ = total { $0.checkedCount - $0.verifiedCount }
    let notVerified = total(\.notRunCount)
    let failing = results.filter { !$0.check.passed }.count
    let cells = results.map(\.chapter.cells.count).reduce(0, +)
    let ran = total(\.ranCount)
    return "\(results.count) chapter\(results.count == 1 ? "" : "s"), \(cells) cells (\(ran) run), "
      + "\(blocks) output blocks: "
      + "\(verified) verified, \(differ) differ, \(notVerified) not run or failed; "
      + "\(failing) chapter\(failing == 1 ? "" : "s") failing"
      + String(format: " (%.1f s)", seconds)
  }

  /// `01-neural-networks  ran     3.2 s  8/8 checked`.
  static func progressLine(_ result: ChapterResult, nameWidth: Int) -> String {
    let name = result.chapter.slug.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
    let check = result.check
    var state: String
    switch result.run.status {
    case .compileFailed: state = "compile failed"
    case .trapped: state = "trapped"
    case .failed: state = "failed"
    case .timedOut: state = "timed out"
    case .printedTooMuch: state = "output limit"
    case .cutShort: state = "cut short"
    case .completed: state = result.cached ? "cached" : "ran"
    }
    state = state.padding(toLength: 14, withPad: " ", startingAt: 0)
    let seconds = String(format: "%5.1f s", result.seconds)
    var line = "\(name)  \(state) \(seconds)  \(check.verifiedCount)/\(check.outputBlockCount) checked"
    if check.notRunCount > 0 { line += ", \(check.notRunCount) not run" }
    if !result.cached && result.run.compileSeconds > 0 {
      line += String(
        format: "  (compile %.1f s, run %.1f s)", result.run.compileSeconds, result.run.runSeconds)
    }
    let errors = check.diagnostics.filter { $0.severity == .error }.count
    if errors > 0 { line += "  \(errors) error\(errors == 1 ? "" : "s")" }
    return line
  }

  /// `path` relative to the current folder when it lies inside it.
  static func displayPath(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    if absolute.hasPrefix(cwd + "/") { return String(absolute.dropFirst(cwd.count + 1)) }
    return path
  }
}

/// Values gathered from worker threads, by index.
final class LockedArray<Element>: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [Element]

  init(repeating value: Element, count: Int) { storage = Array(repeating: value, count: count) }

  func set(_ index: Int, _ value: Element) {
    lock.withLock { storage[index] = value }
  }

  var values: [Element] { lock.withLock { storage } }
}

/// Unbuffered line output, so progress lines and diagnostics interleave in order.
enum Console {
  /// Writes a line to stdout.
  static func out(_ line: String) {
    LiveStatus.shared.printing { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
  }

  /// Writes a line to stderr.
  static func error(_ line: String) {
    LiveStatus.shared.printing { FileHandle.standardError.write(Data((line + "\n").utf8)) }
  }
}

/// The line that says which chapters are running and for how long (`running 11-planar-flower
/// 12 s`), redrawn every half second at the bottom of a terminal and erased before any other
/// line is printed. Only on a terminal: piped or under CI (`CI` set, or `TERM=dumb`) the output
/// is the plain progress lines alone.
final class LiveStatus: @unchecked Sendable {
  static let shared = LiveStatus(
    enabled: isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["CI"] == nil
      && ProcessInfo.processInfo.environment["TERM"] != "dumb")

  let enabled: Bool
  private let lock = NSLock()
  private var running: [(name: String, start: Double)] = []
  private var shown = false
  private var ticking = false

  init(enabled: Bool) { self.enabled = enabled }

  /// `name` has started running.
  func begin(_ name: String) {
    guard enabled else { return }
    lock.withLock {
      running.append((name, Subprocess.now()))
      if !ticking {
        ticking = true
        let thread = Thread { [self] in tick() }
        thread.start()
      }
    }
  }

  /// `name` has finished.
  func end(_ name: String) {
    guard enabled else { return }
    lock.withLock {
      if let index = running.firstIndex(where: { $0.name == name }) { running.remove(at: index) }
    }
  }

  /// Runs `write` (one line of output) with the status line erased first.
  func printing(_ write: () -> Void) {
    guard enabled else { return write() }
    lock.withLock {
      erase()
      write()
    }
  }

  /// The status text for chapters running since `start`, at time `now`.
  static func text(_ running: [(name: String, start: Double)], now: Double) -> String {
    "running " + running.map { "\($0.name) \(Int(now - $0.start)) s" }.joined(separator: ", ")
  }

  private func tick() {
    while true {
      Thread.sleep(forTimeInterval: 0.5)
      lock.withLock {
        erase()
        if !running.isEmpty {
          let line = String(LiveStatus.text(running, now: Subprocess.now()).prefix(100))
          FileHandle.standardOutput.write(Data(line.utf8))
          shown = true
        }
      }
    }
  }

  /// Clears the status line if it is on the screen (call with the lock held).
  private func erase() {
    if shown {
      FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8))
      shown = false
    }
  }
}
