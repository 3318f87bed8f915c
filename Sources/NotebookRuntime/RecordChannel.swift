#if !hasFeature(Embedded)
import Foundation

/// The process-wide destination of records and the current cell index.
final class RecordChannel: @unchecked Sendable {
  /// The channel configured from the environment, created on first use.
  static let shared = RecordChannel(environment: ProcessInfo.processInfo.environment)

  /// The records file, or nil when results are printed for the terminal.
  private let file: UnsafeMutablePointer<FILE>?
  /// The traps cell of a traps run, from `COMPANION_TRAP_CELL`.
  let trapCell: Int?
  private let lock = NSLock()
  private var cell = -1
  private var shownCount = 0

  init(environment: [String: String]) {
    if let path = environment["COMPANION_RECORDS"], !path.isEmpty {
      guard let file = fopen(path, "a") else {
        fatalError("cannot open COMPANION_RECORDS file '\(path)' for appending")
      }
      self.file = file
    } else {
      self.file = nil
    }
    trapCell = environment["COMPANION_TRAP_CELL"].flatMap { Int($0) }
  }

  /// Whether records go to a file (as opposed to the terminal).
  var isRecording: Bool { file != nil }

  /// The index of the running cell (-1 before the first).
  var currentCell: Int {
    get { lock.withLock { cell } }
    set { lock.withLock { cell = newValue } }
  }

  /// Appends one record line for the current cell and flushes it.
  func write(_ payload: RuntimeRecord.Payload) {
    guard file != nil else { return }
    lock.withLock { append(payload) }
  }

  /// Records a shown table or plot: flushes stdout, appends the record, then writes the result
  /// marker line `"\u{1E}companion-result <n>"` to stdout, so the engine knows which printed
  /// text came before the result and which after.
  func show(_ payload: RuntimeRecord.Payload) {
    guard file != nil else { return }
    lock.withLock {
      NotebookSession.flushStdout()
      append(payload)
      let number = shownCount
      shownCount += 1
      NotebookSession.writeStdoutLine("\(NotebookSession.resultMarkerPrefix)\(number)")
    }
  }

  /// Appends one record line (the lock held).
  private func append(_ payload: RuntimeRecord.Payload) {
    guard let file else { return }
    let record = RuntimeRecord(cell: cell, payload: payload)
    let data: Data
    do {
      data = try record.jsonLine()
    } catch {
      fatalError("cannot encode record: \(error)")
    }
    data.withUnsafeBytes { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, file) }
    fputc(0x0A, file)
    fflush(file)
  }
}
#endif
