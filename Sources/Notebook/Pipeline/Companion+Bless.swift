import Foundation

/// `companion check --bless`: the chapters' mismatching output blocks rewritten, each change
/// printed once.
extension Companion {
  /// Runs and checks the chapters, rewrites every mismatching output block with the actual
  /// output, and prints each change once (at the block's first changed line, with its diff),
  /// then a summary of what it wrote. Returns whether nothing but those mismatches failed.
  static func blessMismatches(_ options: CompanionOptions) throws -> Bool {
    let start = Subprocess.now()
    let results = try process(options, summary: false)
    var written: [(path: String, blocks: Int)] = []
    var unwritten: Set<String> = []
    for result in results where result.check.verdicts.contains(.differs) {
      let (source, changes) = Bless.apply(chapter: result.chapter, run: result.run, check: result.check)
      // A block Bless cannot rewrite (its fence is never closed) stays a mismatch, reported.
      let blessed = Set(changes.map(\.fenceLine))
      for cell in result.chapter.cells where result.check.verdicts[cell.index] == .differs {
        guard let expected = cell.expected, !blessed.contains(expected.fenceLine) else { continue }
        unwritten.insert(result.chapter.path)
        for diagnostic in result.check.diagnostics
        where diagnostic.message == "output differs" && diagnostic.line > expected.fenceLine
          && diagnostic.line <= (expected.closingLine ?? Int.max)
        {
          Console.error(diagnostic.description + "\n(not blessed: the block has no closing fence)")
        }
      }
      guard !changes.isEmpty else { continue }
      do {
        try source.write(toFile: result.chapter.path, atomically: true, encoding: .utf8)
      } catch {
        throw EngineError("cannot write \(result.chapter.path): \(error.localizedDescription)")
      }
      for change in changes {
        Console.out(
          "\(result.chapter.path):\(change.firstChangedLine): blessed output (the block at line "
            + "\(change.fenceLine) now holds \(change.writtenLines) line\(change.writtenLines == 1 ? "" : "s"))\n"
            + change.diff)
      }
      written.append((result.chapter.path, changes.count))
    }
    // Blessed mismatches are fixed; anything else still fails.
    let failing = results.filter { result in
      unwritten.contains(result.chapter.path)
        || result.check.diagnostics.contains { $0.message != "output differs" && fails($0, options) }
    }
    Console.out(
      blessSummary(results, written: written, failing: failing.count, seconds: Subprocess.now() - start))
    return failing.isEmpty
  }

  /// `wrote 2 output blocks into chapters/02-x.md (1), chapters/05-y.md (1); 14 chapters, 0
  /// failing for other reasons (12.3 s)`, or `wrote nothing: every output matched; ...`.
  static func blessSummary(
    _ results: [ChapterResult], written: [(path: String, blocks: Int)], failing: Int, seconds: Double
  ) -> String {
    let blocks = written.map(\.blocks).reduce(0, +)
    let what =
      written.isEmpty
      ? "wrote nothing: every compared output matched"
      : "wrote \(blocks) output block\(blocks == 1 ? "" : "s") into "
        + written.map { "\($0.path) (\($0.blocks))" }.joined(separator: ", ")
    return "\(what); \(results.count) chapter\(results.count == 1 ? "" : "s"), "
      + "\(failing) failing for other reasons" + String(format: " (%.1f s)", seconds)
  }
}
