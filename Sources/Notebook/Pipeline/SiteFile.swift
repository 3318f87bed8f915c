import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes one file of a site being staged. `Data.write(to:)` forces every file to disk
/// (`fsync`), which for the site's seventy-odd files cost up to a second of waiting on a busy
/// disk; a staged site is renamed into place whole and can always be built again, so its files
/// are written plainly.
enum SiteFile {
  /// Writes `data` to `url`, replacing any file there.
  static func write(_ data: Data, to url: URL) throws {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw failure(url) }
    defer { close(descriptor) }
    try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { throw failure(url) }
        offset += written
      }
    }
  }

  private static func failure(_ url: URL) -> EngineError {
    EngineError("cannot write \(url.path): \(String(cString: strerror(errno)))")
  }
}
