import Foundation

/// A content-addressed store of chapter runs: `<directory>/<key>.json`.
///
/// The key covers everything that can change a run's output (see `ResultCache.key`), never line
/// numbers or prose, so a prose-only edit reuses the stored run.
public struct ResultCache: Sendable {
  /// The folder of the stored runs.
  public var directory: URL

  /// Creates a cache in `directory` (created on first store).
  public init(directory: URL) {
    self.directory = directory
  }

  /// The key of `chapter`'s run: its cells' code and options plus `environmentKey` (the
  /// library fingerprint, compiler version, flags and timeout).
  public static func key(for chapter: Chapter, environmentKey: String) -> String {
    var hash = ContentHash()
    hash.combine("companion-run-v2")
    hash.combine(environmentKey)
    hash.combine(String(chapter.cells.count))
    for cell in chapter.cells {
      hash.combine(cell.options.enabledNames.joined(separator: ","))
      hash.combine(cell.code)
    }
    return hash.hexDigest
  }

  /// The stored run for `key`, if any.
  public func load(key: String) -> ChapterRun? {
    let url = directory.appendingPathComponent("\(key).json")
    guard let data = try? Data(contentsOf: url) else { return nil }
    return try? JSONDecoder.companion.decode(ChapterRun.self, from: data)
  }

  /// Stores `run` under `key` (atomically; errors are ignored, the cache is an optimization).
  public func store(_ run: ChapterRun, key: String) {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let data = try JSONEncoder.companion.encode(run)
      try data.write(to: directory.appendingPathComponent("\(key).json"), options: .atomic)
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
}

extension JSONEncoder {
  /// Sorted keys; NaN and infinities as strings.
  static var companion: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return encoder
  }
}

extension JSONDecoder {
  /// Matches `JSONEncoder.companion`.
  static var companion: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return decoder
  }
}
