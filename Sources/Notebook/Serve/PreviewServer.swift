import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The HTTP side of `serve`: the files under the site folder, nothing else (no `..`, no hidden
/// files, no symbolic link leading out), each HTML page with the live-reload script added, and
/// the two live-reload paths. It answers only GET and HEAD (HEAD without a body), only requests
/// whose `Host` is the address it listens on or a loopback name (a page elsewhere that renames
/// its own host to 127.0.0.1, DNS rebinding, cannot read the site), and reads every request
/// within the limits of `HTTPRequestHead.Limits`.
final class PreviewServer: @unchecked Sendable {
  /// The site folder, canonical.
  let root: URL
  let versions: PageVersions
  let listener: HTTPListener
  /// The `Host` values answered, lowercase; empty when listening on every address.
  let allowedHosts: Set<String>

  /// Listens on `host:port` (port 0: any free port) at once, so a port in use is found before
  /// any build; nothing is answered before `start`.
  init(root: URL, host: String, port: UInt16, versions: PageVersions) throws {
    self.root = SiteDestination.canonical(root)
    self.versions = versions
    listener = try HTTPListener(host: host, port: port)
    allowedHosts = PreviewServer.hosts(answeredFor: host, port: listener.port)
  }

  /// The port listened on.
  var port: UInt16 { listener.port }

  /// Starts answering; returns the port.
  func start() -> UInt16 {
    listener.start { [self] client in serve(client) }
    return listener.port
  }

  /// The names a request's `Host` may give when listening on `host`: the address itself and the
  /// loopback names, each with or without the port. Every name when `host` is a wildcard.
  static func hosts(answeredFor host: String, port: UInt16) -> Set<String> {
    if host == "0.0.0.0" || host == "::" { return [] }
    let bracketed = host.contains(":") ? "[\(host)]" : host
    var names: Set<String> = []
    for name in ["localhost", "127.0.0.1", "[::1]", bracketed.lowercased()] {
      names.insert(name)
      names.insert("\(name):\(port)")
    }
    return names
  }

  /// Answers the requests of one connection until it closes, errs or idles out.
  private func serve(_ client: Int32) {
    var buffer: [UInt8] = []
    var first = true
    while true {
      listener.set(client, .reading)
      let limits = listener.limits
      let head: HTTPRequestHead
      do {
        head = try HTTPRequestHead.read(
          from: client, buffer: &buffer, limits: limits,
          firstByteSeconds: first ? limits.headSeconds : limits.idleSeconds)
      } catch .answer(let status) {
        listener.set(client, .writing)
        let answer = HTTPAnswer.plain(status, HTTPAnswer.reason(status).lowercased())
        _ = HTTPAnswer.send(answer.bytes(headOnly: false, keepAlive: false), to: client, seconds: 5)
        return
      } catch {
        return
      }
      first = false
      let answer = self.answer(head, client: client)
      let keepAlive = head.keepsAlive && answer.status < 400
      listener.set(client, .writing)
      let data = answer.bytes(headOnly: head.method == "HEAD", keepAlive: keepAlive)
      guard HTTPAnswer.send(data, to: client, seconds: 30), keepAlive else { return }
    }
  }

  /// The answer to `head`.
  func answer(_ head: HTTPRequestHead, client: Int32) -> HTTPAnswer {
    let host = head.headers["host"]?.lowercased()
    if !allowedHosts.isEmpty && (host.map { !allowedHosts.contains($0) } ?? (head.version == "HTTP/1.1")) {
      return .plain(403, "this preview answers only requests for \(allowedHosts.sorted().last ?? "")")
    }
    guard head.method == "GET" || head.method == "HEAD" else {
      var answer = HTTPAnswer.plain(405, "only GET and HEAD")
      answer.headers.append(("Allow", "GET, HEAD"))
      return answer
    }
    if head.headers["transfer-encoding"] != nil || (Int(head.headers["content-length"] ?? "0") ?? 1) != 0 {
      return .plain(413, "a request here has no body")
    }
    switch head.path {
    case LiveReload.waitPath:
      listener.set(client, .waiting)
      let query = head.query
      let page = query["page"] ?? ""
      let changed = versions.waitForChange(of: page, from: query["version"] ?? "", root: root)
      return .ok(Data((changed ? "reload\n" : "same\n").utf8), type: "text/plain; charset=utf-8")
    case LiveReload.scriptPath:
      return .ok(Data(LiveReload.script.utf8), type: "text/javascript; charset=utf-8")
    default:
      return file(head.path)
    }
  }

  /// The answer to a request for `path` under `root`: the file, the page that stands for a
  /// chapter page that is gone, or 404.
  func file(_ path: String) -> HTTPAnswer {
    let url = PreviewServer.resolve(path, root: root)
    guard let url, let data = FileManager.default.contents(atPath: url.path) else {
      if url != nil {
        // There, but not readable now (out of descriptors): the browser may ask again.
        return .plain(503, "cannot read this file now: \(String(cString: strerror(errno)))")
      }
      if let name = PreviewServer.pageName(path) {
        var answer = HTTPAnswer.ok(versions.missingPage(name), type: PreviewServer.contentType("html"))
        answer.status = 404
        return answer
      }
      return .plain(404, "not found")
    }
    let type = PreviewServer.contentType(url.pathExtension)
    if url.pathExtension == "html" {
      let name = String(url.path.dropFirst(root.path.count + 1))
      return .ok(versions.served(data, page: name), type: type)
    }
    return .ok(data, type: type)
  }

  /// The page name (`02-x.html`) a request for a missing chapter page asks for, if it asks for
  /// one: a plain `.html` name at the top of the site.
  static func pageName(_ path: String) -> String? {
    let name = String(path.drop { $0 == "/" })
    guard name.hasSuffix(".html"), !name.hasPrefix("."),
      name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
    else { return nil }
    return name
  }

  /// The file under `root` that the URL path `path` names, or nil when it names none or leaves
  /// `root`: every segment is percent-decoded, and `..`, `.`, hidden names, backslashes and NUL
  /// bytes are refused; symbolic links are resolved and the result must still lie under `root`.
  static func resolve(_ path: String, root: URL) -> URL? {
    var segments: [String] = []
    for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
      guard let segment = String(raw).removingPercentEncoding, !segment.isEmpty,
        !segment.hasPrefix("."), !segment.contains("\\"), !segment.contains("\0"),
        !segment.contains("/")
      else { return nil }
      segments.append(segment)
    }
    var url = root
    for segment in segments { url.appendPathComponent(segment) }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
      url.appendPathComponent("index.html")
    }
    let resolved = SiteDestination.canonical(url)
    guard resolved.path.hasPrefix(root.path + "/"),
      FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory),
      !isDirectory.boolValue
    else { return nil }
    return resolved
  }

  /// The media type of a file of the site by its extension.
  static func contentType(_ pathExtension: String) -> String {
    switch pathExtension.lowercased() {
    case "html": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js": return "text/javascript; charset=utf-8"
    case "svg": return "image/svg+xml"
    case "png": return "image/png"
    case "woff2": return "font/woff2"
    case "woff": return "font/woff"
    case "ttf": return "font/ttf"
    case "json": return "application/json"
    case "txt": return "text/plain; charset=utf-8"
    default: return "application/octet-stream"
    }
  }
}
