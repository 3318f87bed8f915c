import DeepLearning

/// A value `String(format:)` can format in the browser build: integers, doubles and strings.
public protocol PrintfArgument {
  /// The value as `PrintfFormat` takes it.
  var printfValue: PrintfFormat.Value { get }
}

extension Double: PrintfArgument {
  public var printfValue: PrintfFormat.Value { .double(self) }
}
extension Int: PrintfArgument {
  public var printfValue: PrintfFormat.Value { .integer(self) }
}
extension Int32: PrintfArgument {
  public var printfValue: PrintfFormat.Value { .integer(Int(self)) }
}
extension String: PrintfArgument {
  public var printfValue: PrintfFormat.Value { .text(self) }
}

/// C's `printf` conversions in plain Swift, for the browser build, where there is no C library:
/// `%d %i %u %x %X %c %s %@ %f %F %e %E %g %G %%` with the flags `- + space 0 #`, a width and a
/// precision (`%-8s`, `%+.3e`, `%08.2f`, `%.4g`). Doubles go through the library's exact decimal
/// conversion, which rounds as glibc does, so the text is the same as the native build's.
public enum PrintfFormat {
  /// One argument.
  public enum Value {
    case integer(Int)
    case double(Double)
    case text(String)
  }

  /// `format` with each conversion replaced by the next argument's text.
  public static func format(_ format: String, _ arguments: [Value]) -> String {
    var out: [UInt8] = []
    let bytes = Array(format.utf8)
    var index = 0
    var next = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      guard byte == UInt8(ascii: "%") else {
        out.append(byte)
        continue
      }
      var spec = Spec()
      while index < bytes.count, let flag = Flag(bytes[index]) {
        spec.flags.insert(flag)
        index += 1
      }
      while index < bytes.count, let digit = digitValue(bytes[index]) {
        spec.width = spec.width * 10 + digit
        index += 1
      }
      if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
        index += 1
        var precision = 0
        while index < bytes.count, let digit = digitValue(bytes[index]) {
          precision = precision * 10 + digit
          index += 1
        }
        spec.precision = precision
      }
      // Length modifiers change nothing here.
      while index < bytes.count,
        [UInt8(ascii: "l"), UInt8(ascii: "h"), UInt8(ascii: "z")].contains(bytes[index])
      {
        index += 1
      }
      guard index < bytes.count else { break }
      let conversion = bytes[index]
      index += 1
      if conversion == UInt8(ascii: "%") {
        out.append(conversion)
        continue
      }
      let argument: Value = next < arguments.count ? arguments[next] : .text("")
      next += 1
      out += Array(spec.text(argument, conversion: conversion).utf8)
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func digitValue(_ byte: UInt8) -> Int? {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
  }

  /// The flags of a conversion, one bit each (a `Set` would bring hashing into the browser
  /// build).
  struct Flag: OptionSet {
    let rawValue: UInt8
    static let left = Flag(rawValue: 1)
    static let plus = Flag(rawValue: 2)
    static let space = Flag(rawValue: 4)
    static let zero = Flag(rawValue: 8)
    static let alternate = Flag(rawValue: 16)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(_ byte: UInt8) {
      switch byte {
      case UInt8(ascii: "-"): self = .left
      case UInt8(ascii: "+"): self = .plus
      case UInt8(ascii: " "): self = .space
      case UInt8(ascii: "0"): self = .zero
      case UInt8(ascii: "#"): self = .alternate
      default: return nil
      }
    }
  }

  struct Spec {
    var flags: Flag = []
    var width = 0
    var precision: Int? = nil

    func text(_ value: Value, conversion: UInt8) -> String {
      switch conversion {
      case UInt8(ascii: "s"), UInt8(ascii: "@"):
        var text: String
        switch value {
        case .text(let string): text = string
        case .integer(let integer): text = String(integer)
        case .double(let double): text = double.description
        }
        if let precision { text = String(text.prefix(precision)) }
        return padded(sign: "", body: text, numeric: false)
      case UInt8(ascii: "c"):
        let code = integer(value)
        let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: code)) ?? " "
        return padded(sign: "", body: String(Character(scalar)), numeric: false)
      case UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "u"), UInt8(ascii: "x"), UInt8(ascii: "X"):
        let number = integer(value)
        let radix = conversion == UInt8(ascii: "x") || conversion == UInt8(ascii: "X") ? 16 : 10
        var body = String(number.magnitude, radix: radix, uppercase: conversion == UInt8(ascii: "X"))
        if let precision {
          if precision == 0 && number == 0 { body = "" }
          if body.utf8.count < precision {
            body = String(repeating: "0", count: precision - body.utf8.count) + body
          }
        }
        return padded(sign: signText(negative: number < 0), body: body, numeric: precision == nil)
      default:
        return floating(double(value), conversion: conversion)
      }
    }

    private func integer(_ value: Value) -> Int {
      switch value {
      case .integer(let integer): return integer
      case .double(let double): return double.isFinite ? Int(double) : 0
      case .text: return 0
      }
    }

    private func double(_ value: Value) -> Double {
      switch value {
      case .integer(let integer): return Double(integer)
      case .double(let double): return double
      case .text: return 0
      }
    }

    private func signText(negative: Bool) -> String {
      negative ? "-" : flags.contains(.plus) ? "+" : flags.contains(.space) ? " " : ""
    }

    /// `sign` and `body` padded to the width: spaces on the left (or right with `-`), or zeros
    /// between sign and digits with `0` for numbers.
    private func padded(sign: String, body: String, numeric: Bool) -> String {
      let length = sign.count + body.count
      guard width > length else { return sign + body }
      let fill = width - length
      if flags.contains(.left) { return sign + body + String(repeating: " ", count: fill) }
      if numeric && flags.contains(.zero) { return sign + String(repeating: "0", count: fill) + body }
      return String(repeating: " ", count: fill) + sign + body
    }

    private func floating(_ x: Double, conversion: UInt8) -> String {
      let upper =
        conversion == UInt8(ascii: "E") || conversion == UInt8(ascii: "G") || conversion == UInt8(ascii: "F")
      let sign = signText(negative: x.sign == .minus)
      guard x.isFinite else {
        let word = x.isNaN ? "nan" : "inf"
        return padded(sign: sign, body: upper ? Spec.asciiUppercased(word) : word, numeric: false)
      }
      let magnitude = x.magnitude
      let precision = self.precision ?? 6
      var body: String
      switch conversion {
      case UInt8(ascii: "e"), UInt8(ascii: "E"):
        body = exactCFormat(magnitude, fractionDigits: precision, scientific: true)
      case UInt8(ascii: "g"), UInt8(ascii: "G"):
        let significant = max(precision, 1)
        let probe = exactCFormat(magnitude, fractionDigits: significant - 1, scientific: true)
        let (mantissa, exponentText) = PrintfFormat.splitExponent(probe)
        let exponent = PrintfFormat.exponentValue(exponentText)
        if exponent >= -4 && exponent < significant {
          body = exactCFormat(magnitude, fractionDigits: significant - 1 - exponent, scientific: false)
          if !flags.contains(.alternate) { body = PrintfFormat.trimmingZeros(body) }
        } else {
          body = probe
          if !flags.contains(.alternate) && !exponentText.isEmpty {
            body = PrintfFormat.trimmingZeros(mantissa) + exponentText
          }
        }
      default:
        body = exactCFormat(magnitude, fractionDigits: precision, scientific: false)
      }
      if flags.contains(.alternate) && !body.utf8.contains(UInt8(ascii: ".")) && precision == 0 {
        let (mantissa, exponentText) = PrintfFormat.splitExponent(body)
        body = mantissa + "." + exponentText
      }
      return padded(sign: sign, body: upper ? Spec.asciiUppercased(body) : body, numeric: true)
    }

    /// `text` with the ASCII letters a to z in upper case: `uppercased()` for the digits, signs,
    /// points, exponents and `inf`/`nan` a conversion writes, without the standard library's
    /// case-mapping tables (which the browser build then does not link).
    static func asciiUppercased(_ text: String) -> String {
      String(decoding: text.utf8.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }, as: UTF8.self)
    }
  }

  /// `text` without the zeros that end its fraction, and without the point if nothing follows
  /// it (`2.500` is `2.5`, `3.0` is `3`); text without a point is returned as it is. It reads
  /// the ASCII bytes of a formatted number, not characters, which keeps the browser build free
  /// of text segmentation here.
  public static func trimmingZeros(_ text: String) -> String {
    var bytes = Array(text.utf8)
    guard bytes.contains(UInt8(ascii: ".")) else { return text }
    while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
    if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A formatted number split before its first `e`: `("1.5", "e+05")`, or `(text, "")` without
  /// an exponent. It reads ASCII bytes, as the other helpers here.
  public static func splitExponent(_ text: String) -> (mantissa: String, exponent: String) {
    let bytes = Array(text.utf8)
    guard let e = bytes.firstIndex(of: UInt8(ascii: "e")) else { return (text, "") }
    return (String(decoding: bytes[..<e], as: UTF8.self), String(decoding: bytes[e...], as: UTF8.self))
  }

  /// The value of an exponent as `splitExponent` returns it: `e+05` is 5, `e-12` is -12, and an
  /// empty one 0.
  public static func exponentValue(_ exponent: String) -> Int {
    var value = 0
    for byte in exponent.utf8 where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return exponent.utf8.contains(UInt8(ascii: "-")) ? -value : value
  }
}
