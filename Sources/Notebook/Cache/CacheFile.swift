import Foundation

/// A file of a cache, written with the digest of its contents on its first line so that one
/// damaged since (truncated, overwritten in part) is found, removed and made again instead of
/// being used.
enum CacheFile {
  /// The first line's prefix, naming the format.
  static let header = "companion-cache-v1 "

  /// Writes `data` to `url` atomically, after its digest.
  static func write(_ data: Data, to url: URL) throws {
    var file = Data((header + digest(data) + "\n").utf8)
    file.append(data)
    try file.write(to: url, options: .atomic)
  }

  /// The contents written to `url`, or nil when there are none or they are damaged (then the
  /// file is removed).
  static func read(_ url: URL) -> Data? {
    guard let file = FileManager.default.contents(atPath: url.path) else { return nil }
    let headerBytes = Data(header.utf8)
    if file.starts(with: headerBytes), let newline = file.firstIndex(of: 0x0A) {
      let stated = String(decoding: file[file.startIndex + headerBytes.count..<newline], as: UTF8.self)
      let data = Data(file[(newline + 1)...])
      if stated == digest(data) { return data }
    }
    try? FileManager.default.removeItem(at: url)
    return nil
  }

  static func digest(_ data: Data) -> String {
    var hash = ContentHash()
    hash.combine(data)
    return hash.hexDigest
  }
}
