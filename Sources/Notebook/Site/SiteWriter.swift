import Foundation

/// Writes the static site for a set of checked chapters, atomically: everything is rendered
/// into a temporary folder next to the output, which then replaces the output folder. A failure
/// before the swap leaves the previous site as it was.
public struct SiteWriter {
  /// The chapters in order.
  public var results: [ChapterResult]
  /// The title shown on every page.
  public var siteTitle = "Deep Learning Companion"
  /// Where unchanged pages are taken from instead of being rendered again, if anywhere.
  public var pageCache: PageCache? = nil
  /// The site this one replaces, whose pages of `kept` chapters are carried over as they were.
  public var earlierSite: URL? = nil
  /// The site's WebAssembly module (the library and every live cell), written as
  /// `assets/library-wasm.js`; without it live cells show the build's outputs only.
  public var browserModule: Data? = nil

  /// Creates a writer for the checked chapters.
  public init(results: [ChapterResult]) {
    self.results = results
  }

  /// Every file of the site except the copied assets: path under the site folder → contents.
  /// The chapter pages, their programs (`NN-slug.swift`), the index and the search corpus.
  public func pages() -> [(name: String, html: String)] {
    var pages: [(name: String, html: String)] = []
    var search = SearchIndex()
    let chapters = Sidebar.entries(results.map(\.chapter))
    // Pages are independent of each other: rendered side by side, then taken in order.
    let rendered = LockedArray<(body: String, document: String)?>(repeating: nil, count: results.count)
    let (results, siteTitle, pageCache, earlierSite) = (
      self.results, self.siteTitle, self.pageCache, self.earlierSite
    )
    parallelWork(
      count: results.count, width: ProcessInfo.processInfo.activeProcessorCount,
      job: { index -> (body: String, document: String) in
        let previous = index > 0 ? results[index - 1].chapter : nil
        let next = index + 1 < results.count ? results[index + 1].chapter : nil
        var page = ChapterPage(
          result: results[index],
          previous: previous.map { (ChapterPage.fileName(for: $0), $0.title) },
          next: next.map { (ChapterPage.fileName(for: $0), $0.title) },
          siteTitle: siteTitle)
        page.chapters = chapters
        if results[index].kept, let earlierSite,
          let data = FileManager.default.contents(
            atPath: earlierSite.appendingPathComponent(ChapterPage.fileName(for: results[index].chapter)).path
          )
        {
          let earlier = String(decoding: data, as: UTF8.self)
          return (SiteWriter.article(of: earlier), earlier)
        }
        let body = pageCache?.body(of: page) ?? page.bodyHTML
        return (body, page.document(body: body))
      },
      completion: { index, page in rendered.set(index, page) })
    for (result, page) in zip(results, rendered.values) {
      let name = ChapterPage.fileName(for: result.chapter)
      pages.append((name, page!.document))
      pages.append(
        (ChapterDownload.fileName(for: result.chapter), ChapterDownload.source(for: result.chapter)))
      search.add(chapterTitle: result.chapter.title, page: name, articleHTML: page!.body)
    }
    pages.append(("index.html", IndexPage(results: results, siteTitle: siteTitle).html))
    var stems = pageCache?.stems() ?? [:]
    let known = stems.count
    pages.append(("assets/search-index.js", search.script(stems: &stems)))
    if stems.count != known { pageCache?.store(stems: stems) }
    return pages
  }

  /// The article of a written page: what its `<main class="page">` holds.
  static func article(of page: String) -> String {
    let text = page[...]
    guard let open = text.utf8Range(of: "<main class=\"page\">\n"),
      let close = text[open.upperBound...].utf8Range(of: "</main>")
    else { return "" }
    return String(text[open.upperBound..<close.lowerBound])
  }

  /// Writes the site into `folder`, replacing it as a whole.
  public func write(to folder: URL) throws {
    let manager = FileManager.default
    let parent = folder.deletingLastPathComponent()
    let name = folder.lastPathComponent
    let staging = parent.appendingPathComponent(".\(name).new-\(getpid())")
    let retired = parent.appendingPathComponent(".\(name).old-\(getpid())")
    try? manager.removeItem(at: staging)
    do {
      try manager.createDirectory(at: staging, withIntermediateDirectories: true)
      try SiteAssets.install(into: staging)
      try SiteFile.write(
        Data("Written by companion build; the folder is replaced by every build.\n".utf8),
        to: staging.appendingPathComponent(SiteDestination.marker))
      for page in pages() {
        try SiteFile.write(Data(page.html.utf8), to: staging.appendingPathComponent(page.name))
      }
      if let browserModule {
        try SiteFile.write(
          Data(BrowserBuild.script(browserModule).utf8),
          to: staging.appendingPathComponent("assets/library-wasm.js"))
      }
    } catch {
      try? manager.removeItem(at: staging)
      throw EngineError("cannot write the site into \(staging.path): \(error)")
    }
    try? manager.removeItem(at: retired)
    if manager.fileExists(atPath: folder.path) {
      do {
        try manager.moveItem(at: folder, to: retired)
      } catch {
        try? manager.removeItem(at: staging)
        throw EngineError("cannot replace \(folder.path): \(error)")
      }
    }
    do {
      try manager.moveItem(at: staging, to: folder)
    } catch {
      try? manager.moveItem(at: retired, to: folder)
      try? manager.removeItem(at: staging)
      throw EngineError("cannot move the new site into \(folder.path): \(error)")
    }
    try? manager.removeItem(at: retired)
  }
}
