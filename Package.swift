// swift-tools-version:6.0
import PackageDescription

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
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
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
      swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
    .target(name: "NotebookRuntime"),
    .target(name: "Notebook", dependencies: ["Ccmark", "NotebookRuntime"]),
    .executableTarget(
      name: "companion",
      dependencies: ["Notebook", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    .executableTarget(name: "dl-bench", dependencies: ["DeepLearning"]),
    .testTarget(name: "DeepLearningTests", dependencies: ["DeepLearning"], exclude: ["Fixtures"]),
    .testTarget(name: "NotebookTests", dependencies: ["Notebook", "NotebookRuntime"]),
    .testTarget(name: "CompanionTests", dependencies: ["Notebook"], exclude: ["Fixtures"]),
  ]
)
