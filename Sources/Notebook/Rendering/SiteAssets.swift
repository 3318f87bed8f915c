import Foundation

/// The site's static assets: KaTeX, highlight.js and lunr.js copied from their Debian packages,
/// plus the project's own stylesheet and scripts (`SiteResources`).
///
/// Layout under the site folder:
/// ```
/// assets/style.css, assets/site.js, assets/search.js, assets/playground.js
/// assets/katex/katex.min.css, katex.min.js, fonts/*
/// assets/highlight/highlight.min.js, light.css, dark.css
/// assets/lunr/lunr.min.js
/// ```
/// `assets/search-index.js` is written with the pages (`SearchIndex`).
public enum SiteAssets {
  /// A Debian file the site needs is missing.
  public struct MissingFile: Error, CustomStringConvertible {
    /// The path that was looked for.
    public var path: String
    /// The Debian package that provides it.
    public var package: String
    public var description: String {
      "missing \(path) (install the Debian package: apt-get install -y \(package))"
    }
  }

  /// Where libjs-katex installs KaTeX.
  public static let katexDirectory = "/usr/share/javascript/katex"
  /// Where libjs-highlight.js installs highlight.js.
  public static let highlightDirectory = "/usr/share/javascript/highlight.js"
  /// Where libjs-lunr installs lunr.js.
  public static let lunrDirectory = "/usr/share/javascript/lunr"
  /// The highlight.js theme used in light mode.
  static let lightTheme = "github.css"
  /// The highlight.js theme used in dark mode.
  static let darkTheme = "atom-one-dark.css"

  /// Copies the Debian assets into `siteDirectory/assets/` and the project's own files beside
  /// them.
  ///
  /// - Throws: `MissingFile` naming the path and the Debian package when a file is absent, or
  ///   the file system's error when writing fails.
  public static func install(into siteDirectory: URL) throws {
    let assets = siteDirectory.appendingPathComponent("assets", isDirectory: true)
    let katex = assets.appendingPathComponent("katex", isDirectory: true)
    let highlight = assets.appendingPathComponent("highlight", isDirectory: true)
    let fonts = katex.appendingPathComponent("fonts", isDirectory: true)
    let lunr = assets.appendingPathComponent("lunr", isDirectory: true)
    let manager = FileManager.default
    for folder in [assets, katex, highlight, fonts, lunr] {
      try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    let katexPackage = "libjs-katex"
    let highlightPackage = "libjs-highlight.js"
    try copy("\(katexDirectory)/katex.min.js", package: katexPackage, to: katex)
    try copy("\(katexDirectory)/katex.min.css", package: katexPackage, to: katex)
    try copyFonts(to: fonts)
    try copy("\(highlightDirectory)/highlight.min.js", package: highlightPackage, to: highlight)
    try copy(
      "\(highlightDirectory)/styles/\(lightTheme)", package: highlightPackage, to: highlight,
      as: "light.css")
    try copy(
      "\(highlightDirectory)/styles/\(darkTheme)", package: highlightPackage, to: highlight,
      as: "dark.css")
    try copy("\(lunrDirectory)/lunr.min.js", package: "libjs-lunr", to: lunr)
    for name in SiteResources.names {
      try SiteFile.write(SiteResources.data(name), to: assets.appendingPathComponent(name))
    }
  }

  /// The `<link>` and `<script>` tags for a page; `root` is the relative path from the page to
  /// the site folder (`""` for a top-level page, `"../"` one level down).
  public static func head(root: String) -> String {
    let root = HTML.escape(root)
    return """
      <link rel="stylesheet" href="\(root)assets/katex/katex.min.css">
      <link rel="stylesheet" href="\(root)assets/highlight/light.css" media="(prefers-color-scheme: light), print">
      <link rel="stylesheet" href="\(root)assets/highlight/dark.css" media="screen and (prefers-color-scheme: dark)">
      <link rel="stylesheet" href="\(root)assets/style.css">
      <script defer src="\(root)assets/katex/katex.min.js"></script>
      <script defer src="\(root)assets/highlight/highlight.min.js"></script>
      <script defer src="\(root)assets/lunr/lunr.min.js"></script>
      <script defer src="\(root)assets/site.js"></script>
      <script defer src="\(root)assets/search.js"></script>
      <script defer src="\(root)assets/wasm.js"></script>
      <script defer src="\(root)assets/live.js"></script>
      <script defer src="\(root)assets/playground.js"></script>

      """
  }

  /// Copies every KaTeX font (the Debian folder is a symbolic link into fonts-katex).
  private static func copyFonts(to destination: URL) throws {
    let source = URL(fileURLWithPath: "\(katexDirectory)/fonts").resolvingSymlinksInPath()
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: source.path).sorted()
    } catch {
      throw MissingFile(path: "\(katexDirectory)/fonts", package: "fonts-katex")
    }
    let fonts = names.filter { $0.hasPrefix("KaTeX_") }
    guard !fonts.isEmpty else {
      throw MissingFile(path: "\(katexDirectory)/fonts/KaTeX_*", package: "fonts-katex")
    }
    for name in fonts {
      try copy(source.appendingPathComponent(name).path, package: "fonts-katex", to: destination)
    }
  }

  /// Copies one file (following symbolic links), replacing an existing copy.
  private static func copy(_ path: String, package: String, to folder: URL, as name: String? = nil)
    throws
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw MissingFile(path: path, package: package)
    }
    let target = folder.appendingPathComponent(name ?? (path as NSString).lastPathComponent)
    try SiteFile.write(data, to: target)
  }
}
