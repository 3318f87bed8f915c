import Foundation

/// A content-addressed store of chapter runs: `<directory>/<key>.json`.
///
/// The key covers everything that can change a run's output (see `ResultCache.key`), never line
/// numbers or prose, so a prose-only edit reuses the stored run.
///
/// The store keeps what the chapters on disk can use: each chapter file has a slot
/// (`<directory>/slots/<hash of its absolute path>`) naming the key of its latest run, and
/// `prune()` removes every run no slot names and every slot whose chapter file is gone. Editing a
/// cell a hundred times leaves one run, not a hundred.
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
    hash.combine("companion-run-v4")
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
    guard let data = CacheFile.read(url) else { return nil }
    guard let run = try? JSONDecoder.companion.decode(ChapterRun.self, from: data) else {
      try? FileManager.default.removeItem(at: url)
      return nil
    }
    return run
  }

  /// Stores `run` under `key` (atomically, with its digest; errors are ignored, the cache is an
  /// optimization). Only complete runs are stored: see `ChapterRun.Status.cutShort`.
  public func store(_ run: ChapterRun, key: String) {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let data = try JSONEncoder.companion.encode(run)
      try CacheFile.write(data, to: directory.appendingPathComponent("\(key).json"))
    } catch {
      // A cache that cannot be written only costs time.
    }
  }

  /// The folder of the chapters' slots.
  var slotsDirectory: URL { directory.appendingPathComponent("slots") }

  /// Records that the chapter file at `path` now uses the run stored under `key`.
  public func claim(key: String, forChapterAt path: String) {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    var hash = ContentHash()
    hash.combine(absolute)
    let slot = slotsDirectory.appendingPathComponent(hash.hexDigest)
    let contents = "\(key)\n\(absolute)"
    if (try? String(contentsOf: slot, encoding: .utf8)) == contents { return }
    try? FileManager.default.createDirectory(at: slotsDirectory, withIntermediateDirectories: true)
    try? Data(contents.utf8).write(to: slot, options: .atomic)
  }

  /// Removes the slots of chapter files that no longer exist, then every stored run no slot
  /// names. Runs written in the last `grace` seconds stay, so a build running at the same time
  /// (which stores a run before it claims it) never loses one.
  public func prune(grace: Double = 120) {
    let manager = FileManager.default
    var claimed: Set<String> = []
    for name in (try? manager.contentsOfDirectory(atPath: slotsDirectory.path)) ?? [] {
      let slot = slotsDirectory.appendingPathComponent(name)
      guard let text = try? String(contentsOf: slot, encoding: .utf8) else { continue }
      let parts = text.split(separator: "\n", maxSplits: 1).map(String.init)
      if parts.count == 2 && manager.fileExists(atPath: parts[1]) {
        claimed.insert(parts[0])
      } else {
        try? manager.removeItem(at: slot)
      }
    }
    let now = Date()
    for name in (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
    where name.hasSuffix(".json") && !claimed.contains(String(name.dropLast(5))) {
      let entry = directory.appendingPathComponent(name)
      let modified = (try? manager.attributesOfItem(atPath: entry.path))?[.modificationDate] as? Date
      if let modified, now.timeIntervalSince(modified) < grace { continue }
      try? manager.removeItem(at: entry)
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
