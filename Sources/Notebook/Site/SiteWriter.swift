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
    for (index, result) in results.enumerated() {
      let previous = index > 0 ? results[index - 1].chapter : nil
      let next = index + 1 < results.count ? results[index + 1].chapter : nil
      var page = ChapterPage(
        result: result,
        previous: previous.map { (ChapterPage.fileName(for: $0), $0.title) },
        next: next.map { (ChapterPage.fileName(for: $0), $0.title) },
        siteTitle: siteTitle)
      page.chapters = chapters
      let body = pageCache?.body(of: page) ?? page.bodyHTML
      let name = ChapterPage.fileName(for: result.chapter)
      pages.append((name, page.document(body: body)))
      pages.append(
        (ChapterDownload.fileName(for: result.chapter), ChapterDownload.source(for: result.chapter)))
      search.add(chapterTitle: result.chapter.title, page: name, articleHTML: body)
    }
    pages.append(("index.html", IndexPage(results: results, siteTitle: siteTitle).html))
    var stems = pageCache?.stems() ?? [:]
    let known = stems.count
    pages.append(("assets/search-index.js", search.script(stems: &stems)))
    if stems.count != known { pageCache?.store(stems: stems) }
    return pages
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
