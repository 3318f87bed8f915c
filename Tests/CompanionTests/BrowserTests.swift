import Foundation
import Testing

/// The built site in a real browser: headless Chromium opens every page of the site built from
/// the repository's chapters, from `file://` with every host name unresolvable (no network),
/// and the DOM after the scripts ran is checked.
///
/// Where `chromium` is not installed the test is skipped and says so; `.ci/run` installs it and
/// sets `COMPANION_REQUIRE_BROWSER=1`, which turns a missing browser into a failure.
@Suite struct BrowserTests {
  /// The browser, from `CHROMIUM` or `chromium` / `chromium-browser` on PATH.
  static let chromium: String? = {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) { return path }
    let folders = (environment["PATH"] ?? "/usr/bin").split(separator: ":")
    for name in ["chromium", "chromium-browser"] {
      for folder in folders {
        let path = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
      }
    }
    return nil
  }()

  static let required = ProcessInfo.processInfo.environment["COMPANION_REQUIRE_BROWSER"] == "1"

  @Test func browserIsInstalledWhereItIsRequired() {
    #expect(Self.chromium != nil || !Self.required, "COMPANION_REQUIRE_BROWSER=1 but chromium is not on PATH")
    if Self.chromium == nil {
      print(
        "BrowserTests: chromium is not installed (apt-get install -y chromium); the browser test is skipped")
    }
  }

  @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install -y chromium)"))
  func everyPageRendersItsMathAndCodeWithoutConsoleErrorsAndSearchFindsTheFlower() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("companion-browser-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let site = folder.appendingPathComponent("site")
    let build = try CompanionRunner.run(
      ["build", "--output", site.path], in: CompanionRunner.packageRoot)
    #expect(build.status == 0, "\(build.all)")
    let pages = try FileManager.default.contentsOfDirectory(atPath: site.path)
      .filter { $0.hasSuffix(".html") }.sorted()
    #expect(pages.count >= 2)
    let planar = try #require(pages.first { $0.contains("planar") }, "no planar chapter in \(pages)")

    // A page that builds the index in the browser, with lunr, from the shipped documents.
    let comparison = site.appendingPathComponent("lunr-comparison.html")
    try Data(BrowserTests.lunrComparisonPage.utf8).write(to: comparison)
    let visits =
      pages.map { site.appendingPathComponent($0).absoluteString }
      + [
        comparison.absoluteString,
        site.appendingPathComponent("index.html").absoluteString + "?search=flower",
      ]
    let results = BrowserPage.load(visits, chromium: Self.chromium!, scratch: folder)
    for (url, page) in zip(visits, results) {
      let name = URL(string: url)?.lastPathComponent ?? url
      #expect(page.consoleMessages.isEmpty, "\(name): console: \(page.consoleMessages)")
      #expect(page.dom.contains("</html>"), "\(name): no DOM was dumped")
      #expect(!page.dom.contains("katex-error"), "\(name): KaTeX could not render a formula")
      #expect(page.unrenderedMath.isEmpty, "\(name): formulas KaTeX did not render: \(page.unrenderedMath)")
      let text = page.visibleText
      if let dollars = text.range(of: "$$") {
        let start =
          text.index(dollars.lowerBound, offsetBy: -80, limitedBy: text.startIndex) ?? text.startIndex
        let context = String(text[start..<dollars.upperBound])
        Issue.record("\(name): a $$ is left unrendered: …\(context)")
      }
      let unhighlighted = page.codeClassLists.filter { $0.contains("language-") && !$0.contains("hljs") }
      #expect(unhighlighted.isEmpty, "\(name): code blocks highlight.js did not touch: \(unhighlighted)")
    }
    let lunrBuilt = results[results.count - 2].dom
    #expect(
      lunrBuilt.contains("<p id=\"result\">identical</p>"), "the shipped index is not lunr's: \(lunrBuilt)")
    let search = try #require(results.last)
    let list = search.element(startingWith: "<ol class=\"search-results\"") ?? ""
    #expect(list.contains("href=\"\(planar)"), "the search for flower does not list \(planar): \(list)")

    // Every page with live cells, with `#live-selftest`: each live cell reruns in the browser
    // module with its defaults (the bytes must be the build's) and with one control moved (the
    // outputs must change).
    let livePages = try pages.filter {
      String(decoding: try Data(contentsOf: site.appendingPathComponent($0)), as: UTF8.self)
        .contains("data-live=")
    }
    #expect(livePages.count >= 5, "pages with live cells: \(livePages)")
    let liveURLs = livePages.map { site.appendingPathComponent($0).absoluteString + "#live-selftest" }
    var loaded = BrowserPage.load(liveURLs, chromium: Self.chromium!, scratch: folder)
    // The module compiles asynchronously, outside Chromium's virtual time: on a busy machine the
    // DOM can be dumped before the self-test ran. Such a page (no report at all) is loaded
    // again, at most twice; a report that disagrees is never retried.
    for attempt in 1...2 {
      for (index, page) in loaded.enumerated() where !LiveSelftest.hasReport(page.dom) {
        let profile = folder.appendingPathComponent("live-retry-\(attempt)-\(index)")
        loaded[index] = BrowserPage.load(liveURLs[index], chromium: Self.chromium!, profile: profile)
      }
    }
    for (name, page) in zip(livePages, loaded) {
      let built = String(decoding: try Data(contentsOf: site.appendingPathComponent(name)), as: UTF8.self)
      try LiveSelftest.check(page: name, built: built, dom: page.dom, console: page.consoleMessages)
    }
  }

  /// Builds the lunr index of `window.companionSearchDocuments` as lunr.js does and says whether
  /// its JSON is the shipped `window.companionSearchIndex`.
  static let lunrComparisonPage = """
    <!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p id="result">not run</p>
    <script src="assets/lunr/lunr.min.js"></script><script src="assets/search-index.js"></script>
    <script>
    var d = window.companionSearchDocuments;
    var built = lunr(function () {
      this.ref("i"); this.field("s", { boost: 4 }); this.field("c", { boost: 2 }); this.field("t");
      for (var i = 0; i < d.length; i++) { this.add({ i: String(i), s: d[i].s, c: d[i].c, t: d[i].t }); }
    });
    var same = JSON.stringify(built) === JSON.stringify(window.companionSearchIndex);
    document.getElementById("result").textContent = same ? "identical" : "different";
    </script></body></html>
    """

  @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install -y chromium)"))
  func theEveryCellFixtureRendersOnlyTheMathTheEngineMarked() throws {
    let folder = try CompanionRunner.workspace(with: ["11-every-cell.md", "12-compile-error-cell.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try CompanionRunner.run(["build"], in: folder)
    let site = folder.appendingPathComponent("site")
    let urls = ["11-every-cell.html", "12-compile-error-cell.html"].map {
      site.appendingPathComponent($0).absoluteString
    }
    let pages = BrowserPage.load(urls, chromium: Self.chromium!, scratch: folder)
    for (url, page) in zip(urls, pages) {
      #expect(page.consoleMessages.isEmpty, "\(url): \(page.consoleMessages)")
      #expect(page.unrenderedMath.isEmpty && !page.dom.contains("katex-error"), "\(url)")
    }
    let dom = pages[0].dom
    #expect(
      dom.contains(
        "Prices such as $5 and $10 stay text, an\nescaped $ is a dollar, and <span class=\"math inline\"><span class=\"katex\">"
      ))
    // Display math in the list; inline math in prose, the list, the table, and the heading (also
    // in the contents and the sidebar).
    #expect(dom.components(separatedBy: "<span class=\"katex-display\">").count == 2)
    #expect(dom.components(separatedBy: "<span class=\"math inline\"><span class=\"katex\">").count == 7)
  }
}

/// One page as headless Chromium left it: the serialized DOM and what the page logged.
struct BrowserPage {
  var dom: String
  var consoleMessages: [String]

  /// Loads each URL in its own browser process, two at a time (`extraArguments` such as a
  /// window size are passed to each).
  static func load(_ urls: [String], chromium: String, scratch: URL, extraArguments: [String] = [])
    -> [BrowserPage]
  {
    let box = PageBox(count: urls.count)
    DispatchQueue.concurrentPerform(iterations: 2) { worker in
      for index in stride(from: worker, to: urls.count, by: 2) {
        box.set(
          index,
          load(
            urls[index], chromium: chromium, profile: scratch.appendingPathComponent("profile-\(index)"),
            extraArguments: extraArguments))
      }
    }
    return box.pages
  }

  /// Runs `chromium --headless --dump-dom` on `url`, with console messages logged to stderr.
  static func load(_ url: String, chromium: String, profile: URL, extraArguments: [String] = [])
    -> BrowserPage
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
        "--user-data-dir=\(profile.path)", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000",
      ] + extraArguments + ["--dump-dom", url]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    do { try process.run() } catch { return BrowserPage(dom: "", consoleMessages: ["\(error)"]) }
    let errors = ErrorCollector(err.fileHandleForReading)
    let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let console = errors.text.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
    return BrowserPage(dom: dom, consoleMessages: console)
  }

  /// The text of the page outside code, scripts and KaTeX's MathML copy of each formula.
  var visibleText: String {
    var text = dom
    for (open, close) in [
      ("<script", "</script>"), ("<pre", "</pre>"), ("<code", "</code>"), ("<annotation", "</annotation>"),
    ] {
      while let start = text.range(of: open),
        let end = text.range(of: close, range: start.upperBound..<text.endIndex)
      {
        text.removeSubrange(start.lowerBound..<end.upperBound)
      }
    }
    return text
  }

  /// The start of every math element the engine marked (`span.math`) that holds no KaTeX
  /// rendering.
  var unrenderedMath: [String] {
    dom.components(separatedBy: "<span class=\"math ").dropFirst().compactMap { piece in
      guard let tagEnd = piece.firstIndex(of: ">") else { return String(piece.prefix(60)) }
      let content = piece[piece.index(after: tagEnd)...]
      return content.hasPrefix("<span class=\"katex") ? nil : String(content.prefix(60))
    }
  }

  /// The class attribute of every `<code>` element.
  var codeClassLists: [String] {
    dom.components(separatedBy: "<code").dropFirst().compactMap { piece in
      guard let tagEnd = piece.firstIndex(of: ">") else { return nil }
      let tag = piece[..<tagEnd]
      guard let start = tag.range(of: "class=\"") else { return "" }
      return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }
  }

  /// The markup from the first occurrence of `prefix` to the end of that element's tag name's
  /// first closing tag.
  func element(startingWith prefix: String) -> String? {
    guard let start = dom.range(of: prefix) else { return nil }
    let name = prefix.dropFirst().prefix { $0.isLetter || $0.isNumber }
    guard let end = dom.range(of: "</\(name)>", range: start.upperBound..<dom.endIndex) else { return nil }
    return String(dom[start.lowerBound..<end.upperBound])
  }
}

/// Reads a pipe to its end on another thread (so a full stderr pipe never blocks the browser).
private final class ErrorCollector: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    DispatchQueue.global().async {
      self.data = handle.readDataToEndOfFile()
      self.done.signal()
    }
  }

  var text: String {
    done.wait()
    return String(decoding: data, as: UTF8.self)
  }
}

/// Pages gathered from worker threads.
private final class PageBox: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [BrowserPage]

  init(count: Int) { storage = Array(repeating: BrowserPage(dom: "", consoleMessages: []), count: count) }

  func set(_ index: Int, _ page: BrowserPage) { lock.withLock { storage[index] = page } }

  var pages: [BrowserPage] { lock.withLock { storage } }
}
