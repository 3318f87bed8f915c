import NotebookRuntime

/// Deterministic, compact number formatting for SVG coordinates and plot text.
public enum SVGNumber {
  /// `printf`'s conversion of one double, in plain Swift (`PrintfFormat`): the same text as the
  /// C library's, and the same code in the browser build.
  static func printf(_ format: String, _ value: Double) -> String {
    PrintfFormat.format(format, [.double(value)])
  }

  /// A coordinate with at most two decimals and no trailing zeros: `12`, `12.5`, `12.25`.
  static func coordinate(_ value: Double) -> String {
    trimmed(SVGNumber.printf("%.2f", value))
  }

  /// A value with about four significant digits for text alternatives: `0.6931`, `1.2e-05`.
  public static func compact(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "−∞" : "∞" }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    let text: String
    if magnitude >= 1e6 || magnitude < 1e-4 {
      text = scientific(value, digits: 3)
    } else if magnitude >= 1e4 {
      text = SVGNumber.printf("%.0f", value)
    } else {
      text = trimmed(SVGNumber.printf("%.4g", value))
    }
    return minus(text)
  }

  /// `value` in scientific notation with `digits` decimals in the mantissa, trimmed: `2.5e-5`.
  static func scientific(_ value: Double, digits: Int) -> String {
    let raw = SVGNumber.printf("%.\(digits)e", value)  // e.g. "2.500e-05"
    let (mantissa, exponent) = PrintfFormat.splitExponent(raw)
    guard !exponent.isEmpty else { return raw }
    let power = PrintfFormat.exponentValue(exponent)
    return "\(trimmed(mantissa))e\(power < 0 ? "-" : "")\(abs(power))"
  }

  /// Removes trailing zeros after a decimal point, and the point itself; `-0` becomes `0`.
  static func trimmed(_ text: String) -> String {
    let result = text.utf8.contains(UInt8(ascii: "e")) ? text : PrintfFormat.trimmingZeros(text)
    return result.utf8.elementsEqual("-0".utf8) ? "0" : result
  }

  /// Replaces a leading ASCII hyphen with a typographic minus sign.
  static func minus(_ text: String) -> String {
    text.utf8.first == UInt8(ascii: "-") ? "−" + String(decoding: text.utf8.dropFirst(), as: UTF8.self) : text
  }
}
