#if !hasFeature(Embedded)
import Foundation

/// One result a chapter program sends to the engine: a table, a plot or a published value,
/// tagged with the cell that produced it.
///
/// Encoded as one JSON object per line: `{"cell":3,"kind":"table","table":{...}}`,
/// `{"cell":3,"kind":"plot","plot":{...}}`, `{"cell":3,"kind":"publish","name":"n","value":"4"}`.
public struct RuntimeRecord: Codable, Sendable, Equatable {
  /// What a record carries.
  public enum Payload: Sendable, Equatable {
    /// A table passed to `show(_:)`.
    case table(Table)
    /// A plot passed to `show(_:)`.
    case plot(Plot)
    /// A value passed to `publish(_:_:)`, already formatted.
    case publish(name: String, value: String)
    /// A control a live cell declared (`Control.slider` and the like), with its default.
    case control(LiveControl)
  }

  /// The index of the cell that was running (as given to `NotebookSession.beginCell`), or -1
  /// before the first cell.
  public var cell: Int
  /// The table, plot or published value.
  public var payload: Payload

  /// Creates a record for a cell.
  public init(cell: Int, payload: Payload) {
    self.cell = cell
    self.payload = payload
  }

  private enum CodingKeys: String, CodingKey { case cell, kind, table, plot, name, value, control }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    cell = try container.decode(Int.self, forKey: .cell)
    let kind = try container.decode(String.self, forKey: .kind)
    switch kind {
    case "table": payload = .table(try container.decode(Table.self, forKey: .table))
    case "plot": payload = .plot(try container.decode(Plot.self, forKey: .plot))
    case "publish":
      payload = .publish(
        name: try container.decode(String.self, forKey: .name),
        value: try container.decode(String.self, forKey: .value))
    case "control": payload = .control(try container.decode(LiveControl.self, forKey: .control))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .kind, in: container, debugDescription: "unknown record kind '\(kind)'")
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(cell, forKey: .cell)
    switch payload {
    case .table(let table):
      try container.encode("table", forKey: .kind)
      try container.encode(table, forKey: .table)
    case .plot(let plot):
      try container.encode("plot", forKey: .kind)
      try container.encode(plot, forKey: .plot)
    case .publish(let name, let value):
      try container.encode("publish", forKey: .kind)
      try container.encode(name, forKey: .name)
      try container.encode(value, forKey: .value)
    case .control(let control):
      try container.encode("control", forKey: .kind)
      try container.encode(control, forKey: .control)
    }
  }
}

extension RuntimeRecord {
  /// The record as one line of JSON (sorted keys, no trailing newline); NaN and infinities are
  /// written as the strings `"nan"`, `"inf"`, `"-inf"`.
  public func jsonLine() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(self)
  }

  /// Decodes one JSON line written by `jsonLine()`.
  public static func decode(line: Data) throws -> RuntimeRecord {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try decoder.decode(RuntimeRecord.self, from: line)
  }

  /// Decodes every record of a records file (one JSON object per line; blank lines skipped).
  ///
  /// A final line without its newline (a program killed while writing) is ignored if it does
  /// not decode; any other bad line throws.
  public static func decodeAll(from data: Data) throws -> [RuntimeRecord] {
    let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    var records: [RuntimeRecord] = []
    for (index, line) in lines.enumerated() where !line.isEmpty {
      do {
        records.append(try decode(line: Data(line)))
      } catch {
        let isUnterminatedLast = index == lines.count - 1 && data.last != UInt8(ascii: "\n")
        if !isUnterminatedLast { throw error }
      }
    }
    return records
  }
}
#endif
