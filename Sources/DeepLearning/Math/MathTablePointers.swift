/// The tables of MathTables.swift as plain pointers, made once: the elementary functions index
/// them without the array's checks, and a loop over a buffer reads `shared` once, outside.
struct MathTablePointers: @unchecked Sendable {
  let expScaleBits: UnsafePointer<UInt64>
  let expTail: UnsafePointer<Double>
  let logInvC: UnsafePointer<Double>
  let logCHi: UnsafePointer<Double>
  let logCLo: UnsafePointer<Double>

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
  }
}
