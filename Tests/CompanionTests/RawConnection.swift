import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A TCP connection to a port on 127.0.0.1 that sends and reads raw bytes, every read bounded
/// by `seconds`: what the server's limits are tested with.
final class RawConnection {
  let socket: Int32

  /// Connects to `127.0.0.1:port`.
  init(port: UInt16, seconds: Double = 10) throws {
    socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1e6))
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(socket)
      throw ServeTestError(description: "cannot connect to port \(port): \(String(cString: strerror(errno)))")
    }
  }

  deinit { close(socket) }

  /// Sends `text` (as much as the server takes; a server that answers early may stop reading).
  func send(_ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let count = bytes[offset...].withUnsafeBytes {
        Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      guard count > 0 else { return }
      offset += count
    }
  }

  /// Everything the server sends until it closes the connection or `seconds` pass without a byte.
  func readToEnd() -> String {
    var data = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      guard count > 0 else { break }
      data += chunk[..<count]
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// Whether the server closed the connection (a read returns end of file) within the read bound.
  func isClosedByServer() -> Bool {
    var byte: UInt8 = 0
    return recv(socket, &byte, 1, 0) == 0
  }

  /// A whole GET or HEAD exchange on a new connection: the answer as text.
  static func request(
    port: UInt16, _ path: String, method: String = "GET", host: String? = nil, seconds: Double = 10
  ) throws -> String {
    let connection = try RawConnection(port: port, seconds: seconds)
    connection.send(
      "\(method) \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
    return connection.readToEnd()
  }
}
