import Foundation

/// Where things are: the package root, the support library build, the compiler, the cache.
///
/// The support library (`ChapterSupport`: DeepLearning + NotebookRuntime as one shared library)
/// is built by a nested `swift build -c release --product ChapterSupport` in its own scratch
/// folder next to the running executable's build folder (`<build>/companion`), so builds of
/// different scratch paths never wait on each other's locks. `COMPANION_SUPPORT_DIR` overrides
/// that folder, and `COMPANION_CACHE_DIR` the folder of the caches.
public struct Toolchain: Sendable {
  /// The folder holding Package.swift.
  public var packageRoot: URL
  /// The scratch folder of the nested support build; the cache lives in `<it>/cache`.
  public var supportDirectory: URL
  /// The `swift` driver.
  public var swift: String
  /// The `swiftc` compiler.
  public var swiftc: String

  /// The support build's release products folder.
  public var releaseDirectory: URL { supportDirectory.appendingPathComponent("release") }
  /// The folder holding the caches: `COMPANION_CACHE_DIR` if set, else the support folder.
  public var cacheRoot: URL?

  /// The cache folder of runs.
  public var cacheDirectory: URL {
    cacheRoot?.appendingPathComponent("runs") ?? supportDirectory.appendingPathComponent("cache")
  }
  /// The folder of rendered pages (see `PageCache`).
  public var pageCacheDirectory: URL {
    (cacheRoot ?? supportDirectory).appendingPathComponent("pages")
  }

  /// Locates everything from the running executable, the environment and the current folder.
  public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment)
    throws -> Toolchain
  {
    let executable = URL(
      fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(
        atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    guard let root = findPackageRoot(from: executable) ?? findPackageRoot(from: cwd) else {
      throw EngineError("cannot find the package (no Package.swift above \(cwd.path))")
    }
    let support: URL
    if let override = environment["COMPANION_SUPPORT_DIR"], !override.isEmpty {
      support = URL(fileURLWithPath: override)
    } else if let build = buildFolder(containing: executable) {
      support = build.appendingPathComponent("companion")
    } else {
      support = root.appendingPathComponent(".build/companion")
    }
    guard let swift = findExecutable("swift", environment: environment) else {
      throw EngineError("cannot find `swift` on PATH")
    }
    let swiftc = URL(fileURLWithPath: swift).deletingLastPathComponent()
      .appendingPathComponent("swiftc").path
    var toolchain = Toolchain(
      packageRoot: root, supportDirectory: support, swift: swift,
      swiftc: FileManager.default.isExecutableFile(atPath: swiftc) ? swiftc : swift + "c")
    if let caches = environment["COMPANION_CACHE_DIR"], !caches.isEmpty {
      toolchain.cacheRoot = URL(fileURLWithPath: caches)
    }
    return toolchain
  }

  /// The nearest folder at or above `start` that holds Package.swift.
  static func findPackageRoot(from start: URL) -> URL? {
    var folder = start.hasDirectoryPath ? start : start.deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
        return folder
      }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }

  /// The build folder (e.g. `.build` or `.build-x`) that contains `executable`: the ancestor
  /// whose parent holds Package.swift.
  static func buildFolder(containing executable: URL) -> URL? {
    var folder = executable.deletingLastPathComponent()
    while folder.path != "/" {
      let parent = folder.deletingLastPathComponent()
      if FileManager.default.fileExists(atPath: parent.appendingPathComponent("Package.swift").path) {
        return folder.lastPathComponent.hasPrefix(".build") ? folder : nil
      }
      folder = parent
    }
    return nil
  }

  static func findExecutable(_ name: String, environment: [String: String]) -> String? {
    for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) {
        return candidate
      }
    }
    return nil
  }

  /// Builds (or confirms up to date) the support library; silent unless it fails.
  public func buildSupportLibrary() throws {
    let build = Subprocess(
      executable: swift,
      arguments: [
        "build", "-c", "release", "--product", "ChapterSupport",
        "--package-path", packageRoot.path, "--scratch-path", supportDirectory.path,
      ])
    let result = try build.run()
    guard result.succeeded else {
      throw EngineError(
        "building the chapter support library failed (swift build -c release --product "
          + "ChapterSupport --scratch-path \(supportDirectory.path)):\n"
          + result.stdoutText + result.stderrText)
    }
  }

  /// The file naming what the support library in `releaseDirectory` was last built from.
  var supportStampFile: URL { supportDirectory.appendingPathComponent("support-library.stamp") }

  /// What the support library is built from: the library sources (`fingerprint`), the package
  /// manifest (its flags) and the compiler.
  func supportStamp(fingerprint: String, compilerVersion: String) -> String {
    var hasher = ContentHash()
    hasher.combine(fingerprint)
    hasher.combine(compilerVersion)
    hasher.combine(
      (try? Data(contentsOf: packageRoot.appendingPathComponent("Package.swift"))) ?? Data())
    return hasher.hexDigest
  }

  /// Builds the support library unless it was last built from the same sources, manifest and
  /// compiler: the nested `swift build` takes about two seconds even when it has nothing to do.
  /// Returns whether it ran the build.
  @discardableResult
  public func prepareSupportLibrary(fingerprint: String, compilerVersion: String) throws -> Bool {
    let stamp = supportStamp(fingerprint: fingerprint, compilerVersion: compilerVersion)
    let library = releaseDirectory.appendingPathComponent("libChapterSupport.so")
    if FileManager.default.fileExists(atPath: library.path),
      let built = try? String(contentsOf: supportStampFile, encoding: .utf8), built == stamp
    {
      return false
    }
    // Removed first, so an interrupted or failed build is never taken for a finished one.
    try? FileManager.default.removeItem(at: supportStampFile)
    try buildSupportLibrary()
    try? Data(stamp.utf8).write(to: supportStampFile, options: .atomic)
    return true
  }

  /// The compiler flags for a chapter program (without input and output).
  public var compileFlags: [String] {
    [
      "-Onone", "-swift-version", "5", "-suppress-warnings", "-diagnostic-style=llvm",
      "-I", releaseDirectory.appendingPathComponent("Modules").path,
      "-I", packageRoot.appendingPathComponent("Sources/COpenBLAS").path,
      "-L", releaseDirectory.path, "-lChapterSupport",
      "-Xlinker", "-rpath", "-Xlinker", releaseDirectory.path,
    ]
  }

  /// `swiftc --version`, for cache keys; remembered in the support folder under the compiler's
  /// path, size and modification time, so it is asked once per compiler.
  public func compilerVersion() throws -> String {
    let resolved = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().path
    let attributes = try? FileManager.default.attributesOfItem(atPath: resolved)
    let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
    let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    let identity = "\(resolved) \(size) \(modified)"
    let file = supportDirectory.appendingPathComponent("compiler-version")
    if let stored = try? String(contentsOf: file, encoding: .utf8),
      let newline = stored.firstIndex(of: "\n"), stored[..<newline] == identity
    {
      return String(stored[stored.index(after: newline)...])
    }
    let version = try Subprocess(executable: swiftc, arguments: ["--version"]).run().stdoutText
    try? FileManager.default.createDirectory(at: supportDirectory, withIntermediateDirectories: true)
    try? Data((identity + "\n" + version).utf8).write(to: file, options: .atomic)
    return version
  }

  /// A fingerprint of the sources chapter programs depend on (DeepLearning, NotebookRuntime).
  public func libraryFingerprint() throws -> String {
    try fingerprint(of: ["DeepLearning", "NotebookRuntime", "COpenBLAS"])
  }

  /// A fingerprint of every file under `Sources/<module>` for each module named.
  func fingerprint(of modules: [String]) throws -> String {
    var hasher = ContentHash()
    for module in modules {
      let folder = packageRoot.appendingPathComponent("Sources/\(module)")
      guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { continue }
      var files: [String] = []
      while let file = enumerator.nextObject() as? String { files.append(file) }
      for file in files.sorted() {
        let url = folder.appendingPathComponent(file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
          !isDirectory.boolValue
        else { continue }
        hasher.combine("\(module)/\(file)")
        hasher.combine(try Data(contentsOf: url))
      }
    }
    return hasher.hexDigest
  }
}
