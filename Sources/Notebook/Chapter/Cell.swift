/// The options a Swift cell's info string may carry (` ```swift hide traps`).
public struct CellOptions: Sendable, Equatable, Codable, Hashable {
  /// Run and show output, but not the code.
  public var hide = false
  /// Compile but do not run; show the code only.
  public var norun = false
  /// Run in a separate child that stops at this cell; the trap message is the output.
  public var traps = false
  /// Show the output but never compare it (timings).
  public var volatile = false
  /// Rerun in the reader's browser when its controls change (`Control.slider` and the like).
  public var live = false

  /// Every option name an author may write.
  public static let names = ["hide", "norun", "traps", "volatile", "live"]

  /// Creates options with everything off.
  public init() {}

  /// The option names that are on, in `names` order (used in cache keys).
  public var enabledNames: [String] {
    var names: [String] = []
    if hide { names.append("hide") }
    if norun { names.append("norun") }
    if traps { names.append("traps") }
    if volatile { names.append("volatile") }
    if live { names.append("live") }
    return names
  }
}

/// An ```output block: the expected output of the cell above it.
public struct ExpectedOutput: Sendable, Equatable {
  /// The expected text (the block's content).
  public var text: String
  /// The line of the opening ```output fence.
  public var fenceLine: Int
  /// The line of the closing fence, or nil when the block runs to the end of the file.
  public var closingLine: Int?
  /// Relative tolerance for numbers (default 1e-6).
  public var rtol: Double
  /// Absolute tolerance for numbers (default 1e-12).
  public var atol: Double
  /// Whether the fence names `rtol=` or `atol=`: then the tolerances alone decide, and the
  /// decimals rule (an expected `0.693048` matching anything that rounds to it) is off.
  public var hasExplicitTolerance = false

  /// How this block's numbers are compared.
  public var comparison: OutputComparison {
    OutputComparison(rtol: rtol, atol: atol, decimalsRule: !hasExplicitTolerance)
  }
}

/// A ```swift block of a chapter.
public struct Cell: Sendable, Equatable {
  /// The cell's position among the chapter's Swift cells, from 0.
  public var index: Int
  /// The options from the info string.
  public var options: CellOptions
  /// The Swift source of the cell.
  public var code: String
  /// The line of the opening fence.
  public var fenceLine: Int
  /// The expected output, if an ```output block follows.
  public var expected: ExpectedOutput?

  /// The line of the first line of code (one below the fence).
  public var codeLine: Int { fenceLine + 1 }

  /// Whether the cell's output is compared with its expected output.
  public var isChecked: Bool { expected != nil && !options.volatile && !options.norun }
}
