import Foundation

/// A 128-bit FNV-1a hash for cache keys (not cryptographic; collisions are not a concern for a
/// local build cache).
public struct ContentHash: Sendable {
  private var high: UInt64 = 0x6c62_272e_07bb_0142
  private var low: UInt64 = 0x62b8_2175_6295_c58d

  /// Creates an empty hash.
  public init() {}

  /// Mixes in bytes.
  public mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
    // FNV-128 prime = 2^88 + 0x13B.
    for byte in bytes {
      low ^= UInt64(byte)
      let product = low.multipliedFullWidth(by: 0x13B)
      high = high &* 0x13B &+ product.high &+ (low << 24)
      low = product.low
    }
  }

  /// Mixes in data, preceded by its length so concatenations stay distinct.
  public mutating func combine(_ data: Data) {
    combine(bytes: withUnsafeBytes(of: UInt64(data.count).littleEndian) { Array($0) })
    combine(bytes: data)
  }

  /// Mixes in a string, preceded by its length.
  public mutating func combine(_ text: String) {
    combine(Data(text.utf8))
  }

  /// The hash as 32 lowercase hex digits.
  public var hexDigest: String {
    String(format: "%016llx%016llx", high, low)
  }
}
