#if !hasFeature(Embedded)
#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// Cell bookkeeping for generated chapter programs; chapters never call it themselves.
///
/// The generated program calls `start()` first, `beginCell(_:)` before each cell, wraps a
/// `traps` cell in `if shouldRun(trapsCell:) { ...; finishTrapRun(_:) }`, and calls `end()` last.
///
/// Environment:
/// - `COMPANION_RECORDS`: a file to which tables, plots and published values are appended as
///   JSON lines (see `RuntimeRecord`); each table or plot also writes a result marker line to
///   stdout (`resultMarkerPrefix`). Without it they are printed for the terminal, unmarked.
/// - `COMPANION_TRAP_CELL`: in a traps run, the index of the `traps` cell to run; the program
///   runs the cells before it, then that cell, and exits with `trapCellDidNotTrapStatus` if the
///   cell finishes without trapping.
public enum NotebookSession {
  /// The exit status of a traps run whose `traps` cell finished without trapping.
  public static let trapCellDidNotTrapStatus: Int32 = 86

  /// The prefix of the line written to stdout before each cell: `"\u{1E}companion-cell "`.
  public static let cellMarkerPrefix = "\u{1E}companion-cell "

  /// The prefix of the line written to stdout where a table or plot was shown, when records go
  /// to a file: `"\u{1E}companion-result <n>"`, `n` counting the shown results of the run from 0
  /// (the `n`-th table or plot record of the records file). It lets the engine place each
  /// result between the text printed before and after it.
  public static let resultMarkerPrefix = "\u{1E}companion-result "

  /// Prepares stdout (line buffered, so what a cell printed before a trap is not lost).
  public static func start() {
    setvbuf(stdout, nil, _IOLBF, 0)
    _ = RecordChannel.shared
  }

  /// Marks the start of cell `index`: flushes stdout and writes the boundary line
  /// `"\u{1E}companion-cell <index>"`.
  ///
  /// In a traps run, reaching a cell after the traps cell means the traps cell did not trap:
  /// the program exits with `trapCellDidNotTrapStatus`.
  public static func beginCell(_ index: Int) {
    let channel = RecordChannel.shared
    if let trapCell = channel.trapCell, index > trapCell { exitTrapCellDidNotTrap() }
    fflush(stdout)
    fputs("\(cellMarkerPrefix)\(index)\n", stdout)
    fflush(stdout)
    channel.currentCell = index
  }

  /// Whether the `traps` cell `index` runs: only in a traps run aimed at that cell.
  public static func shouldRun(trapsCell index: Int) -> Bool {
    RecordChannel.shared.trapCell == index
  }

  /// Called right after the code of `traps` cell `index`: in the traps run for that cell the
  /// cell did not trap, so the program exits with `trapCellDidNotTrapStatus`.
  public static func finishTrapRun(_ index: Int) {
    if RecordChannel.shared.trapCell == index { exitTrapCellDidNotTrap() }
  }

  /// Called at the end of the program: flushes output and, in a traps run that got here, exits
  /// with `trapCellDidNotTrapStatus`.
  public static func end() {
    if RecordChannel.shared.trapCell != nil { exitTrapCellDidNotTrap() }
    fflush(stdout)
  }

  /// Flushes stdout.
  static func flushStdout() {
    fflush(stdout)
  }

  /// Writes `line` and a newline to stdout and flushes it.
  static func writeStdoutLine(_ line: String) {
    fputs(line + "\n", stdout)
    fflush(stdout)
  }

  private static func exitTrapCellDidNotTrap() -> Never {
    fflush(stdout)
    fflush(stderr)
    exit(trapCellDidNotTrapStatus)
  }
}
#endif
