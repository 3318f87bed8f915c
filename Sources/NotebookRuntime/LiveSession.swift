/// What one run of a live cell in the browser produced: the text it printed and the tables and
/// plots it showed, in order, plus the control values the page passed in. Only in the browser
/// build; natively the engine collects the same things from the chapter program's output.
public enum LiveOutputItem {
  /// Printed text.
  case text(String)
  /// A table shown.
  case table(Table)
  /// A plot shown.
  case plot(Plot)
}

#if hasFeature(Embedded)
  @_extern(c, "output_pointer") func outputPointer() -> UnsafeMutablePointer<UInt8>
  @_extern(c, "output_length") func outputLength() -> Int
  @_extern(c, "output_reset") func outputReset()
  @_extern(c, "input_pointer") func liveInputPointer() -> UnsafeMutablePointer<UInt8>?

  /// The first `count` bytes of the input buffer (where JavaScript writes what it passes to an
  /// export: `input_reserve` in `runtime.c`) as a string.
  public func inputText(_ count: Int32) -> String {
    guard count > 0, let input = liveInputPointer() else { return "" }
    return String(decoding: UnsafeBufferPointer(start: input, count: Int(count)), as: UTF8.self)
  }

  /// The state of the live cell running in the browser (one at a time).
  public enum LiveSession {
    nonisolated(unsafe) static var values: [String] = []
    nonisolated(unsafe) static var nextControl = 0
    nonisolated(unsafe) static var items: [LiveOutputItem] = []

    /// Starts a run with the page's control values: `count` bytes of the input buffer, the
    /// values separated by U+001F.
    public static func begin(inputCount count: Int32) {
      begin(values: inputText(count))
    }

    /// Starts a run with the page's control values, separated by U+001F.
    public static func begin(values text: String) {
      values =
        text.isEmpty
        ? []
        : text.utf8.split(separator: 0x1F, omittingEmptySubsequences: false).map {
          String(decoding: $0, as: UTF8.self)
        }
      nextControl = 0
      items = []
      outputReset()
    }

    /// The page's value for the next control the cell declares, if it sent one.
    static func nextValue() -> String? {
      defer { nextControl += 1 }
      return nextControl < values.count ? values[nextControl] : nil
    }

    /// Ends the printed text so far (it becomes an item) and adds a table or plot after it.
    static func show(_ item: LiveOutputItem) {
      takeText()
      items.append(item)
    }

    private static func takeText() {
      let count = outputLength()
      if count > 0 {
        items.append(
          .text(String(decoding: UnsafeBufferPointer(start: outputPointer(), count: count), as: UTF8.self)))
      }
      outputReset()
    }

    /// Ends the run: everything the cell produced, in order (the output buffer is emptied).
    public static func finish() -> [LiveOutputItem] {
      takeText()
      let result = items
      items = []
      return result
    }
  }
#endif
