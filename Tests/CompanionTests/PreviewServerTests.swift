import Foundation
import Testing

@testable import Notebook

/// The preview's HTTP server on its own, in this process: a site folder of two files, a server on
/// a free loopback port, raw requests. Every wait is bounded; nothing outlives the test but an
/// idle listener on loopback.
@Suite struct PreviewServerTests {
  /// A served site and its server.
  struct Served {
    let folder: URL
    let versions = PageVersions()
    let server: PreviewServer
    var port: UInt16 { server.port }

    init(limits: HTTPRequestHead.Limits = .init(), maxConnections: Int? = nil) throws {
      folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("companion-test-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data("<html><body><p>page one</p></body></html>\n".utf8)
        .write(to: folder.appendingPathComponent("01-one.html"))
      server = try PreviewServer(root: folder, host: "127.0.0.1", port: 0, versions: versions)
      server.listener.limits = limits
      if let maxConnections { server.listener.maxConnections = maxConnections }
      _ = server.start()
    }

    /// Stops listening and removes the site folder.
    func stop() {
      server.listener.stop()
      try? FileManager.default.removeItem(at: folder)
    }
  }

  @Test func aLongRequestLineIsAnswered414AtOnce() throws {
    let served = try Served()
    defer { served.stop() }
    let connection = try RawConnection(port: served.port, seconds: 5)
    connection.send("GET /" + String(repeating: "a", count: 65_536) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    #expect(connection.readToEnd().hasPrefix("HTTP/1.1 414 "))
  }

  @Test func longHeadersAreAnswered431() throws {
    let served = try Served()
    defer { served.stop() }
    let connection = try RawConnection(port: served.port, seconds: 5)
    var head = "GET /01-one.html HTTP/1.1\r\nHost: 127.0.0.1:\(served.port)\r\n"
    for index in 0..<1_000 { head += "X-Filler-\(index): " + String(repeating: "b", count: 60) + "\r\n" }
    connection.send(head + "\r\n")
    #expect(connection.readToEnd().hasPrefix("HTTP/1.1 431 "))
  }

  @Test func aHostThatIsNotTheServersIsRefused() throws {
    let served = try Served()
    defer { served.stop() }
    let foreign = try RawConnection.request(port: served.port, "/01-one.html", host: "attacker.example")
    #expect(foreign.hasPrefix("HTTP/1.1 403 "))
    #expect(!foreign.contains("page one"))
    for host in ["127.0.0.1:\(served.port)", "localhost:\(served.port)", "localhost"] {
      let own = try RawConnection.request(port: served.port, "/01-one.html", host: host)
      #expect(own.hasPrefix("HTTP/1.1 200 "), "\(host)")
    }
  }

  @Test func aHeadAnswerHasNoBody() throws {
    let served = try Served()
    defer { served.stop() }
    let answer = try RawConnection.request(port: served.port, "/01-one.html", method: "HEAD")
    #expect(answer.hasPrefix("HTTP/1.1 200 "))
    #expect(answer.contains("Content-Length: "))
    #expect(answer.hasSuffix("\r\n\r\n"), "\(answer)")
    #expect(!answer.contains("page one"))
  }

  @Test func anIdleConnectionIsClosed() throws {
    var limits = HTTPRequestHead.Limits()
    limits.headSeconds = 0.5
    limits.idleSeconds = 0.5
    let served = try Served(limits: limits)
    defer { served.stop() }
    let connection = try RawConnection(port: served.port, seconds: 5)
    connection.send("GET /01-one.html HTTP/1.1\r\n")
    #expect(connection.isClosedByServer())
  }

  @Test func aSlowClientDoesNotStallAnother() throws {
    let served = try Served()
    defer { served.stop() }
    let slow = try RawConnection(port: served.port, seconds: 5)
    slow.send("GET /" + String(repeating: "s", count: 4_000))
    let answer = try RawConnection.request(port: served.port, "/01-one.html", seconds: 5)
    #expect(answer.contains("page one"))
  }

  @Test func connectionsBeyondTheBudgetCloseTheOneWaitingLongest() throws {
    let served = try Served(maxConnections: 8)
    defer { served.stop() }
    let idle = try (0..<20).map { _ in try RawConnection(port: served.port, seconds: 5) }
    let answer = try RawConnection.request(port: served.port, "/01-one.html", seconds: 5)
    #expect(answer.contains("page one"))
    #expect(idle[0].isClosedByServer())
  }

  @Test func aMissingPageReloadsOnceItExists() throws {
    let served = try Served()
    defer { served.stop() }
    let missing = try RawConnection.request(port: served.port, "/02-two.html")
    #expect(missing.hasPrefix("HTTP/1.1 404 "))
    let version = try #require(missing.firstMatch(of: /data-version="([0-9a-z]+)"/)?.1)
    #expect(served.versions.current("02-two.html", root: served.folder) == String(version))
    let page = Data("<html><body>two</body></html>\n".utf8)
    try page.write(to: served.folder.appendingPathComponent("02-two.html"))
    served.versions.set("02-two.html", LiveReload.version(of: page))
    let answer = try RawConnection.request(
      port: served.port, "/__companion/wait?page=02-two.html&version=\(version)", seconds: 25)
    #expect(answer.hasSuffix("reload\n"), "\(answer)")
  }

  @Test func aLibraryProblemIsShownOnEveryPageAndReloadsThem() throws {
    let served = try Served()
    defer { served.stop() }
    let before = try RawConnection.request(port: served.port, "/01-one.html")
    let version = try #require(before.firstMatch(of: /data-version="([0-9a-z]+)"/)?.1)
    served.versions.problem = "Sources/DeepLearning/Tensor.swift:3: error: <oops>"
    let answer = try RawConnection.request(
      port: served.port, "/__companion/wait?page=01-one.html&version=\(version)", seconds: 25)
    #expect(answer.hasSuffix("reload\n"), "\(answer)")
    let after = try RawConnection.request(port: served.port, "/01-one.html")
    #expect(after.contains("the support library did not build"))
    #expect(after.contains("Tensor.swift:3: error: &lt;oops&gt;"))
  }
}
