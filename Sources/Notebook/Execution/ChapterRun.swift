import NotebookRuntime

/// What running a chapter produced: per-cell output and results, or why it stopped.
///
/// Stored in the cache as JSON, so a rebuild with unchanged code shows exactly the same output
/// (including `volatile` timings).
public struct ChapterRun: Sendable, Codable, Equatable {
  /// How the run ended.
  public enum Status: Sendable, Codable, Equatable {
    /// Every cell ran (traps cells trapped as expected, or were reported below).
    case completed
    /// The program did not compile; `output` is the compiler's output.
    case compileFailed(output: String)
    /// An ordinary cell trapped: the index of the cell and the trap message.
    case trapped(cell: Int, message: String)
    /// The program exited with a non-zero status (cell running at the time, status).
    case failed(cell: Int, status: Int32, stderr: String)
    /// The program ran out of time in `cell`.
    case timedOut(cell: Int, seconds: Double)
    /// The program printed more than `bytes` in `cell` and was stopped.
    case printedTooMuch(cell: Int, bytes: Int)
  }

  /// What one cell produced.
  public struct CellOutput: Sendable, Codable, Equatable {
    /// The cell's stdout (for a traps cell: stdout in its traps run, then the trap message),
    /// without result markers: the text compared with the ```output block.
    public var text: String = ""
    /// Tables and plots shown, in order.
    public var results: [RuntimeRecord] = []
    /// Whether the cell ran to its end (or, for a traps cell, trapped as expected).
    public var ran = false
    /// For a traps cell: the problem with its traps run ("did not trap"), if any.
    public var trapProblem: String?
    /// Where each result was shown: `resultPositions[i]` is the UTF-8 offset in `text` at which
    /// `results[i]` appeared. Results without a position are placed after all the text.
    public var resultPositions: [Int] = []
    /// The controls a live cell declared, in order, with their defaults.
    public var controls: [LiveControl] = []

    /// Creates a cell's output.
    public init(
      text: String = "", results: [RuntimeRecord] = [], ran: Bool = false, trapProblem: String? = nil,
      resultPositions: [Int] = []
    ) {
      self.text = text
      self.results = results
      self.ran = ran
      self.trapProblem = trapProblem
      self.resultPositions = resultPositions
    }

    /// One piece of a cell's output in the order it was produced.
    public enum Segment: Sendable, Equatable {
      /// Printed text.
      case text(String)
      /// A table or plot, with its index in `results`.
      case result(Int, RuntimeRecord)
    }

    /// The text and the results interleaved as the program produced them: text, result, text,
    /// ... Empty text pieces are left out; the text pieces joined give `text`.
    public var segments: [Segment] {
      let bytes = Array(text.utf8)
      var segments: [Segment] = []
      var start = 0
      for (index, record) in results.enumerated() {
        let position = index < resultPositions.count ? resultPositions[index] : bytes.count
        let end = min(max(position, start), bytes.count)
        if end > start { segments.append(.text(String(decoding: bytes[start..<end], as: UTF8.self))) }
        segments.append(.result(index, record))
        start = end
      }
      if start < bytes.count { segments.append(.text(String(decoding: bytes[start...], as: UTF8.self))) }
      return segments
    }
  }

  /// How the run ended.
  public var status: Status
  /// Output per cell index (cells after a failure have empty, not-ran entries).
  public var cells: [CellOutput]
  /// Values published with `publish(name, value)`.
  public var published: [String: String]
  /// Seconds spent compiling.
  public var compileSeconds: Double
  /// Seconds spent running (main run and traps runs).
  public var runSeconds: Double
  /// Where an ordinary cell trapped, as the runtime printed it (`chapters/01-x.md:14`), when it
  /// named a place.
  public var trapLocation: String? = nil

  /// The cell an unexpected trap or endless printing stopped the run in, if any.
  public var failedCell: Int? {
    switch status {
    case .trapped(let cell, _), .printedTooMuch(let cell, _): return cell
    default: return nil
    }
  }

  /// Whether the result may be cached (the run finished without an engine-side failure).
  public var isCacheable: Bool {
    switch status {
    case .completed, .trapped, .failed: return true
    case .compileFailed, .timedOut, .printedTooMuch: return false
    }
  }
}
