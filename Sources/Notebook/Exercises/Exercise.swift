/// A programming exercise declared in a chapter: a statement in prose, a stub the learner starts
/// from, the reference solution, hints and named checks that call the learner's code.
///
/// In the Markdown, every block of an exercise is a fence whose info string names it:
/// ` ```swift exercise=sigmoid stub `, ` ```swift exercise=sigmoid solution `,
/// ` ```swift exercise=sigmoid check `, ` ```markdown exercise=sigmoid hint `. The statement is
/// the prose between the heading above the stub and the stub.
public struct Exercise: Sendable, Equatable {
  /// One fenced block of the exercise.
  public struct Block: Sendable, Equatable {
    /// The block's content.
    public var code: String
    /// The line of the opening fence.
    public var fenceLine: Int
    /// The line of the content's first line.
    public var codeLine: Int { fenceLine + 1 }
  }

  /// The name: an identifier, also the learner's file name (`NAME.swift`).
  public var name: String
  /// The chapter path (`chapters/03-logistic-regression.md`).
  public var chapterPath: String
  /// The heading above the exercise (or its name when there is none).
  public var title: String
  /// The statement: the Markdown between the heading and the stub.
  public var statement: String
  /// The code the learner starts from.
  public var stub: Block
  /// The reference solution.
  public var solution: Block
  /// The checks: top-level code calling `check("name") { expression }`.
  public var checks: Block
  /// The hints, from gentle to explicit (Markdown).
  public var hints: [Block]
  /// The exercises (of the same chapter) whose code this one calls: their files are compiled
  /// with this one, in this order.
  public var uses: [String]
  /// Seconds one run of the checks may take.
  public var timeout: Double

  /// The learner's file name.
  public var fileName: String { name + ".swift" }

  /// The default time limit of one run of an exercise's checks.
  public static let defaultTimeout: Double = 30

  /// The roles a block can have.
  public static let roles = ["stub", "solution", "check", "hint"]

  /// Whether a fence's info string words declare an exercise block.
  public static func isExerciseBlock(_ words: [String]) -> Bool {
    words.contains { $0.hasPrefix("exercise=") }
  }

  /// Whether `name` can be an exercise name (a Swift identifier, so also a file name).
  static func isValidName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
      first.isASCII
    else { return false }
    return name.unicodeScalars.allSatisfy {
      $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0))
    }
  }
}
