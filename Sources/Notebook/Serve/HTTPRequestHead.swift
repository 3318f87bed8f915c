import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The head of one HTTP/1.x request (request line and headers), read from a socket within fixed
/// limits: a request line longer than `Limits.requestLine` is answered 414 as soon as that many
/// bytes came without a line end, a head longer than `Limits.head` 431, and a head that takes
/// longer than `Limits.headSeconds` to arrive ends the connection. Each byte is looked at once.
struct HTTPRequestHead: Equatable {
  /// The bounds a request is read within.
  struct Limits: Sendable {
    /// Bytes of the request line, its line end included.
    var requestLine = 8_192
    /// Bytes of the whole head.
    var head = 32_768
    /// Seconds the whole head may take, from its first byte.
    var headSeconds = 10.0
    /// Seconds a kept-alive connection may wait for the next request's first byte.
    var idleSeconds = 15.0
  }

  /// Why no request could be read.
  enum Failure: Error, Equatable {
    /// The peer closed the connection, or it timed out: nothing is answered.
    case closed
    /// Answer with this status, then close.
    case answer(Int)
  }

  var method: String
  /// The request target as sent (path and query).
  var target: String
  var version: String
  /// Header names in lowercase, with their values trimmed.
  var headers: [String: String]

  /// The target's path, before any `?`.
  var path: String { String(target.prefix { $0 != "?" }) }

  /// The query's `name=value` pairs, percent-decoded.
  var query: [String: String] {
    guard let mark = target.firstIndex(of: "?") else { return [:] }
    var items: [String: String] = [:]
    for pair in target[target.index(after: mark)...].split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let decode = { (text: Substring) in
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
      }
      items[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
    }
    return items
  }

  /// Whether the connection stays open after the answer.
  var keepsAlive: Bool {
    let connection = headers["connection"]?.lowercased() ?? ""
    return version == "HTTP/1.1" ? connection != "close" : connection == "keep-alive"
  }

  /// Reads one request head from `socket`; `buffer` holds bytes already read past the previous
  /// request and keeps those read past this one. `firstByteSeconds` bounds the wait for the
  /// first byte.
  static func read(
    from socket: Int32, buffer: inout [UInt8], limits: Limits, firstByteSeconds: Double
  ) throws(Failure) -> HTTPRequestHead {
    var deadline =
      buffer.isEmpty ? Subprocess.now() + firstByteSeconds : Subprocess.now() + limits.headSeconds
    var scanned = 0
    var lineEnd: Int? = nil
    var chunk = [UInt8](repeating: 0, count: 16_384)
    while true {
      // Look only at the bytes not looked at before.
      while scanned < buffer.count {
        if buffer[scanned] == 0x0A {
          if lineEnd == nil {
            lineEnd = scanned
          } else if endsHead(buffer, at: scanned) {
            let head = Array(buffer[...scanned])
            buffer.removeFirst(scanned + 1)
            return try parse(head)
          }
        }
        scanned += 1
        if lineEnd == nil && scanned >= limits.requestLine { throw .answer(414) }
        if scanned >= limits.head { throw .answer(431) }
      }
      let wasEmpty = buffer.isEmpty
      let remaining = deadline - Subprocess.now()
      guard remaining > 0 else { throw .closed }
      var watched = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
      let ready = poll(&watched, 1, Int32(min(remaining, 3600) * 1000) + 1)
      if ready < 0 && errno == EINTR { continue }
      guard ready > 0 else { throw .closed }
      let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
      guard count > 0 else { throw .closed }
      buffer.append(contentsOf: chunk[..<count])
      if wasEmpty { deadline = Subprocess.now() + limits.headSeconds }
    }
  }

  /// Whether the line end at `index` closes the head: the line it ends is empty (`\n\n` or
  /// `\n\r\n`).
  private static func endsHead(_ bytes: [UInt8], at index: Int) -> Bool {
    (index >= 1 && bytes[index - 1] == 0x0A)
      || (index >= 2 && bytes[index - 1] == 0x0D && bytes[index - 2] == 0x0A)
  }

  /// The request of a complete head (its bytes up to the final line end).
  static func parse(_ head: [UInt8]) throws(Failure) -> HTTPRequestHead {
    // Split on the bytes: in a Swift string "\r\n" is one character, not "\r" and "\n".
    var lines = head.split(separator: 0x0A, omittingEmptySubsequences: false).map { bytes in
      String(decoding: bytes.last == 0x0D ? bytes.dropLast() : bytes, as: UTF8.self)[...]
    }
    while lines.first?.isEmpty == true { lines.removeFirst() }
    guard let requestLine = lines.first else { throw .answer(400) }
    let parts = requestLine.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[1].hasPrefix("/") else {
      throw .answer(400)
    }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() where !line.isEmpty {
      guard let colon = line.firstIndex(of: ":") else { throw .answer(400) }
      let name = line[..<colon].lowercased()
      guard !name.isEmpty, !name.contains(" ") else { throw .answer(400) }
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      // A second Host would let a proxy and this server disagree on the target.
      if name == "host" && headers["host"] != nil { throw .answer(400) }
      headers[name] = headers[name].map { $0 + ", " + value } ?? value
    }
    return HTTPRequestHead(
      method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers)
  }
}
