import Ccmark

/// Where the prose of a document is, as cmark reads it: each text run with the leaf block
/// (paragraph or heading) and the link that hold it, and every literal that is not prose.
struct MarkdownProse: Sendable {
  /// A text node's literal, in document order.
  struct Run: Sendable, Equatable {
    /// The text, as cmark decoded it.
    var literal: String
    /// The index of the paragraph or heading that holds it, in document order.
    var block: Int
    /// The index of the innermost link around it, in document order, or nil outside links.
    var link: Int?
    /// How many raw inline HTML nodes come before it in the document.
    var inlineHTML: Int
  }

  /// The text runs of paragraphs and headings, outside image descriptions.
  var runs: [Run] = []
  /// Everything else cmark keeps: code spans and blocks, info strings, raw HTML, link and image
  /// destinations and titles, and the text of image descriptions.
  var otherLiterals: [String] = []
  /// How many block quotes hold each paragraph or heading, by block index.
  var quoteDepths: [Int] = []
}

extension CommonMark {
  /// The prose of `source` and the literals that are not prose.
  static func prose(in source: String) -> MarkdownProse {
    withDocument(source) { root in
      var prose = MarkdownProse()
      var blocks: [OpaquePointer: Int] = [:]
      var links: [OpaquePointer: Int] = [:]
      var inlineHTML = 0
      guard let iterator = cmark_iter_new(root) else { return prose }
      defer { cmark_iter_free(iterator) }
      while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
        guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
          let node = cmark_iter_get_node(iterator)
        else { continue }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
          blocks[node] = prose.quoteDepths.count
          prose.quoteDepths.append(
            ancestors(of: node).filter { cmark_node_get_type($0) == CMARK_NODE_BLOCK_QUOTE }.count)
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
          links[node] = links.count
          prose.otherLiterals.append(url(node))
          prose.otherLiterals.append(cmark_node_get_title(node).map { String(cString: $0) } ?? "")
        case CMARK_NODE_TEXT:
          let outer = ancestors(of: node)
          let block = outer.lazy.compactMap { blocks[$0] }.first
          if let block, !outer.contains(where: { cmark_node_get_type($0) == CMARK_NODE_IMAGE }),
            !isAutolinkText(node)
          {
            let link = outer.lazy.compactMap { links[$0] }.first
            prose.runs.append(
              MarkdownProse.Run(literal: literal(node), block: block, link: link, inlineHTML: inlineHTML))
          } else {
            prose.otherLiterals.append(literal(node))
          }
        case CMARK_NODE_CODE_BLOCK:
          prose.otherLiterals.append(cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "")
          prose.otherLiterals.append(literal(node))
        case CMARK_NODE_HTML_INLINE:
          inlineHTML += 1
          prose.otherLiterals.append(literal(node))
        case CMARK_NODE_CODE, CMARK_NODE_HTML_BLOCK:
          prose.otherLiterals.append(literal(node))
        default:
          break
        }
      }
      return prose
    }
  }

  /// The HTML cmark itself makes of `source` (raw HTML kept), with nothing of the engine's.
  static func plainHTML(_ source: String) -> String {
    withDocument(source) { root in html(root) }
  }

  /// Whether the text `node` is an autolink's (`<https://...>`, `<a@b.c>`): the only child of
  /// a link whose destination it spells.
  private static func isAutolinkText(_ node: OpaquePointer) -> Bool {
    guard let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_LINK,
      cmark_node_first_child(parent) == node, cmark_node_last_child(parent) == node
    else { return false }
    let text = literal(node)
    let destination = url(parent)
    return destination == text || destination == "mailto:" + text
  }

  /// The parents of `node`, innermost first.
  private static func ancestors(of node: OpaquePointer) -> [OpaquePointer] {
    var found: [OpaquePointer] = []
    var current = cmark_node_parent(node)
    while let parent = current {
      found.append(parent)
      current = cmark_node_parent(parent)
    }
    return found
  }
}
