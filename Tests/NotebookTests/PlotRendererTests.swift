import Foundation
import Testing

@testable import Notebook
@testable import OutputRendering
import NotebookRuntime

@Suite struct PlotRendererTests {
  func costPlot() -> Plot {
    var plot = Plot(title: "Cost", xLabel: "iteration", yLabel: "cost")
    plot.line(
      x: (0..<10).map(Double.init), y: [0.693, 0.6, 0.5, 0.45, 0.4, 0.35, 0.3, 0.26, 0.23, 0.218],
      label: "lr 1.2")
    return plot
  }

  @Test func svgIsAnAccessibleImageWithTitleAndDescription() {
    let svg = PlotRenderer.svg(costPlot(), id: "p1")
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" viewBox=\"0 0 640 400\""))
    #expect(svg.contains("role=\"img\" aria-labelledby=\"p1-title p1-desc\""))
    #expect(svg.contains("<title id=\"p1-title\">Cost</title>"))
    #expect(
      svg.contains(
        "<desc id=\"p1-desc\">Line plot of cost against iteration; line &#39;lr 1.2&#39; from 0.693 to 0.218 over 10 points</desc>"
      ))
    #expect(svg.hasSuffix("</svg>"))
  }

  @Test func nonNegativeScatterDataGetAxesThatStartAtZero() {
    var plot = Plot(title: "Counts", xLabel: "x", yLabel: "y")
    plot.scatter(x: [0, 1, 2, 3], y: [0, 10, 40, 90], label: "points")
    #expect(PlotRenderer.makeXAxis(plot, start: 0, end: 100).lower == 0)
    #expect(PlotRenderer.makeYAxis(plot, start: 100, end: 0).lower == 0)
    var signed = Plot(title: "Signed", xLabel: "x", yLabel: "y")
    signed.scatter(x: [0, 1], y: [-5, 5], label: "points")
    #expect(PlotRenderer.makeYAxis(signed, start: 100, end: 0).lower < -5)
  }

  @Test func constantZeroDataGetTheUnitRange() {
    var plot = Plot(title: "Zeros", xLabel: "x", yLabel: "y")
    plot.line(y: [0, 0, 0], label: "zeros")
    let axis = PlotRenderer.makeYAxis(plot, start: 100, end: 0)
    #expect(axis.lower == 0 && axis.upper == 1)
  }

  @Test func svgHasAxesTicksAndAxisLabels() {
    let svg = PlotRenderer.svg(costPlot(), id: "p")
    #expect(svg.contains("<g class=\"axis\">"))
    #expect(svg.contains(">iteration</text>"))
    #expect(svg.contains(">cost</text>"))
    for label in ["0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0", "2", "4", "6", "8", "10"] {
      #expect(svg.contains("class=\"tick\"") && svg.contains(">\(label)</text>"), "tick \(label)")
    }
    #expect(svg.contains("<path class=\"line series-0\" d=\"M"))
  }

  @Test func legendNamesEverySeries() {
    var plot = costPlot()
    plot.hline(y: 0.25, label: "goal")
    let svg = PlotRenderer.svg(plot, id: "p")
    #expect(svg.contains("<g class=\"legend\">"))
    #expect(svg.contains(">lr 1.2</text>"))
    #expect(svg.contains(">goal</text>"))
    #expect(svg.contains("<line class=\"hline series-1\""))
  }

  @Test func textFromTheChapterIsEscaped() {
    var plot = Plot(title: "<script>alert(1)</script>", xLabel: "a<b", yLabel: "\"y\"")
    plot.line(x: [0, 1], y: [0, 1], label: "<script>")
    plot.figureKey = "g:\"><script>"
    let svg = PlotRenderer.svg(plot, id: "x\"><script>")
    #expect(!svg.contains("<script>"))
    #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(svg.contains(">a&lt;b</text>"))
  }

  @Test func renderingIsDeterministic() {
    var plot = costPlot()
    plot.scatter(x: [0.5, 2.5], y: [0.3, 0.4], label: "p", classes: [1, 0])
    plot.regions(xs: [0, 5, 10], ys: [0.2, 0.7], classes: [[0, 1, 1], [1, 1, 0]])
    #expect(PlotRenderer.svg(plot, id: "a") == PlotRenderer.svg(plot, id: "a"))
  }

  @Test func coordinatesHaveAtMostTwoDecimals() throws {
    var plot = Plot(title: "t")
    plot.line(x: [0, 1.0 / 3, 2.0 / 3, 1], y: [0.1234567, 0.7654321, 0.333333, 0.9], label: "l")
    let svg = PlotRenderer.svg(plot, id: "p")
    let drawing = try #require(svg.components(separatedBy: "</desc>").last)
    #expect(drawing.range(of: #"\d\.\d{3}"#, options: .regularExpression) == nil)
  }

  @Test func nonFinitePointsBreakTheLine() throws {
    var plot = Plot(title: "t")
    plot.line(x: [0, 1, 2, 3, 4], y: [1, 2, .nan, 3, .infinity], label: "l")
    let svg = PlotRenderer.svg(plot, id: "p")
    let path = try #require(svg.components(separatedBy: "class=\"line series-0\" d=\"").dropFirst().first)
    let data = path.prefix(while: { $0 != "\"" })
    #expect(data.filter { $0 == "M" }.count == 2)
    #expect(data.filter { $0 == "L" }.count == 1)
    #expect(!svg.lowercased().contains("nan"))
    #expect(!svg.contains("inf\""))
  }

  @Test func constantAndEmptyPlotsStillHaveTicks() {
    var constant = Plot(title: "flat")
    constant.line(x: [1, 1], y: [2, 2], label: "c")
    let flat = PlotRenderer.svg(constant, id: "c")
    #expect(flat.contains("class=\"tick\""))
    #expect(!flat.lowercased().contains("nan"))
    let empty = PlotRenderer.svg(Plot(title: "nothing"), id: "e")
    #expect(empty.contains("class=\"tick\""))
    #expect(empty.contains("; no data</desc>"))
  }

  @Test func regionRowsMergeRunsOfEqualClasses() {
    var plot = Plot(title: "r")
    plot.regions(xs: [0, 1, 2, 3], ys: [0, 1, 2], classes: [[0, 0, 1, 1], [0, 1, 1, 1], [1, 1, 1, 1]])
    let svg = PlotRenderer.svg(plot, id: "r")
    #expect(svg.components(separatedBy: "<path class=\"region ").count - 1 == 2)
    #expect(regionRectangles(svg) == 5)
    #expect(svg.contains("regions of class 0 and 1 on a 4 by 3 grid"))
  }

  /// The rectangles in the region paths of `svg`.
  private func regionRectangles(_ svg: String) -> Int {
    svg.components(separatedBy: "<path class=\"region ").dropFirst().reduce(0) { total, path in
      total + path.prefix(while: { $0 != ">" }).filter { $0 == "z" }.count
    }
  }

  @Test func negativeRegionClassesLeaveTheirCellsEmpty() {
    var plot = Plot(title: "r")
    plot.regions(xs: [0, 1, 2], ys: [0, 1], classes: [[0, -1, 1], [-1, -1, 1]])
    let svg = PlotRenderer.svg(plot, id: "r")
    #expect(regionRectangles(svg) == 3)
    #expect(svg.contains("regions of class 0 and 1 on a 3 by 2 grid"))
    #expect(!svg.contains("class -1"))
  }

  @Test func scatterPointsTakeTheirClassColour() {
    var plot = Plot(title: "s")
    plot.scatter(x: [0, 1, 2], y: [0, 1, 2], label: "y", classes: [0, 1, 1])
    let svg = PlotRenderer.svg(plot, id: "s")
    let classOne = svg.components(separatedBy: "<g class=\"class-1\">\n").last ?? ""
    #expect(classOne.components(separatedBy: "</g>").first?.components(separatedBy: "<circle").count == 3)
    #expect(svg.contains(">y, class 0</text>"))
    #expect(svg.contains("scatter &#39;y&#39; with 3 points (1 of class 0, 2 of class 1)"))
  }

  @Test func hollowPointsAreRingsInThePlotAndTheLegend() {
    var plot = Plot(title: "s")
    plot.scatter(x: [0, 1], y: [0, 1], label: "train", classes: [0, 1])
    plot.scatter(x: [2, 3], y: [2, 3], label: "test", classes: [0, 1], hollow: true)
    let svg = PlotRenderer.svg(plot, id: "s")
    #expect(svg.contains("<g class=\"scatter series-0\">"))
    #expect(svg.contains("<g class=\"scatter series-1 hollow\">"))
    #expect(svg.components(separatedBy: "class=\"dot ring class-").count - 1 == 2)
    #expect(svg.components(separatedBy: "class=\"dot class-").count - 1 == 2)
  }

  @Test func logAxisHasDecadeTicksAndSkipsNonPositiveValues() {
    var plot = Plot(title: "log", yLabel: "cost")
    plot.logY = true
    plot.line(x: [0, 1, 2, 3], y: [0.5, 0.05, 0, 0.002], label: "l")
    let svg = PlotRenderer.svg(plot, id: "l")
    for label in ["0.001", "0.01", "0.1", "1"] { #expect(svg.contains(">\(label)</text>"), "tick \(label)") }
    #expect(svg.contains(">cost (log)</text>"))
    let path = svg.components(separatedBy: "class=\"line series-0\" d=\"").dropFirst().first ?? ""
    #expect(path.prefix(while: { $0 != "\"" }).filter { $0 == "M" }.count == 2)
  }

  @Test func fixedRangesAreKeptExactly() {
    var plot = Plot(title: "f")
    plot.line(x: [0, 10], y: [0, 10], label: "l")
    plot.xRange = 2...4
    plot.yRange = 0...1
    let svg = PlotRenderer.svg(plot, id: "f")
    #expect(svg.contains(">2</text>") && svg.contains(">4</text>") && !svg.contains(">10</text>"))
    #expect(svg.contains("clip-path=\"url(#f-clip)\""))
  }

  @Test func figureKeyBecomesADataAttribute() {
    var plot = costPlot()
    plot.figureKey = "runs:xor/tanh"
    #expect(PlotRenderer.svg(plot, id: "k").contains(" data-figure-key=\"runs:xor/tanh\""))
  }
}
