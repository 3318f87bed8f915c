/// A random number generator that reproduces numpy's legacy `np.random` bit for bit.
///
/// The core is the Mersenne Twister MT19937 seeded like `np.random.seed(n)` (Matsumoto and
/// Nishimura's `init_genrand`). On top of it, `rand` builds a double from two 32-bit draws
/// exactly as numpy does, and `randn` uses numpy's legacy polar method, which produces two
/// Gaussian values per accepted pair and keeps the second one for the next call. So
///
/// ```swift
/// var rng = NumPyRandom(seed: 1)
/// rng.randn(5)   // 1.6243453636632417, -0.6117564136500754, -0.5281717522634557, ...
/// ```
///
/// gives the same numbers as `np.random.seed(1); np.random.randn(5)`, and the course's
/// notebooks reproduce digit for digit.
///
/// `NumPyRandom` is a value type: copying it forks the stream (both copies then produce the
/// same numbers), and every drawing method is `mutating`.
public struct NumPyRandom: Sendable {
  static let stateSize = 624
  static let shift = 397
  static let matrixA: UInt32 = 0x9908_b0df
  static let upperMask: UInt32 = 0x8000_0000
  static let lowerMask: UInt32 = 0x7fff_ffff

  /// The 624 words of the twister's state.
  var state: [UInt32]
  /// The position of the next word to temper; `stateSize` means "twist before drawing".
  var position: Int
  /// The second value of the last polar pair, returned by the next `randn()` (numpy's
  /// `has_gauss`/`gauss`). Survives `rand()` calls; cleared by reseeding.
  var cachedGaussian: Double?

  /// A generator in the state `np.random.seed(seed)` leaves numpy's global generator in.
  public init(seed: UInt32) {
    state = [UInt32](repeating: 0, count: NumPyRandom.stateSize)
    position = NumPyRandom.stateSize
    cachedGaussian = nil
    self.seed(seed)
  }

  /// Reseeds like `np.random.seed(seed)`: `init_genrand`, and forgets a cached Gaussian.
  public mutating func seed(_ seed: UInt32) {
    state.withUnsafeMutableBufferPointer { mt in
      mt[0] = seed
      for i in 1..<NumPyRandom.stateSize {
        mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
      }
    }
    position = NumPyRandom.stateSize
    cachedGaussian = nil
  }

  /// The next raw 32-bit output of MT19937 (tempered).
  public mutating func nextUInt32() -> UInt32 {
    if position >= NumPyRandom.stateSize { twist() }
    var y = state[position]
    position += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9d2c_5680
    y ^= (y << 15) & 0xefc6_0000
    y ^= y >> 18
    return y
  }

  /// Two 32-bit outputs joined high word first, as numpy's `next_uint64` for MT19937.
  mutating func nextUInt64() -> UInt64 {
    let high = UInt64(nextUInt32())
    return high << 32 | UInt64(nextUInt32())
  }

  /// Regenerates all 624 state words (the "twist" of MT19937).
  mutating func twist() {
    state.withUnsafeMutableBufferPointer { mt in
      let n = NumPyRandom.stateSize
      let m = NumPyRandom.shift
      for k in 0..<n {
        let y = (mt[k] & NumPyRandom.upperMask) | (mt[(k + 1) % n] & NumPyRandom.lowerMask)
        let magic = (y & 1) == 0 ? 0 : NumPyRandom.matrixA
        mt[k] = mt[(k + m) % n] ^ (y >> 1) ^ magic
      }
    }
    position = 0
  }

  /// A uniform double in [0, 1) with 53 random bits, as numpy's `np.random.rand()`:
  /// `((a >> 5) * 2^26 + (b >> 6)) / 2^53` from two 32-bit draws `a`, `b`.
  public mutating func rand() -> Double {
    let a = Double(nextUInt32() >> 5)
    let b = Double(nextUInt32() >> 6)
    return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
  }

  /// Uniform doubles in [0, 1) of the given shape, filled in row-major order like
  /// `np.random.rand(d0, d1, ...)`. With no dimensions, a rank-0 tensor.
  public mutating func rand(_ dimensions: Int...) -> Tensor { rand(Shape(dimensions)) }

  /// Uniform doubles in [0, 1) of the given shape (`np.random.random_sample(shape)`).
  public mutating func rand(_ shape: Shape) -> Tensor {
    var values = [Double](repeating: 0, count: shape.elementCount)
    for i in values.indices { values[i] = rand() }
    return Tensor(shape: shape, scalars: values)
  }
}
