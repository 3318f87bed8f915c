import Testing

@testable import Notebook
@testable import OutputRendering

@Suite struct PlotTicksTests {
  func close(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }
  }

  @Test func unitIntervalUsesStepPointTwo() {
    #expect(close(PlotRenderer.niceTicks(lower: 0, upper: 1, maxCount: 5), [0, 0.2, 0.4, 0.6, 0.8, 1]))
  }

  @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
    #expect(PlotRenderer.niceStep(lower: 0, upper: 10, maxCount: 6) == 2)
    #expect(PlotRenderer.niceStep(lower: 0, upper: 2000, maxCount: 6) == 500)
    #expect(abs(PlotRenderer.niceStep(lower: 0.218, upper: 0.693, maxCount: 6) - 0.1) < 1e-15)
    #expect(PlotRenderer.niceStep(lower: 0, upper: 7, maxCount: 6) == 2)
    #expect(abs(PlotRenderer.niceStep(lower: 0, upper: 3e-5, maxCount: 6) - 5e-6) < 1e-20)
  }

  @Test func ticksStayInsideTheRange() {
    #expect(close(PlotRenderer.niceTicks(lower: 0.218, upper: 0.693), [0.3, 0.4, 0.5, 0.6]))
    #expect(close(PlotRenderer.niceTicks(lower: -3, upper: 7.5), [-2, 0, 2, 4, 6]))
  }

  @Test func ticksIncludeTheEndsWhenTheyAreMultiplesOfTheStep() {
    #expect(close(PlotRenderer.niceTicks(lower: 0, upper: 2000), [0, 500, 1000, 1500, 2000]))
  }

  @Test func degenerateRangesGiveOneTick() {
    #expect(PlotRenderer.niceTicks(lower: 3, upper: 3) == [3])
  }

  @Test(arguments: [
    (0.2, 0.2, "0.2"), (1500, 500, "1500"), (-0.5, 0.5, "−0.5"), (0, 0.1, "0"),
    (0.30000000000000004, 0.1, "0.3"), (2e-5, 1e-5, "2e-5"), (2.5e-5, 5e-6, "2.5e-5"),
    (3e6, 1e6, "3e6"), (2.5e6, 5e5, "2.5e6"), (10, 2, "10"), (0.05, 0.05, "0.05"),
  ])
  func tickLabelsAreCompact(value: Double, step: Double, expected: String) {
    #expect(PlotRenderer.tickLabel(value, step: step) == expected)
  }

  @Test func widenedAxisStartsAndEndsOnTicks() throws {
    for values in [[4e-8, 3.1e-7], [0.218, 0.693], [-3.0, 7.5], [1.0, 1.0]] {
      let axis = PlotRenderer.linearAxis(values: values, fixed: nil, tight: false, start: 0, end: 1)
      let first = try #require(axis.ticks.first?.value)
      let last = try #require(axis.ticks.last?.value)
      #expect(abs(first - axis.lower) <= 1e-12 * max(1, abs(first)), "\(values)")
      #expect(abs(last - axis.upper) <= 1e-12 * max(1, abs(last)), "\(values)")
    }
  }

  @Test func fixedRangeIsNotWidened() {
    let axis = PlotRenderer.linearAxis(values: [0, 10], fixed: 0.5...2.5, tight: false, start: 0, end: 1)
    #expect(axis.lower == 0.5 && axis.upper == 2.5)
    #expect(axis.ticks.map(\.label) == ["0.5", "1", "1.5", "2", "2.5"])
  }
}
