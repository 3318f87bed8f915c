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
}

/// The engine's entry points: find chapters, run them (or reuse cached runs), check, report.
public enum Companion {
  /// Runs and checks the chapters; prints progress and diagnostics; with `bless`, rewrites
  /// mismatching output blocks. Returns whether everything passed.
  public static func check(_ options: CompanionOptions) throws -> Bool {
    let results = try process(options)
    var passed = results.allSatisfy { $0.check.passed }
    if options.bless {
      for result in results where result.check.verdicts.contains(.differs) {
        let (source, changes) = Bless.apply(chapter: result.chapter, run: result.run, check: result.check)
        guard !changes.isEmpty else { continue }
        do {
          try source.write(toFile: result.chapter.path, atomically: true, encoding: .utf8)
        } catch {
          throw EngineError("cannot write \(result.chapter.path): \(error.localizedDescription)")
        }
        for change in changes {
          Console.out("\(result.chapter.path):\(change.fenceLine): blessed output\n\(change.diff)")
        }
      }
      // Blessed mismatches are fixed; anything else still fails.
      passed = results.allSatisfy { result in
        result.check.diagnostics.allSatisfy { $0.severity != .error || $0.message == "output differs" }
      }
    }
    return passed
  }

  /// Runs and checks the chapters, then writes the site. Returns whether everything passed.
  public static func build(_ options: CompanionOptions) throws -> Bool {
    // Refuse an output folder that holds anything but a site, before any chapter runs.
    let sources =
      [URL(fileURLWithPath: options.chaptersDirectory)]
      + options.files.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
    try SiteDestination.check(options.outputDirectory, chapterFolders: sources)
    let results = try process(options)
    try SiteWriter(results: results).write(
      to: URL(fileURLWithPath: options.outputDirectory))
    Console.out(
      "wrote \(options.outputDirectory)/ (\(results.count) chapter\(results.count == 1 ? "" : "s"))")
    return results.allSatisfy { $0.check.passed }
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
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.hasSuffix(".md") }.sorted()
    return names.map { displayPath((folder as NSString).appendingPathComponent($0)) }
  }

  /// Parses, runs (or loads from the cache) and checks every selected chapter, printing one
  /// progress line per chapter and its diagnostics.
  public static func process(_ options: CompanionOptions) throws -> [ChapterResult] {
    let processStart = Subprocess.now()
    let files = try chapterFiles(options)
    var chapters: [Chapter] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw EngineError("cannot read chapter \(file)")
      }
      chapters.append(Chapter(path: file, source: String(decoding: data, as: UTF8.self)))
    }
    if chapters.isEmpty {
      Console.out("no chapters")
      return []
    }
    let toolchain = try Toolchain.locate()
    // The fingerprint is read before the support library is built: if the sources change while
    // it builds, the runs are stored under the older key and the next build sees a new one,
    // so a run is never cached under sources newer than the library it ran against.
    let fingerprint = try toolchain.libraryFingerprint()
    try toolchain.buildSupportLibrary()
    let runner = ChapterRunner(toolchain: toolchain, timeout: options.timeout)
    let cache = ResultCache(directory: toolchain.cacheDirectory)
    var environment = ContentHash()
    environment.combine(try toolchain.compilerVersion())
    environment.combine(fingerprint)
    environment.combine(toolchain.compileFlags.joined(separator: " "))
    environment.combine(String(options.timeout))
    let environmentKey = environment.hexDigest
    let work = toolchain.supportDirectory.appendingPathComponent("programs")
    let nameWidth = chapters.map(\.slug.count).max() ?? 0

    let links = ChapterLinks.including(siblingsOf: chapters)
    let collected = ResultBox(count: chapters.count)
    let snapshot = chapters
    parallelWork(
      count: snapshot.count, width: options.jobs,
      job: { index -> Result<ChapterResult, EngineError> in
        let chapter = snapshot[index]
        let start = Subprocess.now()
        let key = ResultCache.key(for: chapter, environmentKey: environmentKey)
        var cached = false
        let run: ChapterRun
        if !options.noCache, let stored = cache.load(key: key) {
          run = stored
          cached = true
        } else {
          do {
            run = try runner.run(chapter, workDirectory: work)
          } catch let error as EngineError {
            return .failure(error)
          } catch {
            return .failure(EngineError("\(chapter.path): \(error)"))
          }
          if !options.noCache && run.isCacheable && run.status == .completed {
            cache.store(run, key: key)
          }
        }
        let check = ChapterCheck(chapter: chapter, run: run, links: links)
        return .success(
          ChapterResult(
            chapter: chapter, run: run, check: check, cached: cached, seconds: Subprocess.now() - start))
      },
      completion: { index, result in
        switch result {
        case .success(let chapterResult):
          Console.out(progressLine(chapterResult, nameWidth: nameWidth))
          for diagnostic in chapterResult.check.diagnostics { Console.error(diagnostic.description) }
        case .failure(let error):
          Console.error("error: \(error)")
        }
        collected.set(index, result)
      })
    let results = try collected.values.map { try $0!.get() }
    Console.out(summaryLine(results, seconds: Subprocess.now() - processStart))
    return results
  }

  /// `14 chapters, 143 output blocks: 141 verified, 2 differ, 0 not run or failed; 1 chapter
  /// failing (12.3 s)`: every block counted, including those a trap, a timeout or a compile
  /// error kept from running.
  static func summaryLine(_ results: [ChapterResult], seconds: Double) -> String {
    func total(_ count: (ChapterCheck) -> Int) -> Int { results.map { count($0.check) }.reduce(0, +) }
    let blocks = total(\.outputBlockCount)
    let verified = total(\.verifiedCount)
    let differ = total { $0.checkedCount - $0.verifiedCount }
    let notVerified = total(\.notRunCount)
    let failing = results.filter { !$0.check.passed }.count
    return "\(results.count) chapter\(results.count == 1 ? "" : "s"), \(blocks) output blocks: "
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

/// Results gathered from worker threads.
final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [Result<ChapterResult, EngineError>?]

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Result<ChapterResult, EngineError>) {
    lock.withLock { storage[index] = value }
  }

  var values: [Result<ChapterResult, EngineError>?] { lock.withLock { storage } }
}

/// Unbuffered line output, so progress lines and diagnostics interleave in order.
enum Console {
  /// Writes a line to stdout.
  static func out(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }

  /// Writes a line to stderr.
  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
