import Foundation

/// The site's WebAssembly module, built from the same sources as the native library with the
/// toolchain the project already uses (Embedded Swift for `wasm32-unknown-none-wasm`, the
/// toolchain's own `clang` and `wasm-ld`; nothing is downloaded):
///
/// 1. `DeepLearning`, `NotebookRuntime` and `OutputRendering` as Embedded modules, once per
///    change of their sources (`library-<key>/`);
/// 2. each chapter's live cells as a module of their own (`LiveCellSource`), once per change of
///    those cells; its compile errors are the chapter's, at the Markdown line;
/// 3. `Sources/BrowserRuntime` (the C runtime and the playground's exports);
/// 4. linked into one module with no imports (the Swift objects are LLVM bitcode, optimized
///    together at the link), written as `assets/library-wasm.js`.
///
/// Everything lives under `<support folder>/browser/`, keyed by content like the support
/// library, and `--no-cache` does not clear it (it is a build product, not a run).
struct BrowserBuild: Sendable {
  let toolchain: Toolchain

  /// Where the objects and modules are kept.
  var directory: URL { toolchain.supportDirectory.appendingPathComponent("browser") }

  /// The modules compiled for the browser, in dependency order.
  static let libraryModules = ["DeepLearning", "NotebookRuntime", "OutputRendering"]

  /// The flags of every Swift compile for the browser (library, cells, runtime). The module travels with every page, so it
  /// is optimized for size: LLVM inlines only what the source marks `@inline(__always)` and
  /// outlines repeated instruction sequences into functions (`-ir-outliner`, the standard
  /// library's copies included), and the objects are LLVM bitcode that the link optimizes as one
  /// program (`linkFlags`). The arithmetic uses WebAssembly's 128-bit SIMD, with the elementary
  /// functions' vectors eight doubles wide (`WIDE_VECTORS`: four pairs of lanes give V8 the most
  /// independent work per call; every lane computes the same bits at any width); the hot loops
  /// mark what they inline, so the playground trains at full speed (see
  /// Tests/Benchmarks/playground-bench.sh).
  static let swiftFlags = [
    "-target", "wasm32-unknown-none-wasm", "-enable-experimental-feature", "Embedded",
    "-enable-experimental-feature", "Extern", "-wmo", "-parse-as-library", "-Xfrontend",
    "-disable-stack-protector", "-diagnostic-style=llvm", "-Osize", "-Xllvm", "-inline-threshold=0",
    "-Xllvm", "-ir-outliner", "-Xllvm", "-enable-linkonceodr-ir-outlining", "-lto=llvm-full",
    "-Xcc", "-msimd128", "-D", "WIDE_VECTORS",
  ]

  /// The flags of the C runtime's compile (`Sources/BrowserRuntime/runtime.c`).
  static let runtimeCFlags = ["--target=wasm32", "-msimd128", "-nostdlib", "-O2"]

  /// The flags of the link: link-time optimization of the whole module (what no export reaches
  /// goes, and so do the checks and copies that only its callers needed), again without
  /// inlining beyond the source's marks, and identical functions merged into one.
  static let linkFlags = [
    "--no-entry", "--gc-sections", "--strip-all", "--lto-O2", "-mllvm", "-inline-threshold=0",
    "-mllvm", "-enable-merge-functions",
  ]

  /// A tool beside `swiftc` (`clang`, `wasm-ld`).
  func tool(_ name: String) -> String {
    URL(fileURLWithPath: toolchain.swiftc).resolvingSymlinksInPath().deletingLastPathComponent()
      .appendingPathComponent(name).path
  }

  /// Embedded Swift's Unicode tables for wasm32 (what `String` comparison and grapheme breaking
  /// need), from the toolchain.
  var unicodeTables: String {
    URL(fileURLWithPath: tool("swiftc")).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("lib/swift/embedded/wasm32-unknown-none-wasm/libswiftUnicodeDataTables.a")
      .path
  }

  /// The library modules built for the browser: one folder per module (its `.swiftmodule` and
  /// `.o`), each keyed by its sources and those of the modules before it, so an edit of the
  /// renderers does not compile the library again.
  struct Library: Sendable {
    var folders: [URL]
    /// `-I` for each folder.
    var includeFlags: [String] { folders.flatMap { ["-I", $0.path] } }
    /// The modules' objects, for linking.
    var objects: [URL] {
      zip(folders, BrowserBuild.libraryModules).map { $0.appendingPathComponent("\($1).o") }
    }
    /// A name for what was built, for the keys of what depends on it.
    var key: String { folders.map(\.lastPathComponent).joined(separator: "+") }
  }

  /// The library modules, built where absent.
  func prepareLibrary() throws -> Library {
    var hasher = ContentHash()
    hasher.combine(try toolchain.compilerVersion())
    hasher.combine(BrowserBuild.swiftFlags.joined(separator: " "))
    var library = Library(folders: [])
    for module in BrowserBuild.libraryModules {
      hasher.combine(try toolchain.fingerprint(of: [module]))
      let folder = directory.appendingPathComponent("\(module)-\(hasher.hexDigest.prefix(16))")
      try buildOnce(into: folder) {
        let sources = try swiftFiles(in: toolchain.packageRoot.appendingPathComponent("Sources/\(module)"))
        let result = try Subprocess(
          executable: toolchain.swiftc,
          arguments: BrowserBuild.swiftFlags + library.includeFlags + [
            "-module-name", module, "-emit-module", "-emit-module-path",
            folder.appendingPathComponent("\(module).swiftmodule").path, "-c",
          ] + sources.map(\.path) + ["-o", folder.appendingPathComponent("\(module).o").path]
        ).run()
        guard result.succeeded else {
          throw EngineError(
            "building \(module) for the browser (Embedded Swift, wasm32) failed:\n"
              + result.stderrText + result.stdoutText)
        }
      }
      library.folders.append(folder)
    }
    return library
  }

  /// Runs `build` to fill `folder` unless an earlier run finished it (its `complete` marker is
  /// written last, so an interrupted build is started again from an empty folder); then removes
  /// the folders of earlier builds of the same kind (same name up to the last `-`).
  func buildOnce(into folder: URL, _ build: () throws -> Void) throws {
    let done = folder.appendingPathComponent("complete")
    if !FileManager.default.fileExists(atPath: done.path) {
      try? FileManager.default.removeItem(at: folder)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try build()
      try Data().write(to: done)
    }
    let name = folder.lastPathComponent
    removeSiblings(of: folder, prefix: String(name[...name.lastIndex(of: "-")!]))
  }

  /// Removes the folders beside `kept` whose names start with `prefix`: builds from earlier
  /// sources, which nothing uses any more.
  func removeSiblings(of kept: URL, prefix: String) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    for name in names where name.hasPrefix(prefix) && name != kept.lastPathComponent {
      try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
    }
  }

  /// Compiles `chapter`'s live cells against the library in `library`; returns the object, or
  /// the compile errors at the chapter's lines.
  func compileLiveCells(of chapter: Chapter, library: Library) throws -> Result<URL, LiveCellErrors> {
    let source = LiveCellSource(chapter: chapter)
    var hasher = ContentHash()
    hasher.combine(library.key)
    hasher.combine(source.text)
    let key = hasher.hexDigest
    let cells = directory.appendingPathComponent("cells")
    let object = cells.appendingPathComponent("\(key).o")
    if FileManager.default.fileExists(atPath: object.path) { return .success(object) }
    try FileManager.default.createDirectory(at: cells, withIntermediateDirectories: true)
    let scratch = cells.appendingPathComponent("\(key)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let file = scratch.appendingPathComponent("live.swift")
    try Data(source.text.utf8).write(to: file)
    let partial = scratch.appendingPathComponent("live.o")
    let result = try Subprocess(
      executable: toolchain.swiftc,
      arguments: BrowserBuild.swiftFlags + [
        "-module-name", source.moduleName, "-c", file.path, "-o", partial.path,
      ] + library.includeFlags
    ).run()
    guard result.succeeded else {
      let output = result.stderrText + result.stdoutText
      return .failure(
        LiveCellErrors(
          diagnostics: CompilerOutput.diagnostics(output, chapterPath: chapter.path).map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.message = "in the browser build of this live cell: " + diagnostic.message
            return diagnostic
          }))
    }
    // Moved into place whole, so a half-written object is never taken for a compiled one.
    if rename(partial.path, object.path) != 0 && !FileManager.default.fileExists(atPath: object.path) {
      throw EngineError("cannot store \(object.path)")
    }
    return .success(object)
  }

  /// The objects of `Sources/BrowserRuntime`: its Swift files as one module and `runtime.c`.
  func runtimeObjects(library: Library) throws -> [URL] {
    let folder = toolchain.packageRoot.appendingPathComponent("Sources/BrowserRuntime")
    let swift = try swiftFiles(in: folder)
    var hasher = ContentHash()
    // The library's key covers the Swift flags; the C compile's flags are added here.
    hasher.combine(library.key)
    hasher.combine(BrowserBuild.runtimeCFlags.joined(separator: " "))
    for file in swift + [folder.appendingPathComponent("runtime.c")] {
      hasher.combine(file.lastPathComponent)
      hasher.combine(try Data(contentsOf: file))
    }
    let out = directory.appendingPathComponent("runtime-\(hasher.hexDigest.prefix(16))")
    let objects = [out.appendingPathComponent("BrowserRuntime.o"), out.appendingPathComponent("runtime.o")]
    try buildOnce(into: out) {
      try compile(runtime: folder, swift: swift, into: objects, library: library)
    }
    return objects
  }

  /// Compiles the runtime's Swift files and `runtime.c` into `objects` (in that order).
  private func compile(runtime folder: URL, swift: [URL], into objects: [URL], library: Library) throws {
    let compiles = [
      Subprocess(
        executable: toolchain.swiftc,
        arguments: BrowserBuild.swiftFlags + library.includeFlags + [
          "-module-name", "BrowserRuntime", "-c",
        ]
          + swift.map(\.path) + ["-o", objects[0].path]),
      Subprocess(
        executable: tool("clang"),
        arguments: BrowserBuild.runtimeCFlags + [
          "-c", folder.appendingPathComponent("runtime.c").path, "-o", objects[1].path,
        ]),
    ]
    for compile in compiles {
      let result = try compile.run()
      guard result.succeeded else {
        throw EngineError("building Sources/BrowserRuntime for the browser failed:\n" + result.stderrText)
      }
    }
  }

  /// Links the library, the runtime and the chapters' live cells into the site's module.
  func link(cells: [URL], library: Library) throws -> Data {
    let objects = try runtimeObjects(library: library) + library.objects + cells
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let output = directory.appendingPathComponent("site-\(UUID().uuidString).wasm")
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try Subprocess(
      executable: tool("wasm-ld"),
      arguments: BrowserBuild.linkFlags + ["-o", output.path]
        + objects.map(\.path) + [unicodeTables]
    ).run()
    guard result.succeeded else {
      throw EngineError("linking the browser module failed:\n" + result.stderrText + result.stdoutText)
    }
    return try Data(contentsOf: output)
  }

  /// The `.swift` files under a folder, subfolders included, sorted by path.
  func swiftFiles(in folder: URL) throws -> [URL] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else {
      throw EngineError("cannot read \(folder.path)")
    }
    var files: [String] = []
    while let file = enumerator.nextObject() as? String {
      if file.hasSuffix(".swift") { files.append(file) }
    }
    return files.sorted().map { folder.appendingPathComponent($0) }
  }

  /// The script that carries the module into a page: browsers refuse `fetch()` of a `.wasm`
  /// from `file://`, so it travels as base64 in a script the page loads.
  static func script(_ module: Data) -> String {
    "window.companionWasmBase64 = \"" + module.base64EncodedString() + "\";\n"
  }
}

/// Why a chapter's live cells did not compile for the browser, at the chapter's lines.
struct LiveCellErrors: Error {
  var diagnostics: [Diagnostic]
}
