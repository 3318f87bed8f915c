/// The tables of MathTables.swift as plain pointers, made once: the elementary functions index
/// them without the array's checks, and a loop over a buffer reads `shared` once, outside.
struct MathTablePointers: @unchecked Sendable {
  let expScaleBits: UnsafePointer<UInt64>
  let expTail: UnsafePointer<Double>
  let logInvC: UnsafePointer<Double>
  let logCHi: UnsafePointer<Double>
  let logCLo: UnsafePointer<Double>
  /// The exponential's entries side by side for the vector kernels, one load per lane: the
  /// scale's bits (as a Double) and the tail.
  let expPairs: UnsafePointer<SIMD2<Double>>

  /// The one copy, never freed.
  static let shared = MathTablePointers()

  private init() {
    func copy<T>(_ values: [T]) -> UnsafePointer<T> {
      let pointer = UnsafeMutablePointer<T>.allocate(capacity: values.count)
      pointer.initialize(from: values, count: values.count)
      return UnsafePointer(pointer)
    }
    expScaleBits = copy(MathTables.expScaleBits)
    expTail = copy(MathTables.expTail)
    logInvC = copy(MathTables.logInvC)
    logCHi = copy(MathTables.logCHi)
    logCLo = copy(MathTables.logCLo)
    expPairs = copy(
      zip(MathTables.expScaleBits, MathTables.expTail).map { SIMD2(Double(bitPattern: $0), $1) })
  }
}
