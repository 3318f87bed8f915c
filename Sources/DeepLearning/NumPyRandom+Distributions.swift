extension NumPyRandom {
  /// A standard normal value by numpy's legacy polar method (`np.random.randn()`).
  ///
  /// Each accepted pair `(x1, x2)` in the unit disc yields two values: this call returns
  /// `f * x2` and keeps `f * x1` for the next call, exactly as numpy's `legacy_gauss`.
  public mutating func randn() -> Double {
    if let cached = cachedGaussian {
      cachedGaussian = nil
      return cached
    }
    var x1 = 0.0
    var x2 = 0.0
    var r2 = 0.0
    repeat {
      x1 = 2.0 * rand() - 1.0
      x2 = 2.0 * rand() - 1.0
      r2 = x1 * x1 + x2 * x2
    } while r2 >= 1.0 || r2 == 0.0
    let f = (-2.0 * log(r2) / r2).squareRoot()
    cachedGaussian = f * x1
    return f * x2
  }

  /// Standard normal values of the given shape, in row-major order like
  /// `np.random.randn(d0, d1, ...)`. With no dimensions, a rank-0 tensor.
  public mutating func randn(_ dimensions: Int...) -> Tensor { randn(Shape(dimensions)) }

  /// Standard normal values of the given shape (`np.random.standard_normal(shape)`).
  public mutating func randn(_ shape: Shape) -> Tensor {
    var values = [Double](repeating: 0, count: shape.elementCount)
    for i in values.indices { values[i] = randn() }
    return Tensor(shape: shape, scalars: values)
  }

  /// One integer in `low..<high`, as `np.random.randint(low, high)`.
  public mutating func randint(_ low: Int, _ high: Int) -> Int {
    randint(low, high, count: 1)[0]
  }

  /// `count` integers in `low..<high`, as `np.random.randint(low, high, size=count)`.
  ///
  /// numpy's legacy generator draws with a bit mask and rejection: a 32-bit draw (or a 64-bit
  /// one for ranges wider than 2^32) is masked to the smallest `2^k - 1` covering the range
  /// and redrawn while it exceeds it. An empty range (`high == low + 1`) draws nothing.
  public mutating func randint(_ low: Int, _ high: Int, count: Int) -> [Int] {
    guard low < high else { fatalError("randint: high <= low (low \(low), high \(high))") }
    guard count >= 0 else { fatalError("randint: negative count \(count)") }
    let range = UInt64(bitPattern: Int64(high &- low &- 1))
    var result = [Int](repeating: low, count: count)
    guard range > 0 else { return result }
    for i in 0..<count {
      result[i] = low &+ Int(truncatingIfNeeded: boundedMasked(range))
    }
    return result
  }

  /// A random permutation of `0..<n`, as `np.random.permutation(n)`.
  public mutating func permutation(_ n: Int) -> [Int] {
    var values = Array(0..<max(n, 0))
    shuffle(&values)
    return values
  }

  /// Shuffles an array in place like `np.random.shuffle`: Fisher-Yates from the last element
  /// down, swapping element `i` with a uniformly drawn `j` in `0...i`.
  public mutating func shuffle<Element>(_ array: inout [Element]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      let j = Int(boundedMasked(UInt64(i)))
      array.swapAt(i, j)
    }
  }

  /// A uniform integer in `0...maximum` by masked rejection (numpy's `random_interval` and
  /// `buffered_bounded_masked_uint32/64`; the two agree for MT19937).
  mutating func boundedMasked(_ maximum: UInt64) -> UInt64 {
    guard maximum > 0 else { return 0 }
    var mask = maximum
    mask |= mask >> 1
    mask |= mask >> 2
    mask |= mask >> 4
    mask |= mask >> 8
    mask |= mask >> 16
    mask |= mask >> 32
    if maximum <= 0xffff_ffff {
      let mask32 = UInt32(mask)
      let maximum32 = UInt32(maximum)
      while true {
        let value = nextUInt32() & mask32
        if value <= maximum32 { return UInt64(value) }
      }
    }
    while true {
      let value = nextUInt64() & mask
      if value <= maximum { return value }
    }
  }
}
