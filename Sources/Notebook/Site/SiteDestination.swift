import Foundation

/// The folder `build` writes the site into, checked before anything runs: the site folder is the
/// engine's alone. It may be absent, empty, or a site the engine wrote (it leaves ``marker`` in
/// every site; a folder holding only an `index.html`, `assets/` and `.html` pages, as earlier
/// builds left it, counts too). Anything else is refused and left untouched: a folder holding
/// other files, the chapters folder or any folder containing it, a package root, `/`, the home
/// folder.
public enum SiteDestination {
  /// The file every site the engine writes carries.
  public static let marker = ".companion-site"

  /// Throws an error naming the folder (as given) and the reason if `path` may not be replaced by
  /// a site.
  public static func check(_ path: String, chapterFolders: [URL]) throws {
    let target = canonical(URL(fileURLWithPath: path))
    let refuse = { (reason: String) in
      EngineError("refusing to write the site into \(path): \(reason); choose another --output")
    }
    if target.path == "/" { throw refuse("it is the root folder") }
    let given = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    if (try? FileManager.default.attributesOfItem(atPath: given))?[.type] as? FileAttributeType
      == .typeSymbolicLink
    {
      // The site replaces its folder as a whole: a link would be replaced by a folder.
      throw refuse("it is a symbolic link (to \(target.path)); give that folder instead")
    }
    if target.path == canonical(FileManager.default.homeDirectoryForCurrentUser).path {
      throw refuse("it is the home folder")
    }
    for source in chapterFolders {
      let chapters = canonical(source)
      if chapters.path == target.path || chapters.path.hasPrefix(target.path + "/") {
        throw refuse("it holds the chapters (\(source.path))")
      }
    }
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
    guard isDirectory.boolValue else { throw refuse("it is a file, not a folder") }
    let entries = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
    if entries.isEmpty || entries.contains(marker) { return }
    if entries.contains("Package.swift") { throw refuse("it is a package root") }
    let earlierSite =
      entries.contains("index.html") && entries.contains("assets")
      && entries.allSatisfy { $0 == "assets" || $0.hasSuffix(".html") }
    if earlierSite { return }
    let shown = entries.sorted().prefix(3).joined(separator: ", ")
    throw refuse(
      "it holds files the engine did not write (\(shown)\(entries.count > 3 ? ", ..." : ""))")
  }

  /// The absolute path with symbolic links resolved and no trailing slash.
  static func canonical(_ url: URL) -> URL {
    url.standardizedFileURL.resolvingSymlinksInPath()
  }
}
