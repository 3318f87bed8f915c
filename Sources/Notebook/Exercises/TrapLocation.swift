/// Where a trap happened in the code under test: the innermost frame of the runtime's backtrace
/// that lies in one of the learner's files (or in the chapter's checks), not in the library.
struct TrapLocation: Equatable {
  /// `exercises/linearForward.swift:3:5`.
  var place: String
  /// The function, as the backtrace names it: `linearForward(_:_:_:)`.
  var function: String

  /// The environment that makes a trapping program print its backtrace, crashed thread only.
  static let backtraceSetting =
    "enable=yes,interactive=no,color=no,sanitize=no,threads=crashed,registers=none,images=none"

  /// The innermost frame of `stderr`'s backtrace whose file is one of `files`, or nil.
  ///
  /// A frame reads `2 [ra] 0x0000563bf25250f2 linearForward(_:_:_:) + 81 in t at /tmp/w/x.swift:3:5`.
  init?(backtrace stderr: String, files: Set<String>) {
    for line in stderr.split(separator: "\n") {
      guard let at = line.range(of: " at ", options: .backwards) else { continue }
      let place = line[at.upperBound...]
      let parts = place.split(separator: ":")
      guard parts.count >= 2, parts[1].allSatisfy(\.isNumber), files.contains(String(parts[0])) else {
        continue
      }
      let head = line[..<at.lowerBound]
      var function = ""
      if let address = head.range(of: " 0x"), let plus = head.range(of: " + ", options: .backwards),
        address.upperBound < plus.lowerBound
      {
        let afterAddress = head[address.upperBound...].drop(while: { $0.isHexDigit })
        function = String(afterAddress[..<plus.lowerBound]).trimmingCharacters(in: .whitespaces)
      }
      self.place = String(place)
      self.function = function
      return
    }
    return nil
  }
}
