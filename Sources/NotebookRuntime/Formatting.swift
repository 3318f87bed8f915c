#if !hasFeature(Embedded)
  #if canImport(Glibc)
    @preconcurrency import Glibc
  #elseif canImport(Darwin)
    @preconcurrency import Darwin
  #endif
#endif

// What chapter programs use from the C library besides the math, which they take from
// DeepLearning: printf-style formatting and a monotonic clock. Chapter programs do not import
// Foundation, so `exp(x)` on a Double is always the library's reproducible function (with
// Foundation in scope it would be ambiguous with the C library's, which is not the same bits
// on every CPU).
//
// In the browser build (Embedded Swift, no C library) `String(format:)` is `PrintfFormat`, the
// same conversions in plain Swift, exact as glibc's are, so the text is the same bytes; it takes
// one to six arguments of the types in `PrintfArgument`. There is no clock there.

#if !hasFeature(Embedded)
  extension String {
    /// The C library's `printf` formatting of `arguments` (`String(format: "%.4f", x)`), as
    /// Foundation offers it. Decimal conversion in glibc and Darwin is exact, so the text is the
    /// same on every machine.
    @_disfavoredOverload  // where Foundation is imported too (the engine), Foundation's wins
    public init(format: String, _ arguments: any CVarArg...) {
      self = withVaList(arguments) { list in
        var buffer = [CChar](repeating: 0, count: 128)
        let needed = Int(vsnprintf(&buffer, buffer.count, format, list))
        guard needed >= buffer.count else { return String(decodingCString: buffer) }
        return withVaList(arguments) { again in
          buffer = [CChar](repeating: 0, count: needed + 1)
          _ = vsnprintf(&buffer, buffer.count, format, again)
          return String(decodingCString: buffer)
        }
      }
    }
  }

  extension String {
    /// The text of a NUL-terminated C buffer, up to its first NUL.
    init(decodingCString buffer: [CChar]) {
      let bytes = buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
      self = String(decoding: bytes, as: UTF8.self)
    }
  }

  /// Wall-clock time since the watch was made, from the monotonic clock: for timing cells
  /// (which are `volatile`, never compared).
  public struct Stopwatch: Sendable {
    private let start: Double

    /// Starts the watch.
    public init() { start = Stopwatch.now() }

    /// Seconds since the watch was started.
    public var elapsedSeconds: Double { Stopwatch.now() - start }

    private static func now() -> Double {
      var spec = timespec()
      clock_gettime(CLOCK_MONOTONIC, &spec)
      return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }
  }
#else
  extension String {
    /// `printf` formatting in plain Swift (see `PrintfFormat`).
    public init<A: PrintfArgument>(format: String, _ a: A) {
      self = PrintfFormat.format(format, [a.printfValue])
    }
    public init<A: PrintfArgument, B: PrintfArgument>(format: String, _ a: A, _ b: B) {
      self = PrintfFormat.format(format, [a.printfValue, b.printfValue])
    }
    public init<A: PrintfArgument, B: PrintfArgument, C: PrintfArgument>(
      format: String, _ a: A, _ b: B, _ c: C
    ) {
      self = PrintfFormat.format(format, [a.printfValue, b.printfValue, c.printfValue])
    }
    public init<A: PrintfArgument, B: PrintfArgument, C: PrintfArgument, D: PrintfArgument>(
      format: String, _ a: A, _ b: B, _ c: C, _ d: D
    ) {
      self = PrintfFormat.format(format, [a.printfValue, b.printfValue, c.printfValue, d.printfValue])
    }
    public init<
      A: PrintfArgument, B: PrintfArgument, C: PrintfArgument, D: PrintfArgument, E: PrintfArgument
    >(format: String, _ a: A, _ b: B, _ c: C, _ d: D, _ e: E) {
      self = PrintfFormat.format(
        format, [a.printfValue, b.printfValue, c.printfValue, d.printfValue, e.printfValue])
    }
    public init<
      A: PrintfArgument, B: PrintfArgument, C: PrintfArgument, D: PrintfArgument, E: PrintfArgument,
      F: PrintfArgument
    >(format: String, _ a: A, _ b: B, _ c: C, _ d: D, _ e: E, _ f: F) {
      self = PrintfFormat.format(
        format,
        [a.printfValue, b.printfValue, c.printfValue, d.printfValue, e.printfValue, f.printfValue])
    }
  }
#endif
