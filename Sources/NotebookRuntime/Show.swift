/// Shows a table under the current cell (an HTML table on the page, aligned text in a terminal).
public func show(_ table: Table) {
  #if hasFeature(Embedded)
    LiveSession.show(.table(table))
  #else
    let channel = RecordChannel.shared
    if channel.isRecording {
      channel.show(.table(table))
    } else {
      print(table.alignedText)
    }
  #endif
}

/// Shows several tables in order.
public func show(_ tables: Table...) {
  for table in tables { show(table) }
}

/// Shows a plot under the current cell (inline SVG on the page, a one-line summary in a terminal).
public func show(_ plot: Plot) {
  #if hasFeature(Embedded)
    LiveSession.show(.plot(plot))
  #else
    let channel = RecordChannel.shared
    if channel.isRecording {
      channel.show(.plot(plot))
    } else {
      print(plot.summary)
    }
  #endif
}

/// Publishes a value for `{{name}}` in the chapter's prose (nothing is printed). In a live
/// cell running in the browser it does nothing: the prose was written by the build.
public func publish(_ name: String, _ value: String) {
  #if !hasFeature(Embedded)
    RecordChannel.shared.write(.publish(name: name, value: value))
  #endif
}

/// Publishes a number for `{{name}}`, formatted with Swift's `description` (`0.25`, `1e-05`).
public func publish(_ name: String, _ value: Double) {
  publish(name, value.description)
}

/// Publishes an integer for `{{name}}`.
public func publish(_ name: String, _ value: Int) {
  publish(name, value.description)
}
