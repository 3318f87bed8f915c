import Testing

@testable import Notebook

@Test func theLiveLineNamesEachRunningChapterWithItsSeconds() {
  #expect(
    LiveStatus.text([("05-broadcasting", 0), ("11-planar-flower", 5.5)], now: 12.4)
      == "running 05-broadcasting 12 s, 11-planar-flower 6 s")
}

@Test func aStatusThatIsOffPrintsLinesAsTheyCome() {
  var printed = false
  LiveStatus(enabled: false).printing { printed = true }
  #expect(printed)
}
