import Foundation

/// The site's own stylesheet and scripts, kept as plain files in `Sources/Notebook/Assets/` (a
/// SwiftPM resource folder) so they are edited as CSS and JavaScript.
///
/// - `style.css`: the stylesheet (its opening comment lists the class vocabulary of the pages);
/// - `site.js`: highlighting, math, figure selectors, navigation;
/// - `search.js`: the search box over `assets/search-index.js`;
/// - `wasm.js`: loads the site's WebAssembly module (`assets/library-wasm.js`) when a page asks;
/// - `live.js`: reruns live cells in the browser when their controls move;
/// - `playground.js`: the live playground of the page that holds `<div id="playground">`.
enum SiteResources {
  /// The file names, in the order the site writes them.
  static let names = ["style.css", "site.js", "search.js", "wasm.js", "live.js", "playground.js"]

  /// The bytes of the resource `name`, exactly as in the package.
  static func data(_ name: String) throws -> Data {
    let resource = (name as NSString).deletingPathExtension
    let type = (name as NSString).pathExtension
    guard let url = Bundle.module.url(forResource: resource, withExtension: type, subdirectory: "Assets"),
      let data = FileManager.default.contents(atPath: url.path)
    else {
      throw EngineError("the package's site asset Assets/\(name) is missing from the build")
    }
    return data
  }

  /// The text of the resource `name` (empty when it is missing; `data` reports that).
  static func text(_ name: String) -> String {
    (try? data(name)).map { String(decoding: $0, as: UTF8.self) } ?? ""
  }
}
