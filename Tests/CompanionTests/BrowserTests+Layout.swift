import Foundation
import Testing

/// The site's layout in a real browser, on every chapter built from the repository: nothing
/// scrolls sideways on a desktop, plots stay legible on a phone, and a chapter prints as a
/// document (one picture per figure, not every figure a selector can show).
extension BrowserTests {
  /// What the layout probe reports about one page at one window width.
  struct LayoutReport: Decodable {
    /// Code blocks, outputs and tables wider than their box or the article column.
    var overflowing: [String]
    /// The smallest font size, in CSS pixels as drawn, of the visible text of any plot.
    var smallestPlotText: Double?
    /// The number of plots shown.
    var plots: Int
    /// The page's height in CSS pixels.
    var height: Double
  }

  /// Appended to a copy of each page: when it has loaded, reports on the layout in
  /// `<pre id="layout-report">` as JSON.
  static let layoutProbe = """
    <script>
    window.addEventListener("load", function () {
      var main = document.querySelector("main.page").getBoundingClientRect();
      var overflowing = [];
      var boxes = document.querySelectorAll(
        "main.page pre, main.page pre > code, main.page table, main.page .cell-output, main.page .cell, " +
        "main.page .diff");
      for (var i = 0; i < boxes.length; i++) {
        var box = boxes[i];
        var rect = box.getBoundingClientRect();
        if (rect.width === 0) { continue; }
        if (box.scrollWidth > box.clientWidth + 1 || rect.right > main.right + 1) {
          var cell = box.closest("[id^=cell-]");
          overflowing.push(box.tagName.toLowerCase() + "." + box.className.split(" ")[0] +
            (cell ? " in #" + cell.id : "") + ": " + box.scrollWidth + " > " + box.clientWidth +
            " px: " + box.textContent.trim().slice(0, 60));
        }
      }
      var smallest = null;
      var plots = document.querySelectorAll("svg.plot");
      var shown = 0;
      for (var j = 0; j < plots.length; j++) {
        var svg = plots[j];
        var width = svg.getBoundingClientRect().width;
        if (width === 0) { continue; }
        shown++;
        var scale = width / svg.viewBox.baseVal.width;
        var texts = svg.querySelectorAll("text");
        for (var k = 0; k < texts.length; k++) {
          if (!texts[k].textContent.trim()) { continue; }
          var size = parseFloat(getComputedStyle(texts[k]).fontSize) * scale;
          if (smallest === null || size < smallest) { smallest = size; }
        }
      }
      var report = document.createElement("pre");
      report.id = "layout-report";
      report.textContent = JSON.stringify({
        overflowing: overflowing, smallestPlotText: smallest, plots: shown,
        height: document.documentElement.scrollHeight
      });
      document.body.appendChild(report);
    });
    </script>
    """

  /// The site built from the repository's chapters, once for the layout tests (they run side
  /// by side, and a second build of every chapter would only load the machine): in
  /// `.build/browser-tests/site`, replaced by each test run, with each chapter page copied with
  /// the layout probe as `probe-<page>`.
  static let probedSite: Result<(site: URL, pages: [String]), CompanionBuildFailure> = {
    let site = CompanionRunner.packageRoot.appendingPathComponent(".build/browser-tests/site")
    do {
      let build = try CompanionRunner.run(["build", "--output", site.path], in: CompanionRunner.packageRoot)
      guard build.status == 0 else { return .failure(CompanionBuildFailure(output: build.all)) }
      let pages = try FileManager.default.contentsOfDirectory(atPath: site.path)
        .filter { $0.hasSuffix(".html") && $0.first?.isNumber == true }.sorted()
      for page in pages {
        let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
        let probed = html.replacingOccurrences(of: "</body>", with: layoutProbe + "</body>")
        try Data(probed.utf8).write(to: site.appendingPathComponent("probe-" + page))
      }
      return .success((site, pages))
    } catch {
      return .failure(CompanionBuildFailure(output: "\(error)"))
    }
  }()

  /// The layout report of each page in a window `width` pixels wide.
  static func layoutReports(_ pages: [String], site: URL, width: Int, scratch: URL) -> [LayoutReport?] {
    let urls = pages.map { site.appendingPathComponent("probe-" + $0).absoluteString }
    let loaded = BrowserPage.load(
      urls, chromium: chromium!, scratch: scratch.appendingPathComponent("w\(width)"),
      extraArguments: ["--window-size=\(width),1000", "--hide-scrollbars"])
    return loaded.map { page in
      guard let report = page.element(startingWith: "<pre id=\"layout-report\">") else { return nil }
      let json = report.dropFirst("<pre id=\"layout-report\">".count).dropLast("</pre>".count)
      let text = json.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
        of: "&lt;", with: "<"
      )
      .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
      return try? JSONDecoder().decode(LayoutReport.self, from: Data(text.utf8))
    }
  }

  @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install -y chromium)"))
  func noCodeOutputOrTableScrollsSidewaysAt1280AndPlotTextIsAtLeast9PixelsAt390() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("companion-layout-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let (site, pages) = try Self.probedSite.get()
    #expect(pages.count >= 2)
    let desktop = Self.layoutReports(pages, site: site, width: 1280, scratch: folder)
    let phone = Self.layoutReports(pages, site: site, width: 390, scratch: folder)
    var plots = 0
    for (page, (wide, narrow)) in zip(pages, zip(desktop, phone)) {
      guard let wide, let narrow else {
        Issue.record("\(page): the layout probe did not report")
        continue
      }
      #expect(wide.overflowing.isEmpty, "\(page) at 1280 px scrolls sideways: \(wide.overflowing)")
      plots += narrow.plots
      if let smallest = narrow.smallestPlotText {
        #expect(smallest >= 9, "\(page) at 390 px: plot text drawn at \(smallest) px")
      }
    }
    #expect(plots > 0, "no chapter shows a plot at 390 px")
  }

  @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install -y chromium)"))
  func everyChapterPrintsAPicturePerFigureInAboutAsManyPagesAsTheScreenShows() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("companion-print-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let (site, pages) = try Self.probedSite.get()
    let screens = Self.layoutReports(pages, site: site, width: 1280, scratch: folder)
    let printed = BrowserPage.printedPageCounts(
      pages.map { site.appendingPathComponent($0) }, chromium: Self.chromium!, scratch: folder)
    for (page, (screen, count)) in zip(pages, zip(screens, printed)) {
      guard let screen, let count else {
        Issue.record("\(page): not measured (screen \(screens.count), printed \(printed.count))")
        continue
      }
      // A printed page (A4 or Letter at 11 pt) holds about 900 CSS pixels of the screen's
      // 1280 px column; a gallery of every figure choice prints many times more.
      let bound = Int(screen.height / 450) + 4
      #expect(count <= bound, "\(page) prints \(count) pages; the screen page is \(Int(screen.height)) px")
    }
  }
}

extension BrowserPage {
  /// Each page printed to PDF by headless Chromium (two at a time): its number of pages, or nil
  /// when it did not print.
  static func printedPageCounts(_ files: [URL], chromium: String, scratch: URL) -> [Int?] {
    let counts = LockedCounts(count: files.count)
    DispatchQueue.concurrentPerform(iterations: 2) { worker in
      for index in stride(from: worker, to: files.count, by: 2) {
        let pdf = scratch.appendingPathComponent("print-\(index).pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
          "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
          "--user-data-dir=\(scratch.appendingPathComponent("print-profile-\(index)").path)",
          "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=10000",
          "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", files[index].absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { continue }
        process.waitUntilExit()
        guard let data = FileManager.default.contents(atPath: pdf.path) else { continue }
        counts.set(index, pageCount(ofPDF: data))
      }
    }
    return counts.values
  }

  /// The number of `/Type /Page` objects of a PDF (Chromium writes them uncompressed).
  static func pageCount(ofPDF data: Data) -> Int {
    let text = String(decoding: data, as: UTF8.self)
    let pattern = try! NSRegularExpression(pattern: "/Type\\s*/Page(?![s\\w])")
    return pattern.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
  }
}

/// A build of the site that failed, with what it printed.
struct CompanionBuildFailure: Error, CustomStringConvertible {
  var output: String
  var description: String { "companion build failed:\n\(output)" }
}

/// Counts gathered from worker threads.
private final class LockedCounts: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [Int?]

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Int) { lock.withLock { storage[index] = value } }

  var values: [Int?] { lock.withLock { storage } }
}
