/// A 2-D plot (lines, scatter points, horizontal reference lines and decision regions) that a
/// chapter shows with `show(_:)` and the site renders as inline SVG.
///
/// ```swift
/// var plot = Plot(title: "Cost", xLabel: "iteration", yLabel: "cost")
/// plot.line(x: iterations, y: costs, label: "lr 0.01")
/// show(plot)
/// ```
public struct Plot: Sendable, Equatable {
  /// What kind of mark a series draws.
  public enum SeriesKind: String, Sendable {
    /// A polyline through the points in order.
    case line
    /// One dot per point, coloured by series or by class.
    case scatter
    /// A horizontal line across the whole plot at `y[0]`.
    case hline
  }

  /// One labelled series of points.
  public struct Series: Sendable, Equatable {
    /// The mark drawn.
    public var kind: SeriesKind
    /// The legend label.
    public var label: String
    /// The x coordinates (empty for `hline`).
    public var x: [Double]
    /// The y coordinates (one value for `hline`).
    public var y: [Double]
    /// Per-point class labels (0, 1, ...) for scatter points coloured by class.
    public var classes: [Int]?
    /// Whether scatter points are drawn as rings instead of dots (test points beside training
    /// points, say).
    public var hollow: Bool?
  }

  /// A decision-region grid: `classes[j][i]` is the class at `(xs[i], ys[j])`; a negative class
  /// leaves its cell empty (so one grid can hold several pictures with gaps between them).
  public struct Regions: Sendable, Equatable {
    /// Grid x coordinates, increasing.
    public var xs: [Double]
    /// Grid y coordinates, increasing.
    public var ys: [Double]
    /// Class per grid point, row `j` for `ys[j]`, column `i` for `xs[i]`.
    public var classes: [[Int]]
  }

  /// The plot title.
  public var title: String
  /// The horizontal axis label.
  public var xLabel: String
  /// The vertical axis label.
  public var yLabel: String
  /// The series in drawing order.
  public var series: [Series] = []
  /// The decision regions drawn beneath every series, if any.
  public var regions: Regions?
  /// Whether the y axis is logarithmic (non-positive values are skipped).
  public var logY: Bool = false
  /// A fixed x range; by default the range covers the data.
  public var xRange: ClosedRange<Double>?
  /// A fixed y range; by default the range covers the data.
  public var yRange: ClosedRange<Double>?
  /// An optional key, `"group:choice"`, for pages that switch between precomputed figures: a
  /// selector `<form data-figure-group="group">` on the page shows only the plots whose choice
  /// matches its `<select>` values joined by `/` (all plots show when JavaScript is off).
  public var figureKey: String?

  /// Creates an empty plot with a title and axis labels.
  public init(title: String, xLabel: String = "x", yLabel: String = "y") {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
  }

  /// Adds a line through the points `(x[i], y[i])`.
  ///
  /// - Precondition: `x.count == y.count`.
  public mutating func line(x: [Double], y: [Double], label: String) {
    Plot.checkLengths(x.count, y.count, label)
    series.append(Series(kind: .line, label: label, x: x, y: y, classes: nil, hollow: nil))
  }

  /// Adds a line through `(i, y[i])` for `i = 0, 1, ...`.
  public mutating func line(y: [Double], label: String) {
    line(x: y.indices.map(Double.init), y: y, label: label)
  }

  /// Adds scatter points, coloured by `classes[i]` when given, else by series; `hollow` draws
  /// them as rings.
  ///
  /// - Precondition: `x.count == y.count`, and `classes` (if any) has the same count.
  public mutating func scatter(
    x: [Double], y: [Double], label: String, classes: [Int]? = nil, hollow: Bool = false
  ) {
    Plot.checkLengths(x.count, y.count, label)
    if let classes, classes.count != x.count {
      fatalError("Plot.scatter '\(label)': \(classes.count) classes for \(x.count) points")
    }
    series.append(
      Series(kind: .scatter, label: label, x: x, y: y, classes: classes, hollow: hollow ? true : nil))
  }

  /// Adds a horizontal reference line at `y`.
  public mutating func hline(y: Double, label: String) {
    series.append(Series(kind: .hline, label: label, x: [], y: [y], classes: nil, hollow: nil))
  }

  /// Sets the decision regions: `classes[j][i]` is the class at `(xs[i], ys[j])`; cells of a
  /// negative class stay empty.
  ///
  /// - Precondition: `classes.count == ys.count` and every row has `xs.count` entries.
  public mutating func regions(xs: [Double], ys: [Double], classes: [[Int]]) {
    guard classes.count == ys.count, classes.allSatisfy({ $0.count == xs.count }) else {
      fatalError(
        "Plot.regions: classes must be \(ys.count) rows of \(xs.count) (ys.count x xs.count), "
          + "got \(classes.count) rows of \(classes.map { $0.count }.max() ?? 0)")
    }
    regions = Regions(xs: xs, ys: ys, classes: classes)
  }

  private static func checkLengths(_ xCount: Int, _ yCount: Int, _ label: String) {
    if xCount != yCount {
      fatalError("Plot series '\(label)': x has \(xCount) values but y has \(yCount)")
    }
  }
}

extension Plot {
  /// A one-line description for the terminal, e.g. `[plot] Cost: line 'lr 0.01' (10 points)`.
  public var summary: String {
    var parts = series.map { series -> String in
      switch series.kind {
      case .hline: return "hline '\(series.label)' at \(series.y.first ?? .nan)"
      case .line, .scatter: return "\(series.kind.rawValue) '\(series.label)' (\(series.x.count) points)"
      }
    }
    if let regions { parts.insert("regions \(regions.xs.count)x\(regions.ys.count)", at: 0) }
    return "[plot] \(title): " + (parts.isEmpty ? "empty" : parts.joined(separator: ", "))
  }
}

#if !hasFeature(Embedded)
  extension Plot: Codable {}
  extension Plot.SeriesKind: Codable {}
  extension Plot.Series: Codable {}
  extension Plot.Regions: Codable {}
#endif
