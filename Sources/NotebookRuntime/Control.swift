/// The controls of a live cell: a cell marked `swift live` declares them in its code, and each
/// call returns the control's value. When the build runs the chapter that is the default
/// (`value`), and the page draws the control; in the reader's browser the cell runs again, in
/// WebAssembly, with the values the reader set.
///
/// ```swift
/// let rate = Control.slider("learning rate", 1.2, in: 0.05...3, step: 0.05)
/// let units = Control.select("hidden units", 4, from: [1, 2, 3, 4, 5, 20])
/// ```
public enum Control {
  /// A slider over `range` in steps of `step`, starting at `value`.
  public static func slider(
    _ label: String, _ value: Double, in range: ClosedRange<Double>, step: Double
  ) -> Double {
    let control = LiveControl(
      kind: .slider, label: label, value: value.description, lower: range.lowerBound,
      upper: range.upperBound, step: step, options: [])
    return LiveControl.declare(control).flatMap(LiveControl.double(bits:)) ?? value
  }

  /// A whole number typed into a field, within `range`, starting at `value`.
  public static func number(_ label: String, _ value: Int, in range: ClosedRange<Int>) -> Int {
    let control = LiveControl(
      kind: .number, label: label, value: String(value), lower: Double(range.lowerBound),
      upper: Double(range.upperBound), step: 1, options: [])
    guard let text = LiveControl.declare(control), let typed = LiveControl.integer(text) else {
      return value
    }
    return min(max(typed, range.lowerBound), range.upperBound)
  }

  /// One of `options`, shown as a drop-down list, starting at `value` (which must be one of them).
  public static func select<Option: LiveOption>(
    _ label: String, _ value: Option, from options: [Option]
  ) -> Option {
    // Labels compared byte for byte: String's == would bring Unicode normalization's tables
    // into the browser's module.
    let chosen = value.liveLabel
    guard let selected = options.firstIndex(where: { $0.liveLabel.utf8.elementsEqual(chosen.utf8) }) else {
      fatalError("Control.select '\(label)': the value \(chosen) is not one of the options")
    }
    let control = LiveControl(
      kind: .select, label: label, value: String(selected), lower: 0, upper: Double(options.count - 1),
      step: 1, options: options.map { $0.liveLabel })
    guard let text = LiveControl.declare(control), let index = LiveControl.integer(text),
      options.indices.contains(index)
    else { return value }
    return options[index]
  }

  /// A checkbox, ticked or not at first as `value` says.
  public static func checkbox(_ label: String, _ value: Bool) -> Bool {
    let control = LiveControl(
      kind: .checkbox, label: label, value: value ? "1" : "0", lower: 0, upper: 1, step: 1, options: [])
    return LiveControl.declare(control).map { $0 == "1" } ?? value
  }

  /// A line of text the reader types, starting as `value`.
  public static func text(_ label: String, _ value: String) -> String {
    let control = LiveControl(
      kind: .text, label: label, value: value, lower: 0, upper: 0, step: 0, options: [])
    return LiveControl.declare(control) ?? value
  }
}

/// A value `Control.select` offers: numbers and strings, labelled as Swift prints them.
public protocol LiveOption {
  /// The text the drop-down list shows.
  var liveLabel: String { get }
}

extension Double: LiveOption {
  public var liveLabel: String { description }
}
extension Int: LiveOption {
  public var liveLabel: String { String(self) }
}
extension String: LiveOption {
  public var liveLabel: String { self }
}

/// An enumeration whose raw values are the labels, so that a cell can switch over its cases
/// (`enum Start: String, LiveOption, CaseIterable { case zeros, random }`).
extension LiveOption where Self: RawRepresentable, Self.RawValue == String {
  public var liveLabel: String { rawValue }
}

/// What a page needs to draw one control of a live cell.
public struct LiveControl: Sendable, Equatable {
  /// The kind of widget.
  public enum Kind: String, Sendable {
    case slider, number, select, checkbox, text
  }

  public var kind: Kind
  /// The label shown beside the widget.
  public var label: String
  /// The default: a slider's number as Swift prints it, a number field's integer, the index of
  /// a select's option, "1" or "0" for a checkbox, a text field's text.
  public var value: String
  /// A slider's or number field's range, and a slider's step.
  public var lower: Double
  public var upper: Double
  public var step: Double
  /// A select's option labels.
  public var options: [String]

  public init(
    kind: Kind, label: String, value: String, lower: Double, upper: Double, step: Double,
    options: [String]
  ) {
    self.kind = kind
    self.label = label
    self.value = value
    self.lower = lower
    self.upper = upper
    self.step = step
    self.options = options
  }

  /// A double sent by the page as its 16 hexadecimal IEEE digits (so no bit is lost on the
  /// way); nil when the text is not that.
  static func double(bits text: String) -> Double? {
    guard text.utf8.count == 16, let bits = hexadecimal(text) else { return nil }
    return Double(bitPattern: bits)
  }

  /// `UInt64(text, radix: 16)`, sign included (`+` any value, `-` only
  /// zero), read byte by byte.
  static func hexadecimal(_ text: String) -> UInt64? {
    var digits = Substring(text).utf8
    let sign = digits.first
    if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { digits = digits.dropFirst() }
    guard !digits.isEmpty else { return nil }
    var value: UInt64 = 0
    for byte in digits {
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      guard value >> 60 == 0 else { return nil }
      value = value << 4 | UInt64(digit)
    }
    return sign == UInt8(ascii: "-") && value != 0 ? nil : value
  }

  /// A decimal integer.
  static func integer(_ text: String) -> Int? { Int(text) }
}

#if !hasFeature(Embedded)
  extension LiveControl.Kind: Codable {}
  extension LiveControl: Codable {}

  extension LiveControl {
    /// Natively the build runs the cell with its defaults: the control is recorded for the page
    /// to draw, and no value comes back.
    static func declare(_ control: LiveControl) -> String? {
      RecordChannel.shared.write(.control(control))
      return nil
    }
  }
#else
  extension LiveControl {
    /// In the browser the page's values come back, the n-th for the n-th control the cell declares.
    static func declare(_ control: LiveControl) -> String? {
      LiveSession.nextValue()
    }
  }
#endif
