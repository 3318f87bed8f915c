import FlyingFox
import FlyingSocks
import Foundation

/// The HTTP side of `serve`: the files under the site folder, nothing else (no `..`, no hidden
/// files, no symbolic link leading out), each HTML page with the live-reload script added, and
/// the two live-reload paths.
final class PreviewServer: @unchecked Sendable {
  /// The site folder, canonical.
  let root: URL
  let versions: PageVersions
  private let server: HTTPServer
  private var task: Task<Void, any Error>?

  /// A server for `root` on `host:port` (port 0: any free port); nothing listens before `start`.
  init(root: URL, host: String, port: UInt16, versions: PageVersions) throws {
    self.root = SiteDestination.canonical(root)
    self.versions = versions
    let address: any SocketAddress
    do {
      if host == "localhost" {
        address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
      } else if host.contains(":") {
        address = try sockaddr_in6.inet6(ip6: host, port: port)
      } else {
        address = try sockaddr_in.inet(ip4: host, port: port)
      }
    } catch {
      throw EngineError("--host \(host) is not an IPv4 or IPv6 address")
    }
    // The timeout bounds each answer; a page's question waits at most PageVersions.waitSeconds.
    server = HTTPServer(
      address: address, timeout: PageVersions.waitSeconds + 10, logger: .disabled)
  }

  /// Starts listening; returns the port it listens on, or throws why it cannot (a port in use).
  func start() throws -> UInt16 {
    let outcome = BlockingResult<UInt16>()
    let server = self.server
    let root = self.root
    let versions = self.versions
    task = Task {
      await server.appendRoute(HTTPRoute("GET \(LiveReload.waitPath)")) { request in
        let page = request.query.first { $0.name == "page" }?.value ?? ""
        let version = request.query.first { $0.name == "version" }?.value ?? ""
        let changed = await versions.waitForChange(of: page, from: version)
        return PreviewServer.text(changed ? "reload\n" : "same\n")
      }
      await server.appendRoute(HTTPRoute("GET \(LiveReload.scriptPath)")) { _ in
        PreviewServer.response(Data(LiveReload.script.utf8), type: "text/javascript; charset=utf-8")
      }
      await server.appendRoute(HTTPRoute("GET *")) { request in PreviewServer.file(request.path, root: root) }
      await server.appendRoute(HTTPRoute("HEAD *")) { request in PreviewServer.file(request.path, root: root)
      }
      let listening = Task {
        do {
          try await server.waitUntilListening(timeout: 10)
          if case .ip4(_, let port) = await server.listeningAddress {
            outcome.set(.success(port))
          } else if case .ip6(_, let port) = await server.listeningAddress {
            outcome.set(.success(port))
          } else {
            outcome.set(.failure(EngineError("the server is not listening")))
          }
        } catch {
          outcome.set(.failure(EngineError("the server did not start listening")))
        }
      }
      do {
        try await server.run()
      } catch {
        outcome.set(.failure(EngineError("cannot serve on that address: \(error.localizedDescription)")))
      }
      listening.cancel()
    }
    return try outcome.wait().get()
  }

  /// The answer to a request for `path` under `root`: the file, or 404.
  static func file(_ path: String, root: URL) -> HTTPResponse {
    guard let url = resolve(path, root: root), let data = FileManager.default.contents(atPath: url.path)
    else {
      return HTTPResponse(
        statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
        body: Data("not found\n".utf8))
    }
    let type = contentType(url.pathExtension)
    if url.pathExtension == "html" {
      let name = String(url.path.dropFirst(root.path.count + 1))
      return response(LiveReload.inject(into: data, page: name), type: type)
    }
    return response(data, type: type)
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

  /// 200 with `body`, never cached by the browser (the preview changes under it).
  static func response(_ body: Data, type: String) -> HTTPResponse {
    HTTPResponse(
      statusCode: .ok, headers: [.contentType: type, HTTPHeader("Cache-Control"): "no-store"], body: body)
  }

  /// 200 with plain text.
  static func text(_ text: String) -> HTTPResponse {
    response(Data(text.utf8), type: "text/plain; charset=utf-8")
  }
}

/// A value handed from an asynchronous task to a thread that waits for it.
final class BlockingResult<Value: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var value: Result<Value, EngineError>?

  /// Sets the value (the first one set wins).
  func set(_ newValue: Result<Value, EngineError>) {
    condition.withLock {
      if value == nil { value = newValue }
      condition.broadcast()
    }
  }

  /// Waits for the value.
  func wait() -> Result<Value, EngineError> {
    condition.withLock {
      while value == nil { condition.wait() }
      return value!
    }
  }
}
