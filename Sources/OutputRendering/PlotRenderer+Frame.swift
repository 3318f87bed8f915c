import NotebookRuntime

/// Grid lines, axes, tick labels, axis labels and the legend.
extension PlotRenderer {
  /// Light lines at every tick, under the data.
  static func gridLines(_ area: PlotArea) -> String {
    var out = "<g class=\"grid\">\n"
    for tick in area.x.ticks {
      guard let x = area.x.position(tick.value) else { continue }
      out += "<line x1=\"\(n(x))\" x2=\"\(n(x))\" y1=\"\(n(area.top))\" y2=\"\(n(area.bottom))\"/>\n"
    }
    for tick in area.y.ticks {
      guard let y = area.y.position(tick.value) else { continue }
      out += "<line x1=\"\(n(area.left))\" x2=\"\(n(area.right))\" y1=\"\(n(y))\" y2=\"\(n(y))\"/>\n"
    }
    return out + "</g>\n"
  }

  /// The two axis lines with tick marks, tick labels and axis labels.
  static func axes(_ area: PlotArea, _ plot: Plot) -> String {
    var out = "<g class=\"axis\">\n"
    out += "<line x1=\"\(n(area.left))\" x2=\"\(n(area.right))\" y1=\"\(n(area.bottom))\""
    out += " y2=\"\(n(area.bottom))\"/>\n"
    out += "<line x1=\"\(n(area.left))\" x2=\"\(n(area.left))\" y1=\"\(n(area.top))\""
    out += " y2=\"\(n(area.bottom))\"/>\n"
    for tick in area.x.ticks {
      guard let x = area.x.position(tick.value) else { continue }
      out += "<line x1=\"\(n(x))\" x2=\"\(n(x))\" y1=\"\(n(area.bottom))\""
      out += " y2=\"\(n(area.bottom + 5))\"/>\n"
      out += "<text class=\"tick\" x=\"\(n(x))\" y=\"\(n(area.bottom + 18))\" text-anchor=\"middle\">"
      out += "\(HTML.escape(tick.label))</text>\n"
    }
    for tick in area.y.ticks {
      guard let y = area.y.position(tick.value) else { continue }
      out += "<line x1=\"\(n(area.left - 5))\" x2=\"\(n(area.left))\" y1=\"\(n(y))\" y2=\"\(n(y))\"/>\n"
      out += "<text class=\"tick\" x=\"\(n(area.left - 8))\" y=\"\(n(y + 4))\" text-anchor=\"end\">"
      out += "\(HTML.escape(tick.label))</text>\n"
    }
    out += "<text class=\"axis-label\" x=\"\(n((area.left + area.right) / 2))\""
    out += " y=\"\(n(height - 8))\" text-anchor=\"middle\">\(HTML.escape(plot.xLabel))</text>\n"
    let middle = n((area.top + area.bottom) / 2)
    out += "<text class=\"axis-label\" transform=\"translate(16 \(middle)) rotate(-90)\""
    out += " text-anchor=\"middle\">\(HTML.escape(plot.yLabel))\(plot.logY ? " (log)" : "")"
    out += "</text>\n"
    return out + "</g>\n"
  }

  /// One legend entry: a swatch and its label.
  struct LegendEntry {
    enum Swatch { case line, dot, ring, dashed, square }
    var swatch: Swatch
    var colourClass: String
    var label: String
    /// Approximate width in pixels (swatch, label at ~6.6 px per character, gap).
    var width: Double { 22 + Double(label.count) * 6.6 + 16 }
  }

  /// Legend entries: one per series, one per class for class-coloured scatter points, and one
  /// per region class when no scatter series names the classes.
  static func legendEntries(_ plot: Plot) -> [LegendEntry] {
    var entries: [LegendEntry] = []
    var classesNamed = false
    for (index, series) in plot.series.enumerated() {
      let colour = "series-\(index % seriesColours)"
      switch series.kind {
      case .line: entries.append(LegendEntry(swatch: .line, colourClass: colour, label: series.label))
      case .hline:
        entries.append(LegendEntry(swatch: .dashed, colourClass: colour, label: series.label))
      case .scatter:
        let swatch: LegendEntry.Swatch = series.hollow == true ? .ring : .dot
        if let classes = series.classes {
          classesNamed = true
          for value in distinctSorted(classes) {
            let colourIndex = ((value % classColours) + classColours) % classColours
            entries.append(
              LegendEntry(
                swatch: swatch, colourClass: "class-\(colourIndex)",
                label: "\(series.label), class \(value)"))
          }
        } else {
          entries.append(LegendEntry(swatch: swatch, colourClass: colour, label: series.label))
        }
      }
    }
    if let regions = plot.regions, !classesNamed {
      for value in distinctSorted(regions.classes.joined().filter { $0 >= 0 }) {
        let colourIndex = ((value % classColours) + classColours) % classColours
        entries.append(
          LegendEntry(swatch: .square, colourClass: "class-\(colourIndex)", label: "class \(value)"))
      }
    }
    return entries
  }

  /// Legend entries packed into centred rows that fit the plot width.
  static func layoutLegend(_ entries: [LegendEntry]) -> [[LegendEntry]] {
    var rows: [[LegendEntry]] = []
    var current: [LegendEntry] = []
    var used = 0.0
    for entry in entries {
      if !current.isEmpty && used + entry.width > width - 40 {
        rows.append(current)
        current = []
        used = 0
      }
      current.append(entry)
      used += entry.width
    }
    if !current.isEmpty { rows.append(current) }
    return rows
  }

  /// The legend rows starting at `top`.
  static func legendMarkup(_ rows: [[LegendEntry]], top: Double) -> String {
    guard !rows.isEmpty else { return "" }
    var out = "<g class=\"legend\">\n"
    for (rowIndex, row) in rows.enumerated() {
      let y = top + Double(rowIndex) * 18 + 6
      var x = (width - row.reduce(0) { $0 + $1.width } + 16) / 2
      for entry in row {
        let colour = entry.colourClass
        switch entry.swatch {
        case .line:
          out +=
            "<line class=\"line \(colour)\" x1=\"\(n(x))\" x2=\"\(n(x + 16))\" y1=\"\(n(y))\" y2=\"\(n(y))\"/>"
        case .dashed:
          out +=
            "<line class=\"hline \(colour)\" x1=\"\(n(x))\" x2=\"\(n(x + 16))\" y1=\"\(n(y))\" y2=\"\(n(y))\"/>"
        case .dot, .ring:
          let ring = entry.swatch == .ring ? " ring" : ""
          out += "<circle class=\"dot\(ring) \(colour)\" cx=\"\(n(x + 8))\" cy=\"\(n(y))\" r=\"4\"/>"
        case .square:
          out +=
            "<rect class=\"swatch \(colour)\" x=\"\(n(x + 2))\" y=\"\(n(y - 6))\" width=\"12\" height=\"12\"/>"
        }
        out += "<text x=\"\(n(x + 22))\" y=\"\(n(y + 4))\">\(HTML.escape(entry.label))</text>\n"
        x += entry.width
      }
    }
    return out + "</g>\n"
  }
}
