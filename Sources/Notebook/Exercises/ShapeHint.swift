import Foundation

/// The likely cause of a wrong shape, as a learner of numpy would recognize it.
enum ShapeHint {
  /// numpy's notation for a shape: `(2, 4)`, `(3,)`, `()`.
  static func text(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
  }

  /// A short guess at why a value has shape `actual` where `expected` belongs, or nil.
  static func cause(actual: [Int], expected: [Int]) -> String? {
    let count = { (shape: [Int]) in shape.reduce(1, *) }
    if actual.count == 2, expected.count == 2, actual == expected.reversed() {
      return "a transpose? (a matrix product with the factors' roles swapped, or a missing .T)"
    }
    if expected.count == 2, actual.count == 1, expected.contains(1), count(expected) == actual[0] {
      return "a rank-1 array where a \(expected[1] == 1 ? "column" : "row") belongs: "
        + "a sum without keepDims: true, or a missing .reshaped(\(expected[0]), \(expected[1]))?"
    }
    if expected.count == 1, actual.count == 2, actual.contains(1), count(actual) == expected[0] {
      return "a column or row where a rank-1 array belongs: a sum with keepDims: true, or a reshape too many?"
    }
    if expected.count == 2, actual.count == 2, expected[1] == 1, actual[0] == expected[0], actual[1] > 1 {
      return "not summed over the examples: a missing .sum(axis: 1, keepDims: true)?"
    }
    if expected.count == 2, actual.count == 2, expected[1] == 1, actual[0] == 1 {
      return "summed over the wrong axis: axis 0 where axis 1 belongs?"
    }
    if expected.count == 2, actual.count == 2, expected.contains(1), actual[0] == actual[1],
      actual[0] == count(expected)
    {
      return "broadcasting made a matrix: a rank-1 (n,) array met an (n, 1) column, or a bias of shape (n,)?"
    }
    if expected.isEmpty, count(actual) == 1 {
      return "an array of one element where a number belongs: take its .scalar or its .sum()?"
    }
    if expected.count == 2, actual.count == 2, expected[0] == actual[0] || expected[1] == actual[1] {
      return
        "a matrix product with the wrong factor, a factor transposed, or an elementwise * where dot belongs?"
    }
    if count(actual) == count(expected) {
      return "the right numbers in the wrong arrangement: a reshape to the wrong shape?"
    }
    return nil
  }

  /// For a broadcasting trap between an `(a, b)` and a `(b, c)`: the likely cause, an
  /// elementwise `*` where a matrix product belongs (empty otherwise).
  static func broadcast(_ message: String) -> String {
    guard let range = message.range(of: "broadcast together with shapes ") else { return "" }
    let shapes = message[range.upperBound...].split(separator: " ").prefix(2).map { text in
      text.trimmingCharacters(in: CharacterSet(charactersIn: "()")).split(separator: ",").compactMap {
        Int($0)
      }
    }
    guard shapes.count == 2, shapes[0].count == 2, shapes[1].count == 2, shapes[0][1] == shapes[1][0] else {
      return ""
    }
    return
      "\n\(text(shapes[0])) and \(text(shapes[1])) fit a matrix product: an elementwise * where dot belongs?"
  }
}
