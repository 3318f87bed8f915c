import Foundation
import Testing

@testable import NotebookRuntime

/// The browser build's `printf` in plain Swift gives the C library's text (glibc converts
/// exactly and rounds ties to even; so does `PrintfFormat`), so what a live cell prints in the
/// browser is what the build printed.
@Suite struct PrintfFormatTests {
  /// glibc's text for one double.
  func glibc(_ format: String, _ value: Double) -> String {
    withVaList([value]) { list in
      var buffer = [CChar](repeating: 0, count: 512)
      let count = vsnprintf(&buffer, buffer.count, format, list)
      return String(decoding: buffer[0..<Int(count)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
  }

  /// Doubles of every magnitude, with ties and near-ties of short decimals, subnormals, zeros
  /// of both signs, infinities and nan.
  func samples() -> [Double] {
    var generator = SystemRandomNumberGenerator()
    var values: [Double] = [
      0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.0625, 1e-320, 5e-324, .greatestFiniteMagnitude,
      .infinity, -.infinity, .nan, 0.6930480, 9.9999, 99.995, 0.000123456, 123456789.0, 1e22, 1e23,
    ]
    for _ in 0..<3000 {
      values.append(Double(bitPattern: generator.next()))
      let decade = Double(Int.random(in: -12...12, using: &generator))
      values.append(Double.random(in: -1...1, using: &generator) * DeepLearningPower.ten(decade))
      // Ties at a few decimals: k / 2^j.
      values.append(Double(Int.random(in: -5000...5000, using: &generator)) / 64)
    }
    return values.filter { !$0.isNaN || $0.sign == .plus }
  }

  @Test(arguments: ["%.0f", "%.1f", "%.2f", "%.4f", "%.6f", "%.8f", "%.0e", "%.1e", "%.3e", "%.4g", "%.3g", "%g", "%12.4f", "%-10.2e|", "%+.3f", "%08.2f"])
  func doublesMatchTheCLibrary(format: String) {
    var mismatches: [String] = []
    for value in samples() {
      let ours = PrintfFormat.format(format, [.double(value)])
      let theirs = glibc(format, value)
      if ours != theirs { mismatches.append("\(value.bitPattern): \(ours) vs \(theirs)") }
    }
    #expect(mismatches.isEmpty, "\(format): \(mismatches.prefix(5))")
  }

  @Test func integersStringsAndPercentSigns() {
    #expect(PrintfFormat.format("%d items, %5d|%-4d|%03d", [.integer(12), .integer(-7), .integer(3), .integer(5)]) == "12 items,    -7|3   |005")
    #expect(PrintfFormat.format("%s: %.1f %%", [.text("rate"), .double(12.25)]) == "rate: 12.2 %")
    #expect(PrintfFormat.format("0x%02X %x", [.integer(10), .integer(255)]) == "0x0A ff")
  }
}

/// Powers of ten for the samples.
enum DeepLearningPower {
  static func ten(_ exponent: Double) -> Double { Foundation.pow(10, exponent) }
}
