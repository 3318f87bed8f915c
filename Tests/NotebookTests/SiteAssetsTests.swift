import Foundation
import Testing

@testable import Notebook
@testable import OutputRendering

@Suite struct SiteAssetsTests {
  func installed() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("site-assets-\(UUID().uuidString)", isDirectory: true)
    try SiteAssets.install(into: folder)
    return folder
  }

  @Test func installCopiesKatexHighlightAndWritesOwnFiles() throws {
    let site = try installed()
    defer { try? FileManager.default.removeItem(at: site) }
    let expected = [
      "assets/katex/katex.min.js", "assets/katex/katex.min.css", "assets/lunr/lunr.min.js",
      "assets/katex/fonts/KaTeX_Main-Regular.woff2", "assets/highlight/highlight.min.js",
      "assets/highlight/light.css", "assets/highlight/dark.css", "assets/style.css",
      "assets/site.js",
    ]
    for path in expected {
      let size =
        (try? FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path)[.size]
          as? Int) ?? 0
      #expect(size > 0, "\(path) missing or empty")
    }
  }

  @Test func everyFontTheKatexStylesheetNamesIsInstalled() throws {
    let site = try installed()
    defer { try? FileManager.default.removeItem(at: site) }
    let css = try String(
      contentsOf: site.appendingPathComponent("assets/katex/katex.min.css"), encoding: .utf8)
    let pattern = try NSRegularExpression(pattern: #"url\((fonts/[^)]+)\)"#)
    let matches = pattern.matches(in: css, range: NSRange(css.startIndex..., in: css))
    #expect(!matches.isEmpty)
    for match in matches {
      let path = (css as NSString).substring(with: match.range(at: 1))
      #expect(
        FileManager.default.fileExists(atPath: site.appendingPathComponent("assets/katex/\(path)").path),
        "\(path)")
    }
  }

  @Test func installTwiceGivesIdenticalStyle() throws {
    let first = try installed()
    let second = try installed()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    for path in ["assets/style.css", "assets/site.js", "assets/katex/katex.min.js"] {
      #expect(
        try Data(contentsOf: first.appendingPathComponent(path))
          == Data(contentsOf: second.appendingPathComponent(path)))
    }
  }

  @Test func headLinksAssetsRelativeToTheRoot() {
    let head = SiteAssets.head(root: "../")
    #expect(head.contains("<link rel=\"stylesheet\" href=\"../assets/style.css\">"))
    #expect(head.contains("<script defer src=\"../assets/site.js\"></script>"))
    #expect(
      head.contains("href=\"../assets/highlight/dark.css\" media=\"screen and (prefers-color-scheme: dark)\"")
    )
    #expect(SiteAssets.head(root: "").contains("href=\"assets/katex/katex.min.css\""))
  }

  @Test func styleHasDarkPrintAndPlotColours() {
    let css = SiteResources.text("style.css")
    #expect(css.contains("@media (prefers-color-scheme: dark)"))
    #expect(css.contains("@media print"))
    for name in ["series-0", "series-7", "class-0", "class-1", ".mark.verified", ".diff", "form.search"] {
      #expect(css.contains(name), "\(name)")
    }
  }

  /// The CIE L*a*b* coordinates of an sRGB colour written `#rrggbb`.
  func lab(_ hex: String) -> [Double] {
    let value = Int(hex.dropFirst(), radix: 16) ?? 0
    let linear = [16, 8, 0].map { shift -> Double in
      let channel = Double((value >> shift) & 0xff) / 255
      return channel > 0.04045 ? Foundation.pow((channel + 0.055) / 1.055, 2.4) : channel / 12.92
    }
    let (r, g, b) = (linear[0], linear[1], linear[2])
    let xyz = [
      (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b,
      (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    ].map { $0 > 0.008856 ? Foundation.cbrt($0) : 7.787 * $0 + 16.0 / 116 }
    return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])]
  }

  @Test func plotSeriesColoursStayDistinctInLightAndDarkMode() throws {
    let css = SiteResources.text("style.css")
    let dark = try #require(css.range(of: "@media (prefers-color-scheme: dark)"))
    for (theme, block) in [("light", css[..<dark.lowerBound]), ("dark", css[dark.upperBound...])] {
      let colours = (0..<PlotRenderer.seriesColours).map { index -> String in
        guard let start = block.range(of: "--series-\(index): ") else { return "" }
        return String(block[start.upperBound...].prefix(7))
      }
      #expect(colours.allSatisfy { $0.count == 7 && $0.hasPrefix("#") }, "\(theme): \(colours)")
      for i in colours.indices {
        for j in colours.indices where j > i {
          let distance = zip(lab(colours[i]), lab(colours[j])).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
          #expect(distance.squareRoot() >= 25, "\(theme): \(colours[i]) and \(colours[j]) are too alike")
        }
      }
    }
  }

  @Test func scriptsAreThePackagesFilesAsWritten() throws {
    let folder = try installed()
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources/Notebook/Assets").standardizedFileURL
    for name in SiteResources.names {
      let written = try Data(contentsOf: folder.appendingPathComponent("assets/\(name)"))
      #expect(written == (try Data(contentsOf: source.appendingPathComponent(name))), "\(name)")
      #expect(!written.isEmpty)
    }
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("assets/lunr/lunr.min.js").path))
    #expect(SiteResources.text("site.js").contains("hljs.highlightBlock"))
    #expect(SiteResources.text("search.js").contains("search-index.js"))
  }

  @Test func missingFileErrorNamesThePathAndThePackage() {
    let error = SiteAssets.MissingFile(
      path: "/usr/share/javascript/katex/katex.min.js", package: "libjs-katex")
    #expect(error.description.contains("/usr/share/javascript/katex/katex.min.js"))
    #expect(error.description.contains("apt-get install -y libjs-katex"))
  }
}
