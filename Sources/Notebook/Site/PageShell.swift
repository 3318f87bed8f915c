/// The frame every page of the site shares: the document head with the assets and the site
/// header linking back to the index.
enum PageShell {
  /// From `<!DOCTYPE html>` through `<body>`, for a page titled `title`.
  static func documentStart(title: String) -> String {
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<title>\(HTML.escape(title))</title>\n"
    out += SiteAssets.head(root: "")
    out += "</head>\n<body>\n"
    return out
  }

  /// The site header: the site title linking to the index, an optional label (HTML: the
  /// chapter's number and title), and the search box (`assets/search.js` wires it; without
  /// JavaScript it is hidden).
  static func header(siteTitle: String, label: String? = nil) -> String {
    var out = "<header class=\"site-header\"><a href=\"index.html\">\(HTML.escape(siteTitle))</a>"
    if let label { out += "<span class=\"chapter-title\">\(label)</span>" }
    out += searchBox
    return out + "</header>\n"
  }

  /// The search form: a search field and the (initially empty) list of results.
  static let searchBox =
    "<form class=\"search\" role=\"search\" action=\"index.html\">"
    + "<input type=\"search\" name=\"search\" placeholder=\"Search (press /)\" "
    + "aria-label=\"Search the chapters\" autocomplete=\"off\" spellcheck=\"false\">"
    + "<ol class=\"search-results\" hidden></ol></form>"
}
