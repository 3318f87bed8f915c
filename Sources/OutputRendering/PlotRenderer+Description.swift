import NotebookRuntime

/// The text alternative of a plot.
extension PlotRenderer {
  /// A sentence describing what the plot shows, e.g. "Line plot of cost against iteration;
  /// line 'lr 1.2' from 0.6931 to 0.2184 over 10 points".
  public static func describe(_ plot: Plot) -> String {
    let lines = plot.series.contains { $0.kind == .line }
    let scatters = plot.series.contains { $0.kind == .scatter }
    let noun: String
    if plot.regions != nil {
      noun = "Decision-region plot"
    } else if lines && !scatters {
      noun = "Line plot"
    } else if scatters && !lines {
      noun = "Scatter plot"
    } else {
      noun = "Plot"
    }
    var text = "\(noun) of \(plot.yLabel) against \(plot.xLabel)"
    if plot.logY { text += " (logarithmic \(plot.yLabel) axis)" }
    var parts: [String] = []
    if let regions = plot.regions {
      let classes = distinctSorted(regions.classes.joined().filter { $0 >= 0 }).map(String.init)
      parts.append(
        "regions of class \(listed(classes)) on a \(regions.xs.count) by \(regions.ys.count) grid")
    }
    for series in plot.series { parts.append(describe(series)) }
    if parts.isEmpty { parts.append("no data") }
    return text + "; " + parts.joined(separator: "; ")
  }

  private static func describe(_ series: Plot.Series) -> String {
    let label = "'\(series.label)'"
    switch series.kind {
    case .hline:
      return "horizontal line \(label) at \(SVGNumber.compact(series.y.first ?? .nan))"
    case .line:
      let finite = zip(series.x, series.y).filter { $0.0.isFinite && $0.1.isFinite }
      guard let first = finite.first, let last = finite.last else {
        return "line \(label) with no finite points"
      }
      let (low, high) = dataRange(finite.map { $0.1 })
      var text = "line \(label) from \(SVGNumber.compact(first.1)) to \(SVGNumber.compact(last.1))"
      text += " over \(finite.count) points"
      if finite.count > 2 && (low < min(first.1, last.1) || high > max(first.1, last.1)) {
        text += " (range \(SVGNumber.compact(low)) to \(SVGNumber.compact(high)))"
      }
      return text
    case .scatter:
      var text = "scatter \(label) with \(series.x.count) points"
      if let classes = series.classes {
        let counts = distinctSorted(classes).map { value in
          "\(classes.lazy.filter { $0 == value }.count) of class \(value)"
        }
        text += " (\(counts.joined(separator: ", ")))"
      }
      return text
    }
  }

  private static func listed(_ items: [String]) -> String {
    switch items.count {
    case 0: return "none"
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
  }
}
