import DeepLearning
import Foundation
import Testing

/// The live playground of chapter 14 in headless Chromium: the built page, opened from
/// `file://` with a setting and `epochs=N` in its address, trains N epochs at load with the
/// site's WebAssembly module, and its two losses are compared bit for bit with the same setting
/// trained natively by `PlaygroundRun`.
///
/// Skipped where `chromium` is not installed, unless `COMPANION_REQUIRE_BROWSER=1`.
@Suite struct PlaygroundBrowserTests {
  /// A setting as the address gives it and as the library builds it.
  struct Setting: CustomStringConvertible {
    var hash: String
    var dataSet: PlaygroundDataSet
    var noise = 0
    var trainPercent = 50
    var seed: UInt32 = 1
    var epochs = 60
    var configuration: PlaygroundConfiguration
    var description: String { hash }

    /// The losses after `epochs` epochs of the native run.
    var nativeLosses: (train: Double, test: Double) {
      let data = PlaygroundData(
        dataSet, count: 500, noise: Double(noise) / 100, trainPercent: trainPercent, seed: seed)
      let run = PlaygroundRun(configuration, data: data, epochs: epochs, seed: seed)
      return (run.trainLoss[epochs], run.testLoss[epochs])
    }
  }

  /// Batch sizes that do not divide the training set (30, 7, 16, 3, 25 of 250, 150 or 50
  /// points), L1, L2, ReLU, sigmoid, linear, feature crosses and sines, noise, other seeds.
  static let settings: [Setting] = [
    Setting(
      hash: "dataset=circle&batchSize=30", dataSet: .circle,
      configuration: PlaygroundConfiguration(batchSize: 30)),
    Setting(
      hash: "dataset=xor&x=false&y=false&xTimesY=true&networkShape=&regularization=L1"
        + "&regularizationRate=0.003&batchSize=7&learningRate=0.1", dataSet: .xor,
      configuration: PlaygroundConfiguration(
        features: [.x1x2], hiddenLayers: [], learningRate: 0.1,
        regularization: .l1, regularizationRate: 0.003, batchSize: 7)),
    Setting(
      hash: "dataset=spiral&activation=relu&networkShape=8,8&learningRate=0.1&batchSize=7&seed=3",
      dataSet: .spiral, seed: 3,
      configuration: PlaygroundConfiguration(
        hiddenLayers: [8, 8], activation: .relu, learningRate: 0.1,
        batchSize: 7)),
    Setting(
      hash: "dataset=gauss&noise=25&percTrainData=30&regularization=L2&regularizationRate=0.03"
        + "&batchSize=16", dataSet: .gauss, noise: 25, trainPercent: 30,
      configuration: PlaygroundConfiguration(regularization: .l2, regularizationRate: 0.03, batchSize: 16)),
    Setting(
      hash: "dataset=circle&xSquared=true&ySquared=true&xTimesY=true&networkShape=3"
        + "&activation=sigmoid&learningRate=0.3&batchSize=25&seed=42", dataSet: .circle, seed: 42,
      configuration: PlaygroundConfiguration(
        features: [.x1, .x2, .x1Squared, .x2Squared, .x1x2],
        hiddenLayers: [3], activation: .sigmoid, learningRate: 0.3, batchSize: 25)),
    Setting(
      hash: "dataset=flower&noise=50&percTrainData=10&sinX=true&sinY=true&networkShape=6,4"
        + "&activation=linear&learningRate=0.01&regularization=L1&regularizationRate=0.01&batchSize=3",
      dataSet: .flower, noise: 50, trainPercent: 10,
      configuration: PlaygroundConfiguration(
        features: [.x1, .x2, .sinX1, .sinX2], hiddenLayers: [6, 4],
        activation: .linear, learningRate: 0.01, regularization: .l1, regularizationRate: 0.01,
        batchSize: 3)),
    Setting(
      hash: "dataset=xor&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true"
        + "&sinY=true&networkShape=8,8,8&batchSize=1", dataSet: .xor, epochs: 20,
      configuration: PlaygroundConfiguration(
        features: PlaygroundFeature.allCases, hiddenLayers: [8, 8, 8],
        batchSize: 1)),
  ]

  /// The site both tests open, built once (it stays in the temporary folder).
  static let built = Result { try PlaygroundPage.build() }

  @Test(.enabled(if: BrowserTests.chromium != nil, "chromium is not installed (apt-get install -y chromium)"))
  func theLivePlaygroundTrainsAsTheNativeLibraryDoesBitForBit() throws {
    let folder = try Self.built.get()
    let page = folder.appendingPathComponent("site/14-playground.html")
    let urls = Self.settings.map { page.absoluteString + "#" + $0.hash + "&epochs=\($0.epochs)" }
    let pages = PlaygroundPage.loadTrained(urls, scratch: folder)
    for (setting, loaded) in zip(Self.settings, pages) {
      #expect(loaded.consoleMessages.isEmpty, "\(setting): \(loaded.consoleMessages)")
      let native = setting.nativeLosses
      let train = loaded.dataValue(of: "train-loss")
      let test = loaded.dataValue(of: "test-loss")
      #expect(
        train.flatMap(Double.init)?.bitPattern == native.train.bitPattern,
        "\(setting): training loss in the browser \(train ?? "missing"), natively \(native.train)")
      #expect(
        test.flatMap(Double.init)?.bitPattern == native.test.bitPattern,
        "\(setting): test loss in the browser \(test ?? "missing"), natively \(native.test)")
      #expect(!loaded.dom.contains("class=\"pg-notes\">Not"), "\(setting): the page did not take a key")
    }
  }

  @Test(.enabled(if: BrowserTests.chromium != nil, "chromium is not installed (apt-get install -y chromium)"))
  func keysThePageDoesNotUseAreNamedOnIt() throws {
    let folder = try Self.built.get()
    let page = folder.appendingPathComponent("site/14-playground.html")
    let url = page.absoluteString + "#dataset=circle&cosX=true&problem=regression&seed=0.12345&epochs=1"
    let loaded = try #require(
      PlaygroundPage.loadTrained([url], scratch: folder.appendingPathComponent("notes")).first)
    #expect(loaded.consoleMessages.isEmpty, "\(loaded.consoleMessages)")
    let notes = try #require(
      loaded.element(startingWith: "<p class=\"pg-notes\""),
      "no notes on the page (\(loaded.dom.count) characters of DOM)")
    for key in ["cosX=true", "problem=regression", "seed=0.12345"] {
      #expect(notes.contains(key), "\(key) is not named: \(notes)")
    }
  }
}

/// Chapter 14 built into a fresh folder, with the site's WebAssembly module.
enum PlaygroundPage {
  /// Builds `site/14-playground.html` (and `site/assets/library-wasm.js`) under a new temporary
  /// folder with `companion build` and returns the folder.
  static func build() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("companion-playground-\(UUID().uuidString)")
    let chapters = folder.appendingPathComponent("chapters")
    try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: CompanionRunner.packageRoot.appendingPathComponent("chapters/14-playground.md"),
      to: chapters.appendingPathComponent("14-playground.md"))
    let build = try CompanionRunner.run(["build"], in: folder)
    guard build.status == 0 else { throw PageError("companion build failed:\n\(build.all)") }
    return folder
  }

  /// The pages after the playground showed its losses. The module is compiled asynchronously,
  /// outside the browser's virtual time, so on a busy machine the DOM can be dumped before the
  /// playground exists; such a page (and only such a page: no loss is ever retried) is loaded
  /// again, at most twice.
  static func loadTrained(_ urls: [String], scratch: URL) -> [BrowserPage] {
    var pages = BrowserPage.load(urls, chromium: BrowserTests.chromium!, scratch: scratch)
    for attempt in 1...2 {
      for index in pages.indices where pages[index].dataValue(of: "train-loss") == nil {
        let profile = scratch.appendingPathComponent("retry-\(attempt)-\(index)")
        pages[index] = BrowserPage.load(urls[index], chromium: BrowserTests.chromium!, profile: profile)
      }
    }
    return pages
  }
}

struct PageError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

extension BrowserPage {
  /// The `data-value` attribute of the element with id `id`.
  func dataValue(of id: String) -> String? {
    guard let start = dom.range(of: "id=\"\(id)\""),
      let tagEnd = dom[start.upperBound...].firstIndex(of: ">"),
      let value = dom[start.upperBound..<tagEnd].range(of: "data-value=\"")
    else { return nil }
    return String(dom[value.upperBound...].prefix { $0 != "\"" })
  }
}
