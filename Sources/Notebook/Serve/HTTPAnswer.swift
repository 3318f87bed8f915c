import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One HTTP answer: status, headers and body, written to a socket in one go.
struct HTTPAnswer: Equatable {
  var status: Int
  var headers: [(String, String)] = []
  var body = Data()

  static func == (a: HTTPAnswer, b: HTTPAnswer) -> Bool {
    a.status == b.status && a.body == b.body
      && a.headers.map { $0.0 + ":" + $0.1 } == b.headers.map { $0.0 + ":" + $0.1 }
  }

  /// `status` with a one-line plain-text body.
  static func plain(_ status: Int, _ text: String) -> HTTPAnswer {
    HTTPAnswer(
      status: status, headers: [("Content-Type", "text/plain; charset=utf-8")],
      body: Data((text + "\n").utf8))
  }

  /// 200 with `body`, never cached by the browser (the preview changes under it).
  static func ok(_ body: Data, type: String) -> HTTPAnswer {
    HTTPAnswer(status: 200, headers: [("Content-Type", type), ("Cache-Control", "no-store")], body: body)
  }

  /// The reason phrase of the statuses the server sends.
  static func reason(_ status: Int) -> String {
    switch status {
    case 200: return "OK"
    case 400: return "Bad Request"
    case 403: return "Forbidden"
    case 404: return "Not Found"
    case 405: return "Method Not Allowed"
    case 413: return "Content Too Large"
    case 414: return "URI Too Long"
    case 431: return "Request Header Fields Too Large"
    case 503: return "Service Unavailable"
    default: return "Status"
    }
  }

  /// The bytes sent: for a HEAD request the head alone, with the length the body would have.
  func bytes(headOnly: Bool, keepAlive: Bool) -> Data {
    var head = "HTTP/1.1 \(status) \(HTTPAnswer.reason(status))\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    head += "Content-Length: \(body.count)\r\n"
    head += "X-Content-Type-Options: nosniff\r\n"
    head += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
    var data = Data(head.utf8)
    if !headOnly { data.append(body) }
    return data
  }

  /// Sends `data` on `socket` within `seconds`; false when the peer is gone or too slow.
  static func send(_ data: Data, to socket: Int32, seconds: Double) -> Bool {
    let deadline = Subprocess.now() + seconds
    return data.withUnsafeBytes { raw -> Bool in
      var offset = 0
      while offset < raw.count {
        let remaining = deadline - Subprocess.now()
        guard remaining > 0 else { return false }
        var watched = pollfd(fd: socket, events: Int16(POLLOUT), revents: 0)
        let ready = poll(&watched, 1, Int32(remaining * 1000) + 1)
        if ready < 0 && errno == EINTR { continue }
        guard ready > 0 else { return false }
        let count = Glibc.send(socket, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
        if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
        guard count > 0 else { return false }
        offset += count
      }
      return true
    }
  }
}
