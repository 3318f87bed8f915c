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

  /// `html` (the page `name` as stored) with the script tag before its closing `</body>`.
  static func inject(into html: Data, page name: String) -> Data {
    let tag =
      "<script src=\"\(scriptPath)\" data-page=\"\(HTML.escape(name))\" "
      + "data-version=\"\(version(of: html))\"></script>\n"
    let text = String(decoding: html, as: UTF8.self)
    guard let end = text.range(of: "</body>", options: .backwards) else {
      return Data((text + tag).utf8)
    }
    return Data((text[..<end.lowerBound] + tag + text[end.lowerBound...]).utf8)
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
/// sets them) and the server (which answers the pages' questions).
final class PageVersions: @unchecked Sendable {
  /// The longest a question waits for a change before the answer is `same`.
  static let waitSeconds = 20.0
  private let lock = NSLock()
  private var versions: [String: String] = [:]

  /// Sets the version of `page`; nil for a page that no longer exists.
  func set(_ page: String, _ version: String?) {
    lock.withLock { versions[page] = version }
  }

  /// The version of `page`, or nil.
  func version(of page: String) -> String? {
    lock.withLock { versions[page] }
  }

  /// Whether `page` has changed from `version`: now or within `waitSeconds`.
  func waitForChange(of page: String, from version: String) async -> Bool {
    let deadline = Date().addingTimeInterval(PageVersions.waitSeconds)
    while Date() < deadline {
      if self.version(of: page) != version { return true }
      try? await Task.sleep(nanoseconds: 100_000_000)
      if Task.isCancelled { return false }
    }
    return false
  }
}
