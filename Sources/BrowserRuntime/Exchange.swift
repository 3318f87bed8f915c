/// How JavaScript and the module pass text: JavaScript asks for room with `input_reserve`,
/// writes UTF-8 there and calls an export with the byte count; what Swift prints lands in the
/// output buffer of `runtime.c` (`output_pointer`, `output_length`, `output_reset`).
nonisolated(unsafe) private var input: UnsafeMutablePointer<UInt8>? = nil
nonisolated(unsafe) private var inputCapacity = 0

/// Room for `count` bytes of input, valid until the next call.
@_expose(wasm, "input_reserve")
@_cdecl("input_reserve")
public func inputReserve(_ count: Int32) -> UnsafeMutablePointer<UInt8> {
  let wanted = max(Int(count), 1)
  if wanted > inputCapacity {
    input?.deallocate()
    input = UnsafeMutablePointer<UInt8>.allocate(capacity: wanted)
    inputCapacity = wanted
  }
  return input!
}

/// The first `count` bytes of the input buffer as a string.
func inputText(_ count: Int32) -> String {
  guard count > 0, let input else { return "" }
  return String(decoding: UnsafeBufferPointer(start: input, count: Int(count)), as: UTF8.self)
}
