/// The link to the project's source that pages carry when the site was built with one
/// (`companion build --source-url`): a site may be published anywhere, so there is none by
/// default.
enum SourceLink {
  /// ` <a class="source-link" href="...">The project's source</a>` for the footer, or nothing.
  static func footerHTML(_ url: String?) -> String {
    guard let url, !url.isEmpty else { return "" }
    return " <a class=\"source-link\" href=\"\(HTML.escape(url))\">The project's source</a>"
  }
}
