import Foundation

/// What every run of chapters shares: the toolchain, the support library built from the current
/// library sources, the runner and the cache. `companion build` and `check` use one for a single
/// pass; `companion serve` keeps one for the whole session and runs changed chapters through it.
final class ChapterPipeline: @unchecked Sendable {
  let options: CompanionOptions
  let toolchain: Toolchain
  let runner: ChapterRunner
  let cache: ResultCache
  let work: URL
  /// The library fingerprint the support library was last prepared for.
  private(set) var fingerprint = ""
  /// Everything a run's output depends on besides the chapter's own cells.
  private(set) var environmentKey = ""
  /// The runs of the last pass by key: a chapter whose cells did not change is not read back
  /// from the cache.
  private var recent: [String: ChapterRun] = [:]
  /// The library built for the browser, once per pipeline (chapters run side by side).
  private let browserLibrary = OnceValue<BrowserBuild.Library>()

  /// Locates the toolchain and prepares the support library.
  init(options: CompanionOptions) throws {
    self.options = options
    toolchain = try Toolchain.locate()
    runner = ChapterRunner(toolchain: toolchain, timeout: options.timeout)
    cache = ResultCache(directory: toolchain.cacheDirectory)
    work = toolchain.supportDirectory.appendingPathComponent("programs")
    try refreshLibrary()
  }

  /// Rebuilds the support library if the library sources changed since it was prepared (or it
  /// was never built from them). Returns whether they had changed.
  @discardableResult
  func refreshLibrary() throws -> Bool {
    // The fingerprint is read before the support library is built: if the sources change while
    // it builds, the runs are stored under the older key and the next build sees a new one,
    // so a run is never cached under sources newer than the library it ran against.
    let current = try toolchain.libraryFingerprint()
    guard current != fingerprint else { return false }
    let compiler = try toolchain.compilerVersion()
    try toolchain.prepareSupportLibrary(fingerprint: current, compilerVersion: compiler)
    var environment = ContentHash()
    environment.combine(compiler)
    environment.combine(current)
    environment.combine(toolchain.compileFlags.joined(separator: " "))
    environment.combine(String(options.timeout))
    environmentKey = environment.hexDigest
    fingerprint = current
    return true
  }

  /// Runs (or takes from the cache) and checks `chapters`, printing one progress line per chapter
  /// and its diagnostics as they finish, in order. Then drops stored runs no chapter uses.
  func run(_ chapters: [Chapter]) throws -> [ChapterResult] {
    let nameWidth = chapters.map(\.slug.count).max() ?? 0
    let collected = LockedArray<Result<ChapterResult, EngineError>?>(repeating: nil, count: chapters.count)
    let keys = chapters.map { ResultCache.key(for: $0, environmentKey: environmentKey) }
    let previous = recent
    let links = ChapterLinks.including(siblingsOf: chapters)
    parallelWork(
      count: chapters.count, width: options.jobs,
      job: { index -> Result<ChapterResult, EngineError> in
        LiveStatus.shared.begin(chapters[index].slug)
        defer { LiveStatus.shared.end(chapters[index].slug) }
        return self.result(
          for: chapters[index], key: keys[index], previous: previous[keys[index]], links: links)
      },
      completion: { index, result in
        switch result {
        case .success(let chapterResult):
          Console.out(Companion.progressLine(chapterResult, nameWidth: nameWidth))
          for diagnostic in chapterResult.check.diagnostics { Console.error(diagnostic.description) }
        case .failure(let error):
          Console.error("error: \(error)")
        }
        collected.set(index, result)
      })
    let results = try collected.values.map { try $0!.get() }
    recent = Dictionary(zip(keys, results.map(\.run)), uniquingKeysWith: { first, _ in first })
    if !options.noCache { cache.prune() }
    return results
  }

  /// One chapter: its run from the last pass, the cache or a fresh compile and run; then checked.
  private func result(
    for chapter: Chapter, key: String, previous: ChapterRun?, links: ChapterLinks
  ) -> Result<ChapterResult, EngineError> {
    let start = Subprocess.now()
    var cached = false
    // Whether the cache holds `run` under `key`, so the chapter's slot may name it.
    var stored = false
    let run: ChapterRun
    if ChapterPipeline.isUnreadable(chapter) {
      // Not valid UTF-8: nothing of it is run (its only diagnostic says why).
      run = ChapterPipeline.noRun
    } else if !options.noCache, let earlier = previous ?? cache.load(key: key) {
      run = earlier
      cached = true
      stored = true
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
        stored = true
      }
    }
    if stored { cache.claim(key: key, forChapterAt: chapter.path) }
    var check = ChapterCheck(chapter: chapter, run: run, links: links)
    check.diagnostics += exerciseDiagnostics(for: chapter)
    var liveCells: URL? = nil
    // Only a chapter that ran is compiled for the browser: a compile error is reported once.
    if run.status == .completed && chapter.cells.contains(where: \.options.live) {
      switch compileLiveCells(of: chapter) {
      case .success(let object): liveCells = object
      case .failure(let errors): check.diagnostics += errors.diagnostics
      }
    }
    var result = ChapterResult(
      chapter: chapter, run: run, check: check, cached: cached, seconds: Subprocess.now() - start,
      runKey: stored ? key : nil)
    result.liveCells = liveCells
    return .success(result)
  }

  /// The chapter's live cells compiled for the browser, or why they did not compile (at their
  /// lines; a failure to build the library for the browser is reported at the first live cell).
  func compileLiveCells(of chapter: Chapter) -> Result<URL, LiveCellErrors> {
    let browser = BrowserBuild(toolchain: toolchain)
    let line = chapter.cells.first(where: \.options.live)?.fenceLine ?? 1
    do {
      let library = try browserLibrary.value { try browser.prepareLibrary() }
      return try browser.compileLiveCells(of: chapter, library: library)
    } catch {
      return .failure(LiveCellErrors(diagnostics: [Diagnostic(file: chapter.path, line: line, message: "\(error)")]))
    }
  }

  /// The problems of the chapter's exercises (see `ExerciseValidation`).
  private func exerciseDiagnostics(for chapter: Chapter) -> [Diagnostic] {
    let compiler = (try? toolchain.compilerVersion()) ?? ""
    let validation = ExerciseValidation(
      runner: ExerciseRunner(toolchain: toolchain), environmentKey: fingerprint + compiler,
      noCache: options.noCache)
    return validation.diagnostics(for: chapter)
  }

  /// `chapter` checked against its stored run, without running it; with no stored run, a
  /// result marked `kept` (its page is carried over from the earlier site).
  func storedResult(for chapter: Chapter, links: ChapterLinks) -> ChapterResult {
    let key = ResultCache.key(for: chapter, environmentKey: environmentKey)
    if !options.noCache, let run = recent[key] ?? cache.load(key: key) {
      return ChapterResult(
        chapter: chapter, run: run, check: ChapterCheck(chapter: chapter, run: run, links: links),
        cached: true, seconds: 0, runKey: key)
    }
    let empty = ChapterPipeline.noRun
    var check = ChapterCheck(chapter: chapter, run: empty)
    check.diagnostics = []
    var result = ChapterResult(chapter: chapter, run: empty, check: check, cached: false, seconds: 0)
    result.kept = true
    return result
  }

  /// The run of a chapter none of whose cells ran.
  static let noRun = ChapterRun(status: .completed, cells: [], published: [:], compileSeconds: 0, runSeconds: 0)

  /// Whether `chapter` was loaded from a file that is not UTF-8 (see `ChapterLoading`).
  static func isUnreadable(_ chapter: Chapter) -> Bool {
    chapter.source.isEmpty && chapter.diagnostics.contains { $0.message.hasPrefix("not valid UTF-8") }
  }
}
