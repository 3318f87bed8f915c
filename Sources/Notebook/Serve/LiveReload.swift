import Foundation

/// How an open page learns that it changed: `serve` adds one script tag to every HTML page it
/// sends (never to the files of the site, which stay as `build` writes them). The script asks
/// `/__companion/wait` whether its page still has the version it was sent with; the answer
/// comes when the page changes (`reload`) or after `PageVersions.waitSeconds` (`same`, ask
/// again). Before reloading it stores the scroll position, and puts it back once reloaded.
enum LiveReload {
  /// The path of the script.
  static let scriptPath = "/__companion/live-reload.js"
  /// The path a page asks whether it changed.
  static let waitPath = "/__companion/wait"

  /// The version of a page's bytes.
  static func version(of data: Data) -> String {
    var hash = ContentHash()
    hash.combine(data)
    return hash.hexDigest
  }

  /// `html` (the page `name` as stored) with the script tag, saying the page is at `version`
  /// (by default the version of its bytes),
  /// before its closing `</body>`; with `problem`, a banner showing it above the page.
  static func inject(
    into html: Data, page name: String, version: String? = nil, problem: String? = nil
  ) -> Data {
    var tag =
      "<script src=\"\(scriptPath)\" data-page=\"\(HTML.escape(name))\" "
      + "data-version=\"\(version ?? self.version(of: html))\"></script>\n"
    if let problem {
      tag =
        "<div class=\"companion-problem\" role=\"alert\" style=\"position:fixed;top:0;left:0;right:0;"
        + "z-index:1000;max-height:50vh;overflow:auto;margin:0;padding:0.5em 1em;background:#fff0f0;"
        + "color:#600;border-bottom:2px solid #c00;font:14px/1.4 monospace\"><strong>The preview is not "
        + "up to date: the support library did not build.</strong> The pages show the last build that "
        + "worked; this goes away once the library builds again.<pre style=\"white-space:pre-wrap\">"
        + HTML.escape(problem) + "</pre></div>\n" + tag
    }
    let text = String(decoding: html, as: UTF8.self)
    guard let end = text.range(of: "</body>", options: .backwards) else {
      return Data((text + tag).utf8)
    }
    return Data((text[..<end.lowerBound] + tag + text[end.lowerBound...]).utf8)
  }

  /// The page sent for a chapter page that is not there (its chapter file was removed or
  /// renamed, or its name is mistyped): it reloads itself once the page exists.
  static func missingPage(_ name: String) -> Data {
    Data(
      ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>No page "
        + HTML.escape(name) + "</title></head>\n<body><main><h1>No page " + HTML.escape(name)
        + "</h1><p>The site has no such page now: its chapter file was removed or renamed. This tab "
        + "shows the page as soon as the chapter is back. <a href=\"index.html\">The contents</a></p>"
        + "</main></body></html>\n").utf8)
  }

  /// The script every served page loads.
  static let script = """
    (function () {
      "use strict";
      var script = document.currentScript;
      var page = script.dataset.page;
      var version = script.dataset.version;
      var key = "companion-scroll:" + page;
      var saved = sessionStorage.getItem(key);
      if (saved !== null) {
        sessionStorage.removeItem(key);
        if ("scrollRestoration" in history) history.scrollRestoration = "manual";
        var y = parseFloat(saved);
        var restore = function () { window.scrollTo(0, y); };
        restore();
        window.addEventListener("load", restore);
        // Math and fonts may still move the text after load.
        setTimeout(restore, 300);
      }
      function wait(delay) {
        setTimeout(function () {
          var url = "\(waitPath)?page=" + encodeURIComponent(page) + "&version=" + version;
          fetch(url, { cache: "no-store" })
            .then(function (response) { return response.text(); })
            .then(function (answer) {
              if (answer.trim() === "reload") {
                sessionStorage.setItem(key, String(window.scrollY));
                location.reload();
              } else {
                wait(0);
              }
            })
            .catch(function () { wait(1000); });
        }, delay);
      }
      wait(0);
    })();

    """
}

/// The current version of every page of the served site, shared by the rebuilding loop (which
/// sets them) and the server (which answers the pages' questions), and the problem every open
/// page shows (a support library that did not build). A page's served version covers both, so
/// an open page reloads when its bytes change, when it comes or goes, and when the problem does.
final class PageVersions: @unchecked Sendable {
  /// The longest a question waits for a change before the answer is `same`.
  static let waitSeconds = 20.0
  /// Stands for a page that does not exist.
  static let absent = "absent"
  private let lock = NSLock()
  private var versions: [String: String] = [:]
  private var shownProblem: String?

  /// Sets the version of `page`; nil for a page that no longer exists.
  func set(_ page: String, _ version: String?) {
    lock.withLock { versions[page] = version }
  }

  /// The version of `page`, or nil.
  func version(of page: String) -> String? {
    lock.withLock { versions[page] }
  }

  /// The problem every page shows, or nil.
  var problem: String? {
    get { lock.withLock { shownProblem } }
    set { lock.withLock { shownProblem = newValue } }
  }

  /// The version a page of bytes `base` (`absent` for none) is served at now.
  func served(base: String) -> String {
    guard let problem else { return base }
    var hash = ContentHash()
    hash.combine(base)
    hash.combine(problem)
    return hash.hexDigest
  }

  /// The page `name` of bytes `data` as sent.
  func served(_ data: Data, page name: String) -> Data {
    let problem = self.problem
    return LiveReload.inject(
      into: data, page: name, version: served(base: LiveReload.version(of: data)), problem: problem)
  }

  /// What is sent for the page `name` that does not exist.
  func missingPage(_ name: String) -> Data {
    LiveReload.inject(
      into: LiveReload.missingPage(name), page: name, version: served(base: PageVersions.absent),
      problem: problem)
  }

  /// The version `page` is served at now: as set, else from its file under `root`.
  func current(_ page: String, root: URL) -> String {
    let base =
      version(of: page)
      ?? PreviewServer.resolve("/" + page, root: root)
      .flatMap { FileManager.default.contents(atPath: $0.path) }.map(LiveReload.version(of:))
      ?? PageVersions.absent
    return served(base: base)
  }

  /// Whether `page` has changed from `version`: now or within `waitSeconds`.
  func waitForChange(of page: String, from version: String, root: URL) -> Bool {
    let deadline = Subprocess.now() + PageVersions.waitSeconds
    while Subprocess.now() < deadline {
      if current(page, root: root) != version { return true }
      Thread.sleep(forTimeInterval: 0.1)
    }
    return false
  }
}
