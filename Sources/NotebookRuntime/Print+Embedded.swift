#if hasFeature(Embedded)
  // Embedded Swift's `print` takes one value and a literal terminator. Chapter code prints
  // several values with a separator, as in the full language: these overloads take two to six
  // (a live cell that prints more at once does not compile for the browser, and says so at its
  // line).

  public func print<A: CustomStringConvertible, B: CustomStringConvertible>(
    _ a: A, _ b: B, separator: String = " ", terminator: String = "\n"
  ) {
    printJoined([a.description, b.description], separator, terminator)
  }

  public func print<A: CustomStringConvertible, B: CustomStringConvertible, C: CustomStringConvertible>(
    _ a: A, _ b: B, _ c: C, separator: String = " ", terminator: String = "\n"
  ) {
    printJoined([a.description, b.description, c.description], separator, terminator)
  }

  public func print<A: CustomStringConvertible, B: CustomStringConvertible, C: CustomStringConvertible, D: CustomStringConvertible>(
    _ a: A, _ b: B, _ c: C, _ d: D, separator: String = " ", terminator: String = "\n"
  ) {
    printJoined([a.description, b.description, c.description, d.description], separator, terminator)
  }

  public func print<A: CustomStringConvertible, B: CustomStringConvertible, C: CustomStringConvertible, D: CustomStringConvertible, E: CustomStringConvertible>(
    _ a: A, _ b: B, _ c: C, _ d: D, _ e: E, separator: String = " ", terminator: String = "\n"
  ) {
    printJoined([a.description, b.description, c.description, d.description, e.description], separator, terminator)
  }

  public func print<A: CustomStringConvertible, B: CustomStringConvertible, C: CustomStringConvertible, D: CustomStringConvertible, E: CustomStringConvertible, F: CustomStringConvertible>(
    _ a: A, _ b: B, _ c: C, _ d: D, _ e: E, _ f: F, separator: String = " ", terminator: String = "\n"
  ) {
    printJoined([a.description, b.description, c.description, d.description, e.description, f.description], separator, terminator)
  }

  /// A single value with a terminator that is not a literal.
  public func print<A: CustomStringConvertible>(_ a: A, separator: String = " ", terminator: String) {
    printJoined([a.description], separator, terminator)
  }

  func printJoined(_ parts: [String], _ separator: String, _ terminator: String) {
    var line = ""
    for (index, part) in parts.enumerated() {
      if index > 0 { line += separator }
      line += part
    }
    Swift.print(line + terminator, terminator: "")
  }
#endif
