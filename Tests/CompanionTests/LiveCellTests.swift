import Foundation
import Testing

/// Live cells end to end: the build runs them with their defaults, draws their controls, and
/// compiles them into the site's WebAssembly module; a live cell the browser build cannot
/// compile is an error at its chapter line. (That the browser's outputs are the build's bytes
/// is `BrowserTests`' job.)
@Suite struct LiveCellTests {
  @Test func aLiveCellIsCheckedDrawsItsControlsAndShipsInTheModule() throws {
    let folder = try CompanionRunner.workspace(with: ["18-live-controls.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["build"], in: folder)
    #expect(outcome.status == 0, "\(outcome.all)")
    let page = try String(contentsOf: folder.appendingPathComponent("site/18-live-controls.html"), encoding: .utf8)
    #expect(page.contains("<form class=\"live-controls\" data-live=\"live_18_live_controls_0\" data-cell=\"0\" hidden>"))
    #expect(page.contains("type=\"range\" name=\"c0\" data-kind=\"slider\" min=\"1\" max=\"4\" step=\"1\" value=\"2.0\""))
    #expect(page.contains("<option value=\"0\" selected>ones</option><option value=\"1\">twos</option>"))
    #expect(page.contains("<input type=\"checkbox\" name=\"c2\" data-kind=\"checkbox\" checked>"))
    #expect(page.contains("<div class=\"live-output\" id=\"live-output-0\"><pre class=\"output\">[[1. 1.]"))
    let module = try Data(contentsOf: folder.appendingPathComponent("site/assets/library-wasm.js"))
    let text = String(decoding: module, as: UTF8.self)
    #expect(text.hasPrefix("window.companionWasmBase64 = \"AGFzbQ"), "not a WebAssembly module in base64")
  }

  @Test func aLiveCellTheBrowserBuildCannotCompileIsAnErrorAtItsLine() throws {
    let folder = try CompanionRunner.workspace(with: ["17-live-not-for-browser.md"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CompanionRunner.run(["check"], in: folder)
    #expect(outcome.status == 1, "\(outcome.all)")
    #expect(
      outcome.stderr.contains(
        "chapters/17-live-not-for-browser.md:5:13: error: in the browser build of this live cell: "
          + "cannot find 'Stopwatch' in scope"), "\(outcome.all)")
  }

  @Test func aLiveCellCannotAlsoTrap() throws {
    let folder = try CompanionRunner.workspace(with: [])
    defer { try? FileManager.default.removeItem(at: folder) }
    let chapter = "# x\n\n```swift live traps\nprint(1)\n```\n"
    try Data(chapter.utf8).write(to: folder.appendingPathComponent("chapters/01-x.md"))
    let outcome = try CompanionRunner.run(["check"], in: folder)
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("chapters/01-x.md:3: error: a live cell reruns in the reader's browser"), "\(outcome.all)")
  }
}
