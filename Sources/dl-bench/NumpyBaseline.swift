import Foundation

/// Runs a numpy baseline on this machine and reads its figures: the planar training time and
/// matmul GFLOP/s from the script's own lines, and ns per element of numpy's exp, log, tanh and
/// sigmoid over a million doubles from a short program of its own. Needs `python3` with numpy;
/// the library itself never does.
enum NumpyBaseline {
  static let elementwise = """
    import time, numpy as np
    rng = np.random.RandomState(3)
    xs = {"exp": rng.rand(10**6) * 40 - 20, "log": rng.rand(10**6) * 100 + 1e-3,
          "tanh": rng.rand(10**6) * 8 - 4, "sigmoid": rng.rand(10**6) * 16 - 8}
    fs = {"exp": np.exp, "log": np.log, "tanh": np.tanh, "sigmoid": lambda z: 1 / (1 + np.exp(-z))}
    for name in ["exp", "log", "tanh", "sigmoid"]:
        times = []
        for _ in range(11):
            t = time.perf_counter(); fs[name](xs[name]); times.append(time.perf_counter() - t)
        print(name, sorted(times)[5] / 1e6 * 1e9)
    """

  static func run(script: String) -> [String: Double] {
    var figures: [String: Double] = [:]
    for line in output(of: ["python3", script]).split(separator: "\n") {
      if line.hasPrefix("planar training"), let value = line.split(separator: ":").last?
        .trimmingCharacters(in: .whitespaces).split(separator: " ").first
      {
        figures["planar"] = Double(value)
      } else if line.hasPrefix("matmul n="), let colon = line.firstIndex(of: ":") {
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].split(separator: " ").first.flatMap { Double($0) }
        figures[name] = value
      } else if line.hasPrefix("dot 1e6: vectorized ") {
        figures["dot"] = Double(line.split(separator: " ")[3])
      }
    }
    for line in output(of: ["python3", "-c", elementwise]).split(separator: "\n") {
      let parts = line.split(separator: " ")
      if parts.count == 2, let value = Double(parts[1]) { figures[String(parts[0])] = value }
    }
    return figures
  }

  private static func output(of command: [String]) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = command
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return "" }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
