import Ccmark
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A code block as cmark parsed it.
struct MarkdownCodeBlock: Sendable, Equatable {
  /// The info string of a fenced block (`swift hide`), empty for indented blocks.
  var info: String
  /// The code, ending with a newline unless empty.
  var literal: String
  /// The 1-based line of the opening fence.
  var startLine: Int
  /// The 1-based column (in bytes) where the block starts: its fence, for a fenced block.
  var startColumn: Int = 1
  /// The 1-based last line of the block (the closing fence, if any).
  var endLine: Int
  /// Whether the block is fenced (as opposed to indented); exact in `codeBlocks(in:)`.
  var isFenced: Bool
}

/// A heading as cmark parsed it.
struct MarkdownHeading: Sendable, Equatable {
  /// 1 for `#`, 2 for `##`, ...
  var level: Int
  /// The rendered content between the tags.
  var innerHTML: String
  /// The plain text of the heading (text and code spans).
  var text: String
  /// The 1-based line of the heading.
  var line: Int
}

/// A run of text in prose (not code), with the line of the block that holds it.
struct MarkdownText: Sendable, Equatable {
  /// The text, as cmark decoded it (entities and escapes resolved).
  var literal: String
  /// The 1-based start line of the enclosing block.
  var line: Int
}

/// A link in prose, with the line where it is written.
struct MarkdownLink: Sendable, Equatable {
  /// The destination as written (after entity decoding).
  var url: String
  /// The 1-based line of the link (of its block when cmark gives no inline position).
  var line: Int
}

/// How `CommonMark.render` replaces parts of the document.
struct MarkdownRenderHooks {
  /// The HTML that replaces the code block with the given document-order index (nil keeps
  /// cmark's own).
  var codeBlock: (Int, MarkdownCodeBlock) -> String?
  /// The HTML that replaces a heading (nil keeps cmark's own).
  var heading: (MarkdownHeading) -> String?
  /// The new text of a text run (escaped by the renderer).
  var text: (MarkdownText) -> String
  /// The new destination of a link (escaped by the renderer).
  var link: (String) -> String = { $0 }
}

/// The one place that talks to cmark: parsing, walking and rendering Markdown.
enum CommonMark {
  /// The parse options: source positions, and raw HTML kept as written.
  static let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE

  /// The code blocks of `source` in document order.
  static func codeBlocks(in source: String) -> [MarkdownCodeBlock] {
    withDocument(source) { root in
      let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
      return nodes(of: root, type: CMARK_NODE_CODE_BLOCK).map { node in
        var block = codeBlock(node)
        if block.startLine >= 1 && block.startLine <= lines.count {
          let text = lines[block.startLine - 1].drop(while: { $0 == " " || $0 == ">" || $0 == "\t" })
          block.isFenced = text.hasPrefix("```") || text.hasPrefix("~~~")
        }
        return block
      }
    }
  }

  /// The text runs of the prose of `source` (adjacent runs merged).
  static func texts(in source: String) -> [MarkdownText] {
    withDocument(source) { root in
      cmark_consolidate_text_nodes(root)
      return nodes(of: root, type: CMARK_NODE_TEXT).map { node in
        MarkdownText(literal: literal(node), line: blockLine(node))
      }
    }
  }

  /// The headings of `source` in document order, their links' destinations replaced by `link`.
  static func headings(in source: String, link: (String) -> String = { $0 }) -> [MarkdownHeading] {
    withDocument(source) { root in
      replaceLinks(in: root, with: link)
      return nodes(of: root, type: CMARK_NODE_HEADING).map(heading)
    }
  }

  /// The links of the prose of `source` in document order.
  static func links(in source: String) -> [MarkdownLink] {
    withDocument(source) { root in
      nodes(of: root, type: CMARK_NODE_LINK).map { node in
        let line = Int(cmark_node_get_start_line(node))
        return MarkdownLink(url: url(node), line: line > 0 ? line : blockLine(node))
      }
    }
  }

  /// Renders `source` to HTML, letting `hooks` replace code blocks, headings, text runs and
  /// link destinations.
  static func render(_ source: String, hooks: MarkdownRenderHooks) -> String {
    withDocument(source) { root in
      replaceLinks(in: root, with: hooks.link)
      cmark_consolidate_text_nodes(root)
      for node in nodes(of: root, type: CMARK_NODE_TEXT) {
        let original = MarkdownText(literal: literal(node), line: blockLine(node))
        let replaced = hooks.text(original)
        if replaced != original.literal { cmark_node_set_literal(node, replaced) }
      }
      for node in nodes(of: root, type: CMARK_NODE_HEADING) {
        if let html = hooks.heading(heading(node)) { replace(node, withHTML: html) }
      }
      for (index, node) in nodes(of: root, type: CMARK_NODE_CODE_BLOCK).enumerated() {
        if let html = hooks.codeBlock(index, codeBlock(node)) { replace(node, withHTML: html) }
      }
      return html(root)
    }
  }

  // MARK: - cmark access

  /// Gives every link under `root` the destination `link` makes of its own.
  private static func replaceLinks(in root: OpaquePointer, with link: (String) -> String) {
    for node in nodes(of: root, type: CMARK_NODE_LINK) {
      let original = url(node)
      let replaced = link(original)
      if replaced != original { cmark_node_set_url(node, replaced) }
    }
  }

  static func withDocument<T>(_ source: String, _ body: (OpaquePointer) -> T) -> T {
    let root = source.withCString { pointer in
      cmark_parse_document(pointer, strlen(pointer), options)
    }
    guard let root else { fatalError("cmark could not parse the document") }
    defer { cmark_node_free(root) }
    return body(root)
  }

  private static func nodes(of root: OpaquePointer, type: cmark_node_type) -> [OpaquePointer] {
    var found: [OpaquePointer] = []
    guard let iterator = cmark_iter_new(root) else { return [] }
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      if cmark_node_get_type(node) == type { found.append(node) }
    }
    return found
  }

  static func literal(_ node: OpaquePointer) -> String {
    cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
  }

  static func url(_ node: OpaquePointer) -> String {
    cmark_node_get_url(node).map { String(cString: $0) } ?? ""
  }

  private static func blockLine(_ node: OpaquePointer) -> Int {
    var current: OpaquePointer? = node
    while let candidate = current {
      let type = cmark_node_get_type(candidate).rawValue
      if type <= CMARK_NODE_LAST_BLOCK.rawValue {
        let line = Int(cmark_node_get_start_line(candidate))
        if line > 0 { return line }
      }
      current = cmark_node_parent(candidate)
    }
    return 1
  }

  private static func codeBlock(_ node: OpaquePointer) -> MarkdownCodeBlock {
    let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
    return MarkdownCodeBlock(
      info: info,
      literal: literal(node),
      startLine: Int(cmark_node_get_start_line(node)),
      startColumn: Int(cmark_node_get_start_column(node)),
      endLine: Int(cmark_node_get_end_line(node)),
      isFenced: !info.isEmpty)
  }

  private static func heading(_ node: OpaquePointer) -> MarkdownHeading {
    let level = Int(cmark_node_get_heading_level(node))
    var rendered = html(node).trimmingSuffix("\n")
    if let open = rendered.firstIndex(of: ">"), let close = rendered.range(of: "</h", options: .backwards) {
      rendered = String(rendered[rendered.index(after: open)..<close.lowerBound])
    }
    var text = ""
    if let iterator = cmark_iter_new(node) {
      while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
        guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
          let inner = cmark_iter_get_node(iterator)
        else { continue }
        let type = cmark_node_get_type(inner)
        if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE { text += literal(inner) }
        if type == CMARK_NODE_SOFTBREAK { text += " " }
      }
      cmark_iter_free(iterator)
    }
    return MarkdownHeading(
      level: level, innerHTML: rendered, text: text, line: Int(cmark_node_get_start_line(node)))
  }

  private static func replace(_ node: OpaquePointer, withHTML html: String) {
    guard let block = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { return }
    cmark_node_set_literal(block, html.hasSuffix("\n") ? html : html + "\n")
    if cmark_node_replace(node, block) != 0 {
      cmark_node_free(node)
    } else {
      cmark_node_free(block)
    }
  }

  static func html(_ node: OpaquePointer) -> String {
    guard let pointer = cmark_render_html(node, CMARK_OPT_UNSAFE) else { return "" }
    defer { free(pointer) }
    return String(cString: pointer)
  }
}

extension String {
  /// This string without one trailing `suffix`, if present.
  func trimmingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}
