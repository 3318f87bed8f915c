/// Shows a table under the current cell (an HTML table on the page, aligned text in a terminal).
public func show(_ table: Table) {
  let channel = RecordChannel.shared
  if channel.isRecording {
    channel.show(.table(table))
  } else {
    print(table.alignedText)
  }
}

/// Shows several tables in order.
public func show(_ tables: Table...) {
  for table in tables { show(table) }
}

/// Shows a plot under the current cell (inline SVG on the page, a one-line summary in a terminal).
public func show(_ plot: Plot) {
  let channel = RecordChannel.shared
  if channel.isRecording {
    channel.show(.plot(plot))
  } else {
    print(plot.summary)
  }
}

/// Publishes a value for `{{name}}` in the chapter's prose (nothing is printed).
public func publish(_ name: String, _ value: String) {
  RecordChannel.shared.write(.publish(name: name, value: value))
}

/// Publishes a number for `{{name}}`, formatted with Swift's `description` (`0.25`, `1e-05`).
public func publish(_ name: String, _ value: Double) {
  publish(name, value.description)
}

/// Publishes an integer for `{{name}}`.
public func publish(_ name: String, _ value: Int) {
  publish(name, value.description)
}
