import NotebookRuntime

/// Renders a `Plot` as a self-contained inline `<svg>` element.
///
/// The output has a fixed `viewBox` (640×400), axes with 1-2-5 ticks, axis labels, a title, a
/// legend, and a `<title>`/`<desc>` text alternative. Colours come from CSS classes
/// (`series-N`, `class-N`) defined in the site stylesheet, so light and dark themes both work.
/// The same plot and id always give the same bytes; coordinates carry at most two decimals.
public enum PlotRenderer {
  /// Width of the SVG coordinate system.
  static let width = 640.0
  /// Height of the SVG coordinate system.
  static let height = 400.0
  /// Number of series colours defined in the stylesheet (`series-0` ... `series-7`).
  static let seriesColours = 8
  /// Number of class colours defined in the stylesheet (`class-0` ... `class-3`).
  static let classColours = 4

  /// The plot as an `<svg>` element; `id` prefixes the element ids (unique per page).
  public static func svg(_ plot: Plot, id: String) -> String {
    let id = HTML.escape(id)
    let legend = legendEntries(plot)
    let legendRows = layoutLegend(legend)
    let top = 36 + Double(legendRows.count) * 18 + (legendRows.isEmpty ? 0 : 6)
    let bottom = height - 46
    let yAxis = makeYAxis(plot, start: bottom, end: top)
    let widestTick = yAxis.ticks.map { $0.label.count }.max() ?? 1
    let left = max(52, 30 + Double(widestTick) * 7)
    let right = width - 18
    let xAxis = makeXAxis(plot, start: left, end: right)
    let area = PlotArea(left: left, right: right, top: top, bottom: bottom, x: xAxis, y: yAxis)

    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" viewBox=\"0 0 640 400\""
    out += " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""
    if let key = plot.figureKey { out += " data-figure-key=\"\(HTML.escape(key))\"" }
    out += " font-family=\"sans-serif\" font-size=\"12\">\n"
    out += "<title id=\"\(id)-title\">\(HTML.escape(plot.title))</title>\n"
    out += "<desc id=\"\(id)-desc\">\(HTML.escape(describe(plot)))</desc>\n"
    out += "<rect class=\"plot-background\" x=\"\(n(left))\" y=\"\(n(top))\""
    out += " width=\"\(n(right - left))\" height=\"\(n(bottom - top))\"/>\n"
    // Data outside the plot area exists only when a range is fixed; only then is it clipped.
    let clipped = plot.xRange != nil || plot.yRange != nil
    if clipped {
      out += "<defs><clipPath id=\"\(id)-clip\"><rect x=\"\(n(left))\" y=\"\(n(top))\""
      out += " width=\"\(n(right - left))\" height=\"\(n(bottom - top))\"/></clipPath></defs>\n"
    }
    out += clipped ? "<g clip-path=\"url(#\(id)-clip)\">\n" : "<g>\n"
    if let regions = plot.regions { out += regionPaths(regions, area) }
    out += gridLines(area)
    for (index, series) in plot.series.enumerated() { out += mark(series, index: index, area) }
    out += "</g>\n"
    out += axes(area, plot)
    out += "<text class=\"plot-title\" x=\"\(n(width / 2))\" y=\"22\" text-anchor=\"middle\">"
    out += "\(HTML.escape(plot.title))</text>\n"
    out += legendMarkup(legendRows, top: 36)
    out += "</svg>"
    return out
  }

  /// The plot area in pixels with its two axes.
  struct PlotArea {
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double
    var x: PlotAxis
    var y: PlotAxis
  }

  /// A coordinate formatted for SVG.
  static func n(_ value: Double) -> String { SVGNumber.coordinate(value) }

  static func makeXAxis(_ plot: Plot, start: Double, end: Double) -> PlotAxis {
    var values = plot.series.filter { $0.kind != .hline }.flatMap { $0.x }
    values += scatterPadding(plot, { $0.x })
    var tight = false
    if let regions = plot.regions, let first = regions.xs.first, let last = regions.xs.last {
      let edges = cellEdges(regions.xs)
      values += [edges.first ?? first, edges.last ?? last]
      tight = true
    }
    return linearAxis(values: values, fixed: plot.xRange, tight: tight, start: start, end: end)
  }

  static func makeYAxis(_ plot: Plot, start: Double, end: Double) -> PlotAxis {
    var values = plot.series.flatMap { $0.y }
    if !plot.logY { values += scatterPadding(plot, { $0.y }) }
    var tight = false
    if let regions = plot.regions, let first = regions.ys.first, let last = regions.ys.last {
      let edges = cellEdges(regions.ys)
      values += [edges.first ?? first, edges.last ?? last]
      tight = true
    }
    if plot.logY { return logAxis(values: values, fixed: plot.yRange, start: start, end: end) }
    return linearAxis(values: values, fixed: plot.yRange, tight: tight, start: start, end: end)
  }

  /// Two extra values 4% beyond the data range when the plot has scatter points (and no
  /// regions), so that dots on the extremes are not drawn on the axes. The padding never
  /// crosses zero: non-negative data keep an axis that starts at zero (non-positive data one
  /// that ends there).
  private static func scatterPadding(_ plot: Plot, _ coordinate: (Plot.Series) -> [Double])
    -> [Double]
  {
    guard plot.regions == nil, plot.series.contains(where: { $0.kind == .scatter }) else {
      return []
    }
    let values = plot.series.filter { $0.kind != .hline }.flatMap(coordinate)
    let (lower, upper) = dataRange(values)
    let pad = (upper - lower) * 0.04
    guard pad > 0 else { return [] }
    return [lower >= 0 ? max(0, lower - pad) : lower - pad, upper <= 0 ? min(0, upper + pad) : upper + pad]
  }

  /// The boundaries between grid cells centred on `centres` (midpoints, extended by half a
  /// spacing at both ends); `centres.count + 1` values.
  static func cellEdges(_ centres: [Double]) -> [Double] {
    guard centres.count > 1 else {
      return centres.isEmpty ? [] : [centres[0] - 0.5, centres[0] + 0.5]
    }
    var edges = [centres[0] - (centres[1] - centres[0]) / 2]
    for index in 1..<centres.count { edges.append((centres[index - 1] + centres[index]) / 2) }
    let last = centres.count - 1
    edges.append(centres[last] + (centres[last] - centres[last - 1]) / 2)
    return edges
  }

  /// Decision regions as one path per class colour, a rectangle for each run of equal classes
  /// in a grid row; cells of a negative class are left empty.
  private static func regionPaths(_ regions: Plot.Regions, _ area: PlotArea) -> String {
    let xEdges = cellEdges(regions.xs).map { area.x.position($0) }
    let yEdges = cellEdges(regions.ys).map { area.y.position($0) }
    var paths = [String](repeating: "", count: classColours)
    for (row, classes) in regions.classes.enumerated() {
      guard let y0 = yEdges[row], let y1 = yEdges[row + 1] else { continue }
      let top = rounded(min(y0, y1))
      let height = n(rounded(max(y0, y1)) - top)
      var column = 0
      while column < classes.count {
        var end = column + 1
        while end < classes.count && classes[end] == classes[column] { end += 1 }
        if classes[column] >= 0, let x0 = xEdges[column], let x1 = xEdges[end] {
          let left = rounded(min(x0, x1))
          let width = n(rounded(max(x0, x1)) - left)
          paths[classes[column] % classColours] +=
            "M\(n(left)) \(n(top))h\(width)v\(height)h-\(width)z"
        }
        column = end
      }
    }
    var out = "<g class=\"regions\" shape-rendering=\"crispEdges\">\n"
    for (colour, path) in paths.enumerated() where !path.isEmpty {
      out += "<path class=\"region class-\(colour)\" d=\"\(path)\"/>\n"
    }
    return out + "</g>\n"
  }

  /// The drawing of one series: a path, dots or a horizontal line.
  private static func mark(_ series: Plot.Series, index: Int, _ area: PlotArea) -> String {
    let colour = "series-\(index % seriesColours)"
    switch series.kind {
    case .line:
      let path = linePath(series, area)
      guard !path.isEmpty else { return "" }
      return "<path class=\"line \(colour)\" d=\"\(path)\"/>\n"
    case .scatter:
      func circle(_ x: Double, _ y: Double) -> String {
        guard let px = area.x.position(x), let py = area.y.position(y) else { return "" }
        return "<circle cx=\"\(n(px))\" cy=\"\(n(py))\" r=\"3.5\"/>\n"
      }
      var out = "<g class=\"scatter \(colour)\(series.hollow == true ? " hollow" : "")\">\n"
      guard let classes = series.classes else {
        return out + zip(series.x, series.y).map(circle).joined() + "</g>\n"
      }
      // Points coloured by class are grouped by class; each group carries the colour.
      let colours = classes.map { (($0 % classColours) + classColours) % classColours }
      for colourIndex in distinctSorted(colours) {
        out += "<g class=\"class-\(colourIndex)\">\n"
        for index in colours.indices where colours[index] == colourIndex {
          out += circle(series.x[index], series.y[index])
        }
        out += "</g>\n"
      }
      return out + "</g>\n"
    case .hline:
      guard let value = series.y.first, let py = area.y.position(value) else { return "" }
      return "<line class=\"hline \(colour)\" x1=\"\(n(area.left))\" x2=\"\(n(area.right))\""
        + " y1=\"\(n(py))\" y2=\"\(n(py))\"/>\n"
    }
  }

  /// Path data through the placeable points; a NaN or infinite value breaks the line, and a
  /// point less than half a pixel from the previous one is dropped.
  private static func linePath(_ series: Plot.Series, _ area: PlotArea) -> String {
    var path = ""
    var penDown = false
    var last: (Double, Double)?
    let count = min(series.x.count, series.y.count)
    for index in 0..<count {
      guard let px = area.x.position(series.x[index]), let py = area.y.position(series.y[index])
      else {
        penDown = false
        continue
      }
      if penDown, let (lx, ly) = last, abs(px - lx) < 0.5, abs(py - ly) < 0.5, index < count - 1 {
        continue
      }
      path += (penDown ? "L" : "M") + n(px) + "," + n(py)
      penDown = true
      last = (px, py)
    }
    return path
  }

  private static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

  /// The distinct values in increasing order: `Set(values).sorted()` without hashing or sorting
  /// (which the browser build then does not link), for the few classes of a plot.
  static func distinctSorted(_ values: [Int]) -> [Int] {
    var distinct: [Int] = []
    for value in values {
      var position = distinct.count
      while position > 0 && distinct[position - 1] > value { position -= 1 }
      if position == 0 || distinct[position - 1] != value { distinct.insert(value, at: position) }
    }
    return distinct
  }
}
