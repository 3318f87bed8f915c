/// What a cell is on the page, as its label says: the verdict of the check, refined by the
/// cell's options and by how the chapter's run ended.
enum CellKind: Equatable {
  /// The output matched its ```output block.
  case verified
  /// A `traps` cell trapped, and its output (with the trap message) matched, or it has no block.
  case trappedAsExpected(checked: Bool)
  /// The output differs from its ```output block.
  case differs
  /// The cell ran; nothing was compared (`volatile`, or no ```output block).
  case notChecked(volatile: Bool)
  /// A `norun` cell: compiled, never run.
  case notRun
  /// The chapter did not compile and this cell holds an error.
  case failedToCompile
  /// The chapter did not compile; this cell is fine but nothing ran.
  case notCompiled
  /// The chapter stopped in an earlier cell (trap, time limit, crash).
  case notReached
  /// The cell trapped without being a `traps` cell.
  case trapped
  /// A `traps` cell finished without trapping.
  case didNotTrap
  /// The chapter ran out of time in this cell.
  case timedOut
  /// The program exited with an error status in this cell.
  case crashed

  /// Classifies a cell from its check and the run of its chapter.
  init(cell: Cell, verdict: CellVerdict, status: ChapterRun.Status, hasDiagnostics: Bool) {
    switch verdict {
    case .verified:
      self = cell.options.traps ? .trappedAsExpected(checked: true) : .verified
    case .differs:
      self = .differs
    case .unchecked:
      self =
        cell.options.traps ? .trappedAsExpected(checked: false) : .notChecked(volatile: cell.options.volatile)
    case .failed:
      if case .trapped(let index, _) = status, index == cell.index {
        self = .trapped
      } else {
        self = cell.options.traps ? .didNotTrap : .trapped
      }
    case .notRun:
      if cell.options.norun {
        self = .notRun
        return
      }
      switch status {
      case .compileFailed: self = hasDiagnostics ? .failedToCompile : .notCompiled
      case .timedOut(let index, _) where index == cell.index: self = .timedOut
      case .failed(let index, _, _) where index == cell.index: self = .crashed
      case .trapped(let index, _) where index == cell.index: self = .trapped
      default: self = .notReached
      }
    }
  }

  /// Whether the cell failed (a red frame and a ✗ mark).
  var isFailure: Bool {
    switch self {
    case .differs, .failedToCompile, .trapped, .didNotTrap, .timedOut, .crashed: return true
    default: return false
    }
  }

  /// The class on the cell's `div` beside `cell`.
  var cssClass: String {
    switch self {
    case .verified, .trappedAsExpected(checked: true): return "verified"
    case .trappedAsExpected(checked: false): return "trapped-as-expected"
    case .notChecked: return "unchecked"
    case .notRun, .notCompiled, .notReached: return "not-run"
    default: return "failed"
    }
  }

  /// The label shown on the cell.
  var label: String {
    switch self {
    case .verified: return "✓ verified"
    case .trappedAsExpected(let checked): return checked ? "✓ trapped as expected" : "trapped as expected"
    case .differs: return "✗ differs from the chapter"
    case .notChecked(let volatile): return volatile ? "not checked: varies from run to run" : "not checked"
    case .notRun: return "not run (norun)"
    case .failedToCompile: return "✗ failed to compile"
    case .notCompiled: return "not run: the chapter did not compile"
    case .notReached: return "not reached: the chapter stopped earlier"
    case .trapped: return "✗ trapped"
    case .didNotTrap: return "✗ expected a trap"
    case .timedOut: return "✗ ran out of time"
    case .crashed: return "✗ the program failed"
    }
  }

  /// What the label means, as a tooltip.
  var explanation: String {
    switch self {
    case .verified: return "The output this build printed matches the chapter's expected output."
    case .trappedAsExpected(let checked):
      return checked
        ? "The cell stopped with the trap the chapter shows, and its output matches."
        : "The cell stopped with a trap, as intended; there is no expected output to compare."
    case .differs: return "The output this build printed differs from the chapter's expected output."
    case .notChecked(let volatile):
      return volatile
        ? "A volatile cell (a timing): its output is shown as measured and never compared."
        : "The cell has no expected output block, so what it printed is shown unchecked."
    case .notRun: return "A norun cell: compiled with the chapter, never run."
    case .failedToCompile: return "The chapter's program did not compile because of this cell."
    case .notCompiled: return "The chapter's program did not compile, so no cell ran."
    case .notReached: return "An earlier cell stopped the chapter's program before this one."
    case .trapped: return "The cell stopped with a trap it was not meant to hit."
    case .didNotTrap: return "A traps cell must stop with a trap; this one finished normally."
    case .timedOut: return "The chapter ran out of time in this cell."
    case .crashed: return "The chapter's program exited with an error in this cell."
    }
  }

  /// Whether the cell's expected output is shown on its own (it was never compared).
  var showsExpectedAlone: Bool {
    switch self {
    case .failedToCompile, .notCompiled, .notReached, .trapped, .timedOut, .crashed, .didNotTrap: return true
    default: return false
    }
  }
}
