import Foundation
import Testing

/// The chapters' numbers do not depend on the machine: the site built from the repository's
/// chapters, every chapter run afresh, is byte-identical whichever OpenBLAS kernel and whichever
/// glibc variant of the math functions the machine would pick. One machine shows this by forcing
/// the choices a different CPU would make.
///
/// Chapters with `volatile` cells (timings, measured anew on every run) are left out.
@Suite struct ReproducibilityTests {
  /// Environments that change what the C libraries run: OpenBLAS's oldest x86-64 kernel and its
  /// AVX2 one, and glibc's math without its AVX2 and FMA variants.
  static let environments: [(name: String, variables: [String: String])] = [
    ("default", [:]),
    ("OPENBLAS_CORETYPE=Prescott", ["OPENBLAS_CORETYPE": "Prescott"]),
    ("OPENBLAS_CORETYPE=Haswell", ["OPENBLAS_CORETYPE": "Haswell"]),
    ("GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2,-FMA", ["GLIBC_TUNABLES": "glibc.cpu.hwcaps=-AVX2,-FMA"]),
  ]

  @Test func theSiteIsByteIdenticalWhateverKernelsTheMachinePicks() throws {
    let source = CompanionRunner.packageRoot.appendingPathComponent("chapters")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? [])
      .filter { $0.hasSuffix(".md") }.sorted()
      .filter { name in
        let text = (try? String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)) ?? ""
        return !text.contains("```swift volatile")
      }
    guard !names.isEmpty else {
      print("ReproducibilityTests: no chapters without volatile cells in \(source.path)")
      return
    }
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("companion-repro-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let chapters = folder.appendingPathComponent("chapters")
    try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
    for name in names {
      try FileManager.default.copyItem(
        at: source.appendingPathComponent(name), to: chapters.appendingPathComponent(name))
    }

    var sites: [(name: String, files: [String: Data])] = []
    for (index, environment) in Self.environments.enumerated() {
      let output = "site-\(index)"
      let outcome = try CompanionRunner.run(
        ["build", "--no-cache", "--output", output], in: folder, environment: environment.variables)
      #expect(outcome.status == 0, "build under \(environment.name) failed:\n\(outcome.all)")
      sites.append((environment.name, try Self.files(under: folder.appendingPathComponent(output))))
    }
    let reference = sites[0]
    #expect(reference.files.count > names.count)
    for site in sites.dropFirst() {
      #expect(Set(site.files.keys) == Set(reference.files.keys), "\(site.name): other files")
      for (path, data) in reference.files.sorted(by: { $0.key < $1.key }) where site.files[path] != data {
        Issue.record("\(path) differs between \(reference.name) and \(site.name)")
      }
    }
  }

  /// Every regular file under `root`, by path relative to it.
  static func files(under root: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
      let relative = String(url.path.dropFirst(root.path.count))
      result[relative] = try Data(contentsOf: url)
    }
    return result
  }
}
