import Foundation

/// What `companion serve` is asked to do.
public struct ServeOptions: Sendable {
  /// The chapters, the site folder, the timeout and the jobs, as for `build`.
  public var companion = CompanionOptions()
  /// The address to listen on: loopback unless told otherwise.
  public var host = "127.0.0.1"
  /// The port; 0 takes any free one.
  public var port: UInt16 = 8000
  /// Seconds between two looks at the sources.
  public var pollInterval = 0.2

  /// Creates the default options.
  public init() {}
}

/// `companion serve`: builds the site, serves it, and on every saved change rebuilds what the
/// change touches: a chapter's prose re-renders its page (its run comes from memory), an edited
/// cell reruns that chapter, a library source rebuilds the support library and reruns every
/// chapter. Only pages whose bytes changed are rewritten (each atomically) and signalled to the
/// browsers showing them.
public final class LivePreview {
  let options: ServeOptions
  let versions = PageVersions()
  private var pipeline: ChapterPipeline!
  private var results: [ChapterResult] = []
  /// The bytes of every page as last written, by file name.
  private var written: [String: Data] = [:]

  /// Creates a preview; nothing happens before `run`.
  public init(options: ServeOptions) {
    self.options = options
  }

  var site: URL { URL(fileURLWithPath: options.companion.outputDirectory) }

  /// Builds, serves and rebuilds until the process is stopped (Ctrl-C).
  public func run() throws -> Never {
    let companion = options.companion
    try SiteDestination.check(
      companion.outputDirectory,
      chapterFolders: [URL(fileURLWithPath: companion.chaptersDirectory)]
        + companion.files.map { URL(fileURLWithPath: $0).deletingLastPathComponent() })
    StopSignal.install(interruptStatus: 0)
    // Listening before the first build, so a port in use is said at once.
    let server = try PreviewServer(
      root: site, host: options.host, port: options.port, versions: versions)
    let start = Subprocess.now()
    pipeline = try ChapterPipeline(options: companion)
    var watcher = SourceWatcher(
      files: companion.files, chaptersDirectory: companion.chaptersDirectory,
      libraryFolders: ["DeepLearning", "NotebookRuntime", "COpenBLAS"].map {
        pipeline.toolchain.packageRoot.appendingPathComponent("Sources/\($0)")
      })
    results = try pipeline.run(try Companion.chapterFiles(companion).map(ChapterLoading.load))
    Console.out(Companion.summaryLine(results, seconds: Subprocess.now() - start))
    RunFolders.removeStagingLeftovers(of: site)
    let writer = siteWriter()
    try writer.write(to: site)
    for page in writer.pages() { remember(page.name, Data(page.html.utf8)) }

    let port = server.start()
    let shownHost = options.host.contains(":") ? "[\(options.host)]" : options.host
    Console.out(
      "serving \(companion.outputDirectory)/ at http://\(shownHost):\(port)/ "
        + "(rebuilds on save; Ctrl-C stops)")
    var retry = RebuildRetry()
    while true {
      Thread.sleep(forTimeInterval: options.pollInterval)
      guard let changes = retry.due(adding: watcher.changes()) else { continue }
      do {
        try rebuild(changes)
        retry.succeeded()
      } catch {
        retry.failed(error, waitForEdit: versions.problem != nil)
      }
    }
  }

  /// Reruns what `changes` touches and rewrites the pages that came out different.
  func rebuild(_ changes: SourceWatcher.Changes) throws {
    let start = Subprocess.now()
    let files = try Companion.chapterFiles(options.companion)
    var byPath: [String: ChapterResult] = [:]
    for result in results { byPath[result.chapter.path] = result }
    if changes.library || versions.problem != nil {
      Console.out(
        changes.library
          ? "library sources changed: rebuilding the support library"
          : "building the support library again")
      do {
        if try pipeline.refreshLibrary() { byPath = [:] }
        versions.problem = nil
      } catch {
        // Every open page shows why it is not up to date.
        versions.problem = String(describing: error).suffix(6_000).description
        throw error
      }
    }
    // Chapters to run through the pipeline: the changed ones and any not seen before. The
    // pipeline takes an unchanged cell list's run from memory, so prose costs no run.
    let pending = files.filter { changes.chapters.contains($0) || byPath[$0] == nil }
    let fresh = try pipeline.run(pending.map(ChapterLoading.load))
    for result in fresh { byPath[result.chapter.path] = result }
    results = files.compactMap { byPath[$0] }

    var updated: [String] = []
    let pages = siteWriter().pages()
    for page in pages {
      let data = Data(page.html.utf8)
      guard written[page.name] != data else { continue }
      try writeAtomically(data, name: page.name)
      remember(page.name, data)
      updated.append(page.name)
    }
    let current = Set(pages.map(\.name))
    for name in written.keys where !current.contains(name) {
      try? FileManager.default.removeItem(at: site.appendingPathComponent(name))
      written[name] = nil
      versions.set(name, nil)
      updated.append(name)
    }
    let seconds = String(format: "%.2f s", Subprocess.now() - start)
    Console.out(
      updated.isEmpty
        ? "no page changed (\(seconds))"
        : "updated \(updated.sorted().joined(separator: ", ")) (\(seconds))")
  }

  /// A writer for the current results, rendering only the pages whose inputs changed.
  private func siteWriter() -> SiteWriter {
    var writer = SiteWriter(results: results.map(OutputCut().shown))
    if !options.companion.noCache {
      writer.pageCache = PageCache(directory: pipeline.toolchain.pageCacheDirectory)
    }
    return writer
  }

  private func remember(_ name: String, _ data: Data) {
    written[name] = data
    versions.set(name, LiveReload.version(of: data))
  }

  /// Replaces one page of the site by renaming a finished file over it, so the server never
  /// sends half a page.
  private func writeAtomically(_ data: Data, name: String) throws {
    do {
      try data.write(to: site.appendingPathComponent(name), options: .atomic)
    } catch {
      throw EngineError("cannot write \(site.appendingPathComponent(name).path): \(error)")
    }
  }
}
