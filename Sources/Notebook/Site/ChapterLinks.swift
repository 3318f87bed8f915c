import Foundation

/// Links between chapters: `NN-slug.md`, `NN-slug.md#section` and `#section` in a chapter's
/// prose become links to the site's pages (`NN-slug.html#section`), and each one is checked
/// against the chapters and their heading ids. External links (with a scheme such as `https:`,
/// or starting with `/`) are left alone and never fetched.
public struct ChapterLinks: Sendable {
  /// Heading ids (and cell ids) by chapter file name (`05-broadcasting.md`).
  private var anchors: [String: Set<String>] = [:]
  /// Heading ids in document order by chapter file name, for messages.
  private var headings: [String: [String]] = [:]

  /// The link targets of `chapters`.
  public init(chapters: [Chapter]) {
    for chapter in chapters {
      let name = (chapter.path as NSString).lastPathComponent
      let ids = HeadingIDs(chapter: chapter).all
      headings[name] = ids
      anchors[name] = Set(ids + chapter.cells.map { "cell-\($0.index)" })
    }
  }

  /// The file names of the chapters whose targets are known (`05-broadcasting.md`), sorted.
  public var fileNames: [String] { anchors.keys.sorted() }

  /// The targets of `chapters` and of every other `.md` chapter in their folders, so a chapter
  /// checked alone still sees the chapters it links to.
  public static func including(siblingsOf chapters: [Chapter]) -> ChapterLinks {
    var all = chapters
    var known = Set(chapters.map { URL(fileURLWithPath: $0.path).standardizedFileURL.path })
    let folders = Set(chapters.map { ($0.path as NSString).deletingLastPathComponent })
    for folder in folders.sorted() {
      let directory = folder.isEmpty ? "." : folder
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      for name in names.sorted() where name.hasSuffix(".md") {
        let path = folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard !known.contains(absolute), let data = FileManager.default.contents(atPath: path) else {
          continue
        }
        known.insert(absolute)
        all.append(Chapter(path: path, source: String(decoding: data, as: UTF8.self)))
      }
    }
    return ChapterLinks(chapters: all)
  }

  /// What a link destination written in a chapter points at.
  enum Target: Equatable {
    /// Not a link between chapters: left as written.
    case external
    /// A section of the same page (`#id`).
    case section(id: String)
    /// Another chapter (`NN-slug.md`), optionally one of its sections.
    case chapter(file: String, id: String?)
    /// A relative `.md` link that names a folder: not a chapter of this site.
    case otherFile(String)
  }

  /// Classifies `url` as written in a chapter.
  static func target(of url: String) -> Target {
    if url.hasPrefix("#") { return .section(id: String(url.dropFirst())) }
    if url.isEmpty || url.hasPrefix("/") || url.contains(":") || url.hasPrefix("?") { return .external }
    let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    var path = String(parts[0])
    let id = parts.count > 1 ? String(parts[1]) : nil
    guard path.hasSuffix(".md") else { return .external }
    while path.hasPrefix("./") { path.removeFirst(2) }
    if path.contains("/") { return .otherFile(path) }
    return .chapter(file: path, id: id)
  }

  /// The destination on the site for a link written as `url` (`05-x.md#a` → `05-x.html#a`).
  static func siteURL(for url: String) -> String {
    guard case .chapter(let file, let id) = target(of: url) else { return url }
    let page = String(file.dropLast(3)) + ".html"
    return id.map { "\(page)#\($0)" } ?? page
  }

  /// One error per link of `chapter` to a chapter or a section that does not exist.
  public func diagnostics(for chapter: Chapter) -> [Diagnostic] {
    let own = (chapter.path as NSString).lastPathComponent
    let protection = MathProtection(source: chapter.source)
    var found: [Diagnostic] = []
    for link in CommonMark.links(in: protection.protectedText) {
      let problem: String?
      switch ChapterLinks.target(of: link.url) {
      case .external:
        problem = nil
      case .otherFile(let path):
        problem =
          "link to \(path): only chapters (NN-slug.md, in the same folder) can be linked by name; "
          + "use a full URL for other files"
      case .section(let id):
        problem = missing(id: id, in: own).map { "link to #\(id): \($0)" }
      case .chapter(let file, let id):
        if anchors[file] == nil {
          problem = "link to \(link.url): there is no chapter \(file)"
        } else if let id {
          problem = missing(id: id, in: file).map { "link to \(link.url): \($0)" }
        } else {
          problem = nil
        }
      }
      if let problem {
        found.append(Diagnostic(file: chapter.path, line: link.line, message: problem))
      }
    }
    return found
  }

  /// Why `id` is not a section of `file`, or nil when it is.
  private func missing(id: String, in file: String) -> String? {
    guard let ids = anchors[file], !ids.contains(id) else { return nil }
    let listed = (headings[file] ?? []).prefix(12).joined(separator: ", ")
    return "\(file) has no heading with id '\(id)'" + (listed.isEmpty ? "" : " (its ids: \(listed))")
  }
}
