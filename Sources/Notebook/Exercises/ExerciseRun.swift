import Foundation

/// What one run of an exercise's checks produced: the values of each check, and how it ended.
public struct ExerciseRun: Sendable, Equatable {
  /// One value a check recorded (a tensor, a number, or a part of a dictionary or array).
  public struct Value: Sendable, Equatable {
    /// The check's line in the chapter.
    public var line: Int
    /// The check's name.
    public var check: String
    /// The part of the value (`["W1"]`, `[0]`), empty for the whole value.
    public var part: String
    /// `tensor`, `number`, `integer`, `bool`, `count` or `keys`.
    public var kind: String
    /// The relative and absolute tolerance the check asked for.
    public var rtol: Double
    public var atol: Double
    /// The shape (empty for a number).
    public var shape: [Int]
    /// The numbers, in row-major order.
    public var values: [Double]
  }

  /// How the run ended.
  public enum Ending: Sendable, Equatable {
    /// Every check ran.
    case finished
    /// The code did not compile: the compiler's messages.
    case compileFailed(String)
    /// A trap (a failed precondition, an index out of range): `trapped at FILE:LINE in FUNCTION:
    /// MESSAGE` (or `trapped: MESSAGE` when no frame of the code under test is found).
    case trapped(String)
    /// The program ran longer than the time limit.
    case timedOut(Double)
    /// The program exited early with this status.
    case exited(Int32)
  }

  /// The checks that began, in order, as (line, name).
  public var begun: [(line: Int, name: String)]
  /// The recorded values.
  public var values: [Value]
  /// How it ended.
  public var ending: Ending
  /// What the program printed (the learner's own `print`s).
  public var printed: String

  public static func == (a: ExerciseRun, b: ExerciseRun) -> Bool {
    a.values == b.values && a.ending == b.ending && a.printed == b.printed
      && a.begun.map(\.name) == b.begun.map(\.name) && a.begun.map(\.line) == b.begun.map(\.line)
  }

  /// Reads the records file's text; `ending` is how the process ended.
  init(records: String, ending: Ending, printed: String) {
    var begun: [(line: Int, name: String)] = []
    var values: [Value] = []
    var sawEnd = false
    for line in records.split(separator: "\n", omittingEmptySubsequences: false) {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      switch fields.first {
      case "begin" where fields.count >= 3:
        begun.append((Int(fields[1]) ?? 0, fields[2]))
      case "value" where fields.count >= 9:
        values.append(
          Value(
            line: Int(fields[1]) ?? 0, check: fields[2], part: fields[3], kind: fields[4],
            rtol: Double(fields[5]) ?? 1e-7, atol: Double(fields[6]) ?? 1e-12,
            shape: fields[7].split(separator: ",").compactMap { Int($0) },
            values: fields[8].split(separator: " ").map { Double(String($0)) ?? .nan }))
      case "end":
        sawEnd = true
      default:
        break
      }
    }
    self.begun = begun
    self.values = values
    self.printed = printed
    if ending == .finished && !sawEnd {
      self.ending = .exited(0)
    } else {
      self.ending = ending
    }
  }

  /// The records as the harness writes them (for the cache of reference runs).
  var recordsText: String {
    var lines: [String] = []
    var valueIndex = 0
    for check in begun {
      lines.append("begin\t\(check.line)\t\(check.name)")
      while valueIndex < values.count, values[valueIndex].line == check.line,
        values[valueIndex].check == check.name
      {
        let v = values[valueIndex]
        lines.append(
          [
            "value", String(v.line), v.check, v.part, v.kind, String(v.rtol), String(v.atol),
            v.shape.map(String.init).joined(separator: ","), v.values.map { "\($0)" }.joined(separator: " "),
          ].joined(separator: "\t"))
        valueIndex += 1
      }
    }
    if ending == .finished { lines.append("end") }
    return lines.joined(separator: "\n") + "\n"
  }
}
