/// How JavaScript passes text to the module's exports: it writes UTF-8 into the buffer
/// `input_reserve` gives (in `runtime.c`) and passes the byte count; what Swift prints lands in
/// the output buffer there (`output_pointer`, `output_length`, `output_reset`).
@_extern(c, "input_pointer") func inputPointer() -> UnsafeMutablePointer<UInt8>?

/// The first `count` bytes of the input buffer as a string.
func inputText(_ count: Int32) -> String {
  guard count > 0, let input = inputPointer() else { return "" }
  return String(decoding: UnsafeBufferPointer(start: input, count: Int(count)), as: UTF8.self)
}
