// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The library is compiled for the building machine's CPU, and its numbers do not change with
/// it:
/// - where the CPU has AVX2 and FMA (Intel since 2013, AMD since 2015), four doubles to a vector
///   register instead of two, about twice the speed of the matrix kernel and the elementary
///   functions;
/// - where it has AVX-512 as well (Intel's servers since 2017, AMD since 2022), eight doubles to
///   a vector in the elementary functions (`WIDE_VECTORS`);
/// - `FUSED_MULTIPLY_ADD` where it has FMA: the elementary functions find the exact rounding
///   error of a product in one fused multiply-add instead of Dekker's seventeen operations. The
///   error is exact either way, so the bits are the same.
/// Swift never fuses a multiply and an add on its own, so every other operation rounds as it
/// does at the baseline; `ElementaryFunctionBitsTests` checks the bits of every build against
/// digests recorded once. Each machine builds its own copy, so a binary never meets a CPU it was
/// not built for.
let hostCPUFlags: [String] = {
  #if arch(x86_64) && os(Linux)
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    let names = Set(flags.split(separator: " ").map(String.init))
    // Everything `-target-cpu haswell` lets LLVM emit.
    let haswell = ["avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "popcnt", "abm"]
    guard haswell.allSatisfy(names.contains) else { return [] }
    let options = ["-target-cpu", "haswell", "-D", "FUSED_MULTIPLY_ADD"]
    // AVX-512 on top of that: only the extensions named, each one the CPU reports.
    let avx512 = ["avx512f", "avx512cd", "avx512dq", "avx512bw", "avx512vl"]
    guard avx512.allSatisfy(names.contains) else { return options }
    return options + avx512.flatMap { ["-Xcc", "-m\($0)"] } + ["-D", "WIDE_VECTORS"]
  #elseif arch(arm64)
    // Every arm64 CPU fuses.
    return ["-D", "FUSED_MULTIPLY_ADD"]
  #else
    return []
  #endif
}()

let package = Package(
  name: "DeepLearningCompanion",
  products: [
    .library(name: "DeepLearning", targets: ["DeepLearning"]),
    // What chapter programs link against: the core library and the notebook runtime, built once
    // in release mode as one shared library (see Sources/Notebook/SupportLibrary.swift).
    .library(name: "ChapterSupport", type: .dynamic, targets: ["DeepLearning", "NotebookRuntime"]),
    .executable(name: "companion", targets: ["companion"]),
    .executable(name: "dl-bench", targets: ["dl-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
  ],
  targets: [
    .systemLibrary(
      name: "COpenBLAS", pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(
      name: "Ccmark", pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]),
    // The library is optimized in debug builds too: its numbers are the same bits at any
    // optimization level (no fast-math, no contraction), and the tests' long training runs
    // take seconds instead of a minute.
    .target(
      name: "DeepLearning", dependencies: ["COpenBLAS"],
      exclude: ["Math/generate-math-tables.py"],
      swiftSettings: [
        .unsafeFlags(["-O"], .when(configuration: .debug)), .unsafeFlags(hostCPUFlags),
      ]),
    // What chapter programs use besides the library; it compiles for the browser too.
    .target(name: "NotebookRuntime", dependencies: ["DeepLearning"]),
    // A cell's outputs as HTML (text, tables, SVG plots): the build and the browser build draw
    // with this same code.
    .target(
      name: "OutputRendering", dependencies: ["DeepLearning", "NotebookRuntime"],
      swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
    // DeepLearning for its reproducible log10 and pow: plot axes are part of the page's bytes.
    // Assets/ holds the site's own stylesheet and scripts, copied into every site as written.
    .target(
      name: "Notebook",
      dependencies: [
        "Ccmark", "NotebookRuntime", "DeepLearning", "OutputRendering",
        .product(name: "FlyingFox", package: "FlyingFox"),
      ],
      resources: [.copy("Assets")],
      // Optimized in debug builds too, as `swift run companion` builds them: rendering pages and
      // the search index is the warm build's whole cost, about six times faster at -O.
      swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
    .executableTarget(
      name: "companion",
      dependencies: ["Notebook", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    .executableTarget(name: "dl-bench", dependencies: ["DeepLearning"]),
    .testTarget(name: "DeepLearningTests", dependencies: ["DeepLearning"], exclude: ["Fixtures"]),
    .testTarget(name: "NotebookTests", dependencies: ["Notebook", "NotebookRuntime", "OutputRendering"]),
    .testTarget(name: "CompanionTests", dependencies: ["Notebook"], exclude: ["Fixtures"]),
  ]
)
