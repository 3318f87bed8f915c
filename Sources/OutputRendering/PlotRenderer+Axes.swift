import DeepLearning
import NotebookRuntime

/// A map from data values to pixels along one axis, with its tick marks.
struct PlotAxis {
  /// The visible data range (in data units, also for a log axis).
  var lower: Double
  var upper: Double
  /// Whether values map through log10.
  var isLog: Bool
  /// Pixel positions of `lower` and `upper` (for the y axis `start > end`).
  var start: Double
  var end: Double
  /// Tick values (data units) and their labels.
  var ticks: [(value: Double, label: String)]

  /// The pixel position of `value`, or nil for a value that cannot be placed (NaN, infinite,
  /// non-positive on a log axis).
  func position(_ value: Double) -> Double? {
    guard value.isFinite, !isLog || value > 0 else { return nil }
    let t: Double
    if isLog {
      t =
        (DeepLearning.log10(value) - DeepLearning.log10(lower))
        / (DeepLearning.log10(upper) - DeepLearning.log10(lower))
    } else {
      t = (value - lower) / (upper - lower)
    }
    return start + t * (end - start)
  }
}

extension PlotRenderer {
  /// Tick values at a "nice" step (1, 2 or 5 times a power of ten) inside `lower...upper`,
  /// at most about `maxCount` of them.
  ///
  /// `niceTicks(lower: 0, upper: 1, maxCount: 5)` is `[0, 0.2, 0.4, 0.6, 0.8, 1]`.
  public static func niceTicks(lower: Double, upper: Double, maxCount: Int = 6) -> [Double] {
    ticks(lower: lower, upper: upper, step: niceStep(lower: lower, upper: upper, maxCount: maxCount))
  }

  /// The multiples of `step` inside `lower...upper` (just `[lower]` for a degenerate step).
  static func ticks(lower: Double, upper: Double, step: Double) -> [Double] {
    guard step > 0, step.isFinite else { return [lower] }
    let first = (lower / step - 1e-9).rounded(.up)
    let last = (upper / step + 1e-9).rounded(.down)
    guard first <= last else { return [] }
    return stride(from: first, through: last, by: 1).map { cleanZero($0 * step) }
  }

  /// The 1-2-5 step that gives at most about `maxCount` intervals over `lower...upper`.
  public static func niceStep(lower: Double, upper: Double, maxCount: Int = 6) -> Double {
    let span = upper - lower
    guard span > 0, span.isFinite else { return 0 }
    let rough = span / Double(max(1, maxCount))
    let magnitude = DeepLearning.pow(10, (DeepLearning.log10(rough)).rounded(.down))
    let normalized = rough / magnitude
    let slack = 1 + 1e-9
    let factor: Double =
      normalized <= slack ? 1 : normalized <= 2 * slack ? 2 : normalized <= 5 * slack ? 5 : 10
    return factor * magnitude
  }

  /// A tick label for `value` on an axis with tick spacing `step`: as many decimals as the step
  /// needs, scientific notation for very large or very small values, `−` for minus.
  public static func tickLabel(_ value: Double, step: Double) -> String {
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude >= 1e6 || (step > 0 && step < 1e-4) || magnitude < 1e-5 {
      let exponent = DeepLearning.log10(magnitude).rounded(.down)
      let stepDigits = step > 0 ? max(0, Int((exponent - DeepLearning.log10(step)).rounded(.up))) : 2
      return SVGNumber.minus(SVGNumber.scientific(value, digits: min(stepDigits, 6)))
    }
    let decimals = step > 0 ? max(0, Int((-DeepLearning.log10(step) - 1e-9).rounded(.up))) : 2
    let text = SVGNumber.printf("%.\(min(decimals, 10))f", value)
    return SVGNumber.minus(SVGNumber.trimmed(text))
  }

  /// A linear axis over the data values: a given range is kept exactly; otherwise the data
  /// range (padded when constant) is widened to whole ticks unless `tight`.
  static func linearAxis(
    values: [Double], fixed: ClosedRange<Double>?, tight: Bool, start: Double, end: Double
  ) -> PlotAxis {
    var (lower, upper) = fixed.map { ($0.lowerBound, $0.upperBound) } ?? dataRange(values)
    if upper <= lower {
      // Constant data: 0...1 for zeros, otherwise 10% around the value (never crossing zero).
      let pad = abs(lower) * 0.1
      (lower, upper) = lower == 0 ? (0, 1) : (lower - pad, upper + pad)
    }
    let step = niceStep(lower: lower, upper: upper)
    if fixed == nil && !tight {
      lower = cleanZero((lower / step).rounded(.down) * step)
      upper = cleanZero((upper / step).rounded(.up) * step)
    }
    let ticks = ticks(lower: lower, upper: upper, step: step).map { (value: $0, label: tickLabel($0, step: step)) }
    return PlotAxis(lower: lower, upper: upper, isLog: false, start: start, end: end, ticks: ticks)
  }

  /// A log10 axis over the positive data values, widened to whole decades unless fixed.
  static func logAxis(values: [Double], fixed: ClosedRange<Double>?, start: Double, end: Double)
    -> PlotAxis
  {
    let positive = values.filter { $0 > 0 && $0.isFinite }
    var lower: Double
    var upper: Double
    if let fixed, fixed.lowerBound > 0 {
      (lower, upper) = (fixed.lowerBound, fixed.upperBound)
    } else {
      let (low, high) = positive.isEmpty ? (1, 10) : dataRange(positive)
      lower = DeepLearning.pow(10, DeepLearning.log10(low).rounded(.down))
      upper = DeepLearning.pow(10, DeepLearning.log10(high).rounded(.up))
    }
    if upper <= lower { upper = lower * 10 }
    let firstDecade = Int(DeepLearning.log10(lower).rounded(.down))
    let lastDecade = Int(DeepLearning.log10(upper).rounded(.up))
    let decades = lastDecade - firstDecade
    let every = max(1, Int((Double(decades) / 6).rounded(.up)))
    let multipliers: [Double] = decades <= 2 ? [1, 2, 5] : [1]
    var ticks: [(value: Double, label: String)] = []
    for decade in stride(from: firstDecade, through: lastDecade, by: every) {
      for multiplier in multipliers {
        let value = multiplier * DeepLearning.pow(10, Double(decade))
        guard value >= lower * (1 - 1e-9), value <= upper * (1 + 1e-9) else { continue }
        ticks.append((value, logTickLabel(value, decade: decade)))
      }
    }
    return PlotAxis(lower: lower, upper: upper, isLog: true, start: start, end: end, ticks: ticks)
  }

  private static func logTickLabel(_ value: Double, decade: Int) -> String {
    if decade >= -3 && decade <= 4 {
      return SVGNumber.trimmed(SVGNumber.printf("%.\(max(0, -decade))f", value))
    }
    return SVGNumber.minus(SVGNumber.scientific(value, digits: 0))
  }

  /// The smallest and largest finite values (0...1 when there are none).
  static func dataRange(_ values: [Double]) -> (Double, Double) {
    var lower = Double.infinity
    var upper = -Double.infinity
    for value in values where value.isFinite {
      lower = min(lower, value)
      upper = max(upper, value)
    }
    return lower <= upper ? (lower, upper) : (0, 1)
  }

  private static func cleanZero(_ value: Double) -> Double { value == 0 ? 0 : value }
}
