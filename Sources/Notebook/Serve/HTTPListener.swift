import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A listening socket and its connections, each served on a thread of its own, so no client
/// waits for another. It holds at most `maxConnections` at once, and never more than half the
/// descriptors the process may open: a new connection beyond that closes the one that has
/// waited longest for a request, said once on the terminal. Running out of descriptors all the
/// same is said once too, and met the same way until accepting works again.
final class HTTPListener: @unchecked Sendable {
  /// What a connection is doing, for choosing one to close.
  enum State { case reading, waiting, writing }

  let socket: Int32
  /// The port listened on.
  let port: UInt16
  var limits = HTTPRequestHead.Limits()
  /// The most connections held at once.
  var maxConnections: Int
  private let lock = NSLock()
  private var connections: [Int32: (state: State, since: Double)] = [:]
  private var refusing = false
  private var stopped = false
  private var crowded = false

  /// Binds `host:port` (port 0: any free one) and listens; throws when the address is taken or
  /// is not an address.
  init(host: String, port: UInt16) throws {
    HTTPListener.raiseDescriptorLimit()
    guard case (var storage, let length, let family)? = HTTPListener.socketAddress(host, port: port) else {
      throw EngineError("--host \(host) is not an IPv4 or IPv6 address")
    }
    let fd = Glibc.socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { throw EngineError("cannot open a socket: \(String(cString: strerror(errno)))") }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    let bound = withUnsafePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0, listen(fd, 128) == 0 else {
      let reason = String(cString: strerror(errno))
      close(fd)
      throw EngineError("cannot listen on \(host):\(port): \(reason)")
    }
    var actual = sockaddr_storage()
    var actualLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) }
    }
    let networkPort = withUnsafeBytes(of: actual) { raw in
      family == AF_INET6
        ? raw.load(as: sockaddr_in6.self).sin6_port : raw.load(as: sockaddr_in.self).sin_port
    }
    socket = fd
    self.port = UInt16(bigEndian: networkPort)
    maxConnections = 1_024
  }

  /// The socket address of `host` (`localhost`, an IPv4 or an IPv6 address) and `port`: its
  /// bytes, length and family; nil when `host` is none of those.
  static func socketAddress(_ host: String, port: UInt16) -> (sockaddr_storage, socklen_t, Int32)? {
    let address = host == "localhost" ? "127.0.0.1" : host
    var storage = sockaddr_storage()
    func stored<Address>(_ value: Address, _ family: Int32) -> (sockaddr_storage, socklen_t, Int32) {
      withUnsafeBytes(of: value) { raw in withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: raw) } }
      return (storage, socklen_t(MemoryLayout<Address>.size), family)
    }
    if address.contains(":") {
      var ip6 = sockaddr_in6()
      ip6.sin6_family = sa_family_t(AF_INET6)
      ip6.sin6_port = port.bigEndian
      return inet_pton(AF_INET6, address, &ip6.sin6_addr) == 1 ? stored(ip6, AF_INET6) : nil
    }
    var ip4 = sockaddr_in()
    ip4.sin_family = sa_family_t(AF_INET)
    ip4.sin_port = port.bigEndian
    return inet_pton(AF_INET, address, &ip4.sin_addr) == 1 ? stored(ip4, AF_INET) : nil
  }

  /// Accepts connections on a thread of its own and hands each to `serve` on another.
  func start(_ serve: @escaping @Sendable (Int32) -> Void) {
    let thread = Thread { [self] in acceptForever(serve) }
    thread.stackSize = 1 << 20
    thread.start()
  }

  private func acceptForever(_ serve: @escaping @Sendable (Int32) -> Void) {
    while true {
      let client = accept(socket, nil, nil)
      if client < 0 {
        let code = errno
        if lock.withLock({ stopped }) { return }
        if code == EINTR || code == ECONNABORTED { continue }
        if code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM {
          outOfDescriptors(code)
          continue
        }
        Console.error("serve: cannot accept a connection: \(String(cString: strerror(code)))")
        Thread.sleep(forTimeInterval: 0.1)
        continue
      }
      _ = fcntl(client, F_SETFD, FD_CLOEXEC)
      _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
      if lock.withLock({ refusing }) {
        lock.withLock { refusing = false }
        Console.error("serve: accepting connections again")
      }
      let budget = min(maxConnections, HTTPListener.connectionBudget())
      let open = lock.withLock {
        connections[client] = (.reading, Subprocess.now())
        return connections.count
      }
      if open > budget {
        if !lock.withLock({
          defer { crowded = true }; return crowded
        }) {
          Console.error(
            "serve: \(open) connections open, the most that the limit of open files "
              + "(\(HTTPListener.descriptorLimit())) allows; closing the connections that wait longest")
        }
        closeLongestWaiting()
      } else if open < budget / 2 {
        lock.withLock { crowded = false }
      }
      let thread = Thread { [self] in
        serve(client)
        lock.withLock { _ = connections.removeValue(forKey: client) }
        close(client)
      }
      thread.stackSize = 256 << 10
      thread.start()
    }
  }

  /// Stops accepting and closes the listening socket; open connections end on their own.
  func stop() {
    lock.withLock { stopped = true }
    shutdown(socket, Int32(SHUT_RDWR))
  }

  /// Says that the process ran out of descriptors (once until accepting works again), and frees
  /// one by closing the connection that waited longest.
  private func outOfDescriptors(_ code: Int32) {
    let first = lock.withLock {
      defer { refusing = true }
      return !refusing
    }
    if first {
      Console.error(
        "serve: cannot accept a connection: \(String(cString: strerror(code))) "
          + "(\(lock.withLock { connections.count }) open, limit \(HTTPListener.descriptorLimit())); "
          + "closing the connections that wait longest")
    }
    if !closeLongestWaiting() { Thread.sleep(forTimeInterval: 0.05) }
    Thread.sleep(forTimeInterval: 0.005)
  }

  /// Marks what `client` is doing.
  func set(_ client: Int32, _ state: State) {
    lock.withLock { connections[client] = (state, Subprocess.now()) }
  }

  /// Shuts down the connection that has waited longest for a request or a change (its thread
  /// then ends it). Returns whether there was one.
  @discardableResult
  func closeLongestWaiting() -> Bool {
    // Under the lock: a connection's thread forgets it under the lock before closing it, so the
    // descriptor shut down here is still that connection's.
    lock.withLock {
      let candidates = connections.filter { $0.value.state != .writing }
      guard let oldest = candidates.min(by: { $0.value.since < $1.value.since })?.key else { return false }
      connections[oldest] = (.writing, Subprocess.now())
      shutdown(oldest, Int32(SHUT_RDWR))
      return true
    }
  }

  /// The connections held at most: half of the descriptors the process may open now, the other
  /// half left for the files it serves and the builds (at least 4, at most 1,024).
  static func connectionBudget() -> Int {
    max(4, min(1_024, descriptorLimit() / 2 - 16))
  }

  /// The descriptors the process may open now.
  static func descriptorLimit() -> Int {
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    return Int(min(limit.rlim_cur, 1 << 20))
  }

  /// Raises the soft limit of open descriptors to the hard one (at most 65,536).
  static func raiseDescriptorLimit() {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
    let wanted = min(limit.rlim_max, 65_536)
    if limit.rlim_cur < wanted {
      limit.rlim_cur = wanted
      setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
  }
}
