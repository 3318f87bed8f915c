import Foundation

/// The program that runs one exercise's checks: the code under test (the learner's files, or the
/// reference solutions, or the stub) compiled with a `main.swift` holding the harness and the
/// chapter's checks under `#sourceLocation`, so a trap in a check points at the chapter's line.
///
/// Each check writes its values to the file named by `COMPANION_EXERCISE_RECORDS`, one line per
/// value, flushed at once, so what ran before a trap or a timeout is kept:
/// `begin<TAB>LINE<TAB>NAME`, `value<TAB>LINE<TAB>NAME<TAB>PART<TAB>KIND<TAB>RTOL<TAB>ATOL<TAB>SHAPE<TAB>VALUES`
/// and `end` after the last check.
struct ExerciseProgram {
  /// The source of `main.swift`.
  var mainSource: String

  /// The program for `exercise`'s checks.
  init(checks exercise: Exercise) {
    let file = ChapterProgram.quoted(exercise.chapterPath)
    var body = exercise.checks.code
    if !body.hasSuffix("\n") { body += "\n" }
    mainSource =
      ExerciseProgram.harness + "#sourceLocation(file: \(file), line: \(exercise.checks.codeLine))\n" + body
      + "#sourceLocation()\nexerciseRecord(\"end\")\n"
  }

  /// A chapter block as a source file whose lines report as the chapter's.
  static func located(_ block: Exercise.Block, chapterPath: String) -> String {
    let body = block.code.hasSuffix("\n") ? block.code : block.code + "\n"
    return
      "import DeepLearning\n#sourceLocation(file: \(ChapterProgram.quoted(chapterPath)), line: \(block.codeLine))\n"
      + body
      + "#sourceLocation()\n"
  }

  /// The checks' library: `check(name) { value }` and the values it can compare.
  static let harness = #"""
    import DeepLearning
    #if canImport(Glibc)
    import Glibc
    #endif

    let exerciseRecordFile: UnsafeMutablePointer<FILE>? = getenv("COMPANION_EXERCISE_RECORDS").flatMap { fopen($0, "w") }

    func exerciseRecord(_ fields: String...) {
      guard let exerciseRecordFile else { return }
      fputs(fields.map { String($0.map { $0 == "\t" || $0 == "\n" ? " " : $0 }) }.joined(separator: "\t") + "\n", exerciseRecordFile)
      fflush(exerciseRecordFile)
    }

    /// A value a check can compare with the reference's: its parts, each with a label, a kind, a shape and numbers.
    protocol CheckedValue {
      var checkedParts: [(label: String, kind: String, shape: [Int], values: [Double])] { get }
    }

    extension Tensor: CheckedValue {
      var checkedParts: [(label: String, kind: String, shape: [Int], values: [Double])] { [("", "tensor", shape.dimensions, scalars)] }
    }
    extension Double: CheckedValue {
      var checkedParts: [(label: String, kind: String, shape: [Int], values: [Double])] { [("", "number", [], [self])] }
    }
    extension Int: CheckedValue {
      var checkedParts: [(label: String, kind: String, shape: [Int], values: [Double])] { [("", "integer", [], [Double(self)])] }
    }
    extension Bool: CheckedValue {
      var checkedParts: [(label: String, kind: String, shape: [Int], values: [Double])] { [("", "bool", [], [self ? 1 : 0])] }
    }
    extension Array: CheckedValue where Element: CheckedValue {
      var checkedParts: [(label: String, kind: String, shape: [Int], values: [Double])] {
        [("", "count", [], [Double(count)])] + enumerated().flatMap { index, element in
          element.checkedParts.map { ("[\(index)]" + $0.label, $0.kind, $0.shape, $0.values) }
        }
      }
    }
    extension Dictionary: CheckedValue where Key == String, Value: CheckedValue {
      var checkedParts: [(label: String, kind: String, shape: [Int], values: [Double])] {
        [("", "keys", [], [Double(count)])] + keys.sorted().flatMap { key in
          self[key]!.checkedParts.map { ("[\"\(key)\"]" + $0.label, $0.kind, $0.shape, $0.values) }
        }
      }
    }

    /// Checks the value `body` returns against the reference's, within `rtol` (relative) and `atol` (absolute).
    func check<Value: CheckedValue>(_ name: String, rtol: Double = 1e-7, atol: Double = 1e-12, line: Int = #line, _ body: () -> Value) {
      exerciseRecord("begin", String(line), name)
      let value = body()
      for part in value.checkedParts {
        exerciseRecord(
          "value", String(line), name, part.label, part.kind, String(rtol), String(atol),
          part.shape.map(String.init).joined(separator: ","), part.values.map { "\($0)" }.joined(separator: " "))
      }
    }

    """#
}
