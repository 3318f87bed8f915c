import Foundation

/// The rendered articles of chapter pages (the page without its header, sidebar and pager),
/// stored under a hash of everything an article is made from: the running engine (its
/// executable's size and modification time stand for the renderer's code), the chapter's path
/// and source, the key of the stored run it shows, and its diagnostics (those of its links to
/// other chapters included). A build with nothing changed renders no article; a prose edit
/// renders one.
///
/// Only pages of stored runs are kept (a run's key names exactly one run). The folder holds at
/// most `limit` pages: the least recently used go first.
public struct PageCache: Sendable {
  /// The folder of the pages.
  public var directory: URL
  /// The most pages kept.
  public var limit = 200
  /// Stands for the code that renders pages.
  let engine: String

  /// A cache in `directory` for the running executable.
  public init(directory: URL) {
    self.directory = directory
    engine = PageCache.executableIdentity()
  }

  /// The page's article (``ChapterPage/bodyHTML``): from the cache when its inputs are
  /// unchanged, else rendered (and stored when its run is a stored one).
  func body(of page: ChapterPage) -> String {
    guard let runKey = page.result.runKey else { return page.bodyHTML }
    var hash = ContentHash()
    hash.combine("companion-article-v1")
    hash.combine(engine)
    hash.combine(runKey)
    hash.combine(page.result.chapter.path)
    hash.combine(page.result.chapter.source)
    hash.combine(page.result.check.diagnostics.map(\.description).joined(separator: "\n"))
    let file = directory.appendingPathComponent("\(hash.hexDigest).html")
    if let data = CacheFile.read(file) {
      // Touched, so the least recently used pages are the ones trimmed.
      try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: file.path)
      return String(decoding: data, as: UTF8.self)
    }
    let html = page.bodyHTML
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try? CacheFile.write(Data(html.utf8), to: file)
    return html
  }

  /// The search index's stems of earlier builds (token to stem), made by this engine.
  func stems() -> [String: String] {
    guard let data = FileManager.default.contents(atPath: stemsFile.path) else { return [:] }
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.first.map(String.init) == engine else { return [:] }
    var stems: [String: String] = [:]
    for line in lines.dropFirst() {
      let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
      if parts.count == 2 { stems[String(parts[0])] = String(parts[1]) }
    }
    return stems
  }

  /// Keeps `stems` for the next build (tokens hold no tab or line break: lunr splits on them).
  func store(stems: [String: String]) {
    var text = engine
    for token in stems.keys.sorted() { text += "\n\(token)\t\(stems[token]!)" }
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try? Data(text.utf8).write(to: stemsFile, options: .atomic)
  }

  private var stemsFile: URL { directory.appendingPathComponent("search-stems.txt") }

  /// Removes the least recently used pages beyond `limit`.
  public func trim() {
    let manager = FileManager.default
    guard
      let names = try? manager.contentsOfDirectory(atPath: directory.path).filter({ $0.hasSuffix(".html") }),
      names.count > limit
    else { return }
    let dated = names.map { name -> (String, Date) in
      let path = directory.appendingPathComponent(name).path
      let date = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date
      return (path, date ?? .distantPast)
    }
    for (path, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(limit) {
      try? manager.removeItem(atPath: path)
    }
  }

  /// The running executable's path, size and modification time.
  static func executableIdentity() -> String {
    let path =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
    let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(path) \(size) \(modified)"
  }
}
