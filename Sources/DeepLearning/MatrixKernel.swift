#if !hasFeature(Embedded)
  import Dispatch
#endif

/// The library's matrix product in plain Swift, in a summation order fixed by the shapes alone.
///
/// Every element of the result is `c[i][j] = (((0 + a[i][0] b[0][j]) + a[i][1] b[1][j]) + ...) +
/// a[i][k-1] b[k-1][j]`: the products added one after another in the order of `p`, with no
/// fused multiply-add. Blocking (4 × 4 register tiles, panels of 256 along `k`), packing and SIMD width
/// change only which elements are computed together, never the operations that form one
/// element, so the result is the same bits on every CPU and at every optimization level.
/// Large products split their rows among threads; a row's elements are computed by one thread
/// in the same order whatever the split, so the thread count changes nothing either.
enum MatrixKernel {
  /// The number of multiply-adds from which a product splits its rows among threads.
  static let threadedWork = 1 << 21
  /// The depth of one panel along `k`: partial sums go back to `c` between panels, which
  /// keeps each element's additions in order.
  static let panelDepth = 256
  /// The rows of one block (see ``multiplyRows(_:_:_:m:n:k:rowStride:depthStride:transposeB:)``).
  static let blockRows = 128

  /// `c = op(a) · op(b)` with `op(a)` of shape `m × k` and `op(b)` of shape `k × n`, all
  /// row-major; `transposeA` reads `a` as stored `k × m`, `transposeB` reads `b` as `n × k`.
  static func multiply(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
    m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool
  ) {
    // a[i][p] = a[i * rowStride + p * depthStride]
    let (rowStride, depthStride) = transposeA ? (1, m) : (k, 1)
    let wanted = m * n * k >= threadedWork ? Swift.min(8, m / 32) : 1
    #if !hasFeature(Embedded)
    if wanted > 1 {
      // Row ranges of a multiple of 4 rows, one per task, covering all m rows.
      let rowsPerChunk = ((m + wanted - 1) / wanted + 3) / 4 * 4
      let chunks = (m + rowsPerChunk - 1) / rowsPerChunk
      let address = (UInt(bitPattern: a), UInt(bitPattern: b), UInt(bitPattern: c))
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let first = chunk * rowsPerChunk
        let rows = Swift.min(rowsPerChunk, m - first)
        guard rows > 0 else { return }
        let a = UnsafePointer<Double>(bitPattern: address.0)!
        let b = UnsafePointer<Double>(bitPattern: address.1)!
        let c = UnsafeMutablePointer<Double>(bitPattern: address.2)!
        multiplyRows(
          a + first * rowStride, b, c + first * n, m: rows, n: n, k: k, rowStride: rowStride,
          depthStride: depthStride, transposeB: transposeB)
      }
      return
    }
    #endif
    multiplyRows(
      a, b, c, m: m, n: n, k: k, rowStride: rowStride, depthStride: depthStride,
      transposeB: transposeB)
  }

  /// `c = op(a) · op(b)` for `m` rows of `op(a)`, `op(a)[i][p] = a[i * rowStride + p * depthStride]`.
  static func multiplyRows(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
    m: Int, n: Int, k: Int, rowStride: Int, depthStride: Int, transposeB: Bool
  ) {
    // Blocks of 128 rows: a block's panel of op(a) (128 × 256, 256 KiB) stays in cache while
    // every 4-column strip of op(b) passes by.
    if m > blockRows {
      var first = 0
      while first < m {
        multiplyRows(
          a + first * rowStride, b, c + first * n, m: Swift.min(blockRows, m - first), n: n, k: k,
          rowStride: rowStride, depthStride: depthStride, transposeB: transposeB)
        first += blockRows
      }
      return
    }
    if m * n <= 16 && k > 4 {
      smallResult(
        a, b, c, m: m, n: n, k: k, rowStride: rowStride, depthStride: depthStride,
        transposeB: transposeB)
      return
    }
    let panel = UnsafeMutablePointer<Double>.allocate(capacity: panelDepth * 4)
    defer { panel.deallocate() }
    // A row-major op(b) with a short k is read in place; otherwise its 4-column strip is packed.
    let packs = transposeB || k > 64
    var p0 = 0
    while p0 < k {
      let depth = Swift.min(panelDepth, k - p0)
      let first = p0 == 0
      var j = 0
      while j + 4 <= n {
        let strip: UnsafePointer<Double>
        let stripStride: Int
        if packs {
          // The 4 columns j..<j+4 of rows p0..<p0+depth of op(b), contiguous.
          if transposeB {
            for p in 0..<depth {
              for lane in 0..<4 { panel[p * 4 + lane] = b[(j + lane) * k + p0 + p] }
            }
          } else {
            for p in 0..<depth {
              for lane in 0..<4 { panel[p * 4 + lane] = b[(p0 + p) * n + j + lane] }
            }
          }
          (strip, stripStride) = (UnsafePointer(panel), 4)
        } else {
          (strip, stripStride) = (b + p0 * n + j, n)
        }
        var i = 0
        while i + 4 <= m {
          tile(
            a + i * rowStride + p0 * depthStride, rowStride: rowStride, depthStride: depthStride,
            strip, stripStride: stripStride, c + i * n + j, n: n, depth: depth, first: first)
          i += 4
        }
        while i < m {
          rowTile(
            a + i * rowStride + p0 * depthStride, depthStride: depthStride, strip,
            stripStride: stripStride, c + i * n + j, depth: depth, first: first)
          i += 1
        }
        j += 4
      }
      // The last n % 4 columns, element by element in the same order.
      while j < n {
        for i in 0..<m {
          var s = first ? 0 : c[i * n + j]
          for p in p0..<(p0 + depth) {
            let bValue = transposeB ? b[j * k + p] : b[p * n + j]
            s += a[i * rowStride + p * depthStride] * bValue
          }
          c[i * n + j] = s
        }
        j += 1
      }
      p0 += depth
    }
  }

  /// A product with at most 16 result elements and a long `k` (a small layer's `dW = dZ A.T`):
  /// the row of `op(a)` and the column of `op(b)` that meet in each result element are packed
  /// lane by lane, four elements to a vector, and two vectors accumulate side by side. Each
  /// lane still adds its products in the order of `p`.
  static func smallResult(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
    m: Int, n: Int, k: Int, rowStride: Int, depthStride: Int, transposeB: Bool
  ) {
    typealias Lanes = SIMD4<Double>
    let count = m * n
    let pairs = (count + 7) / 8
    // left[(g * k + p) * 4 + l] = op(a)[i][p] and right[...] = op(b)[p][j] for the element
    // g * 4 + l = i * n + j; lanes past the last element stay zero.
    let size = pairs * 2 * k * 4
    let left = UnsafeMutablePointer<Double>.allocate(capacity: size)
    let right = UnsafeMutablePointer<Double>.allocate(capacity: size)
    defer {
      left.deallocate()
      right.deallocate()
    }
    // The lanes past the last element add zeros; every other lane is written below.
    for element in count..<(pairs * 8) {
      for p in 0..<k {
        left[(element / 4) * k * 4 + p * 4 + element % 4] = 0
        right[(element / 4) * k * 4 + p * 4 + element % 4] = 0
      }
    }
    let bStep = transposeB ? 1 : n
    for element in 0..<count {
      let (i, j) = (element / n, element % n)
      var target = left + (element / 4) * k * 4 + element % 4
      var source = a + i * rowStride
      for _ in 0..<k {
        target.pointee = source.pointee
        target += 4
        source += depthStride
      }
      target = right + (element / 4) * k * 4 + element % 4
      source = transposeB ? b + j * k : b + j
      for _ in 0..<k {
        target.pointee = source.pointee
        target += 4
        source += bStep
      }
    }
    for pair in 0..<pairs {
      var x0 = UnsafeRawPointer(left + pair * 2 * k * 4)
      var y0 = UnsafeRawPointer(right + pair * 2 * k * 4)
      var x1 = x0 + k * 32
      var y1 = y0 + k * 32
      var s0 = Lanes()
      var s1 = Lanes()
      for _ in 0..<k {
        s0 = s0 + x0.loadUnaligned(as: Lanes.self) * y0.loadUnaligned(as: Lanes.self)
        s1 = s1 + x1.loadUnaligned(as: Lanes.self) * y1.loadUnaligned(as: Lanes.self)
        x0 += 32
        y0 += 32
        x1 += 32
        y1 += 32
      }
      let first = pair * 8
      for l in 0..<4 {
        if first + l < count { c[first + l] = s0[l] }
        if first + 4 + l < count { c[first + 4 + l] = s1[l] }
      }
    }
  }

  /// Four rows times a packed `depth × 4` panel, accumulated onto (or, when `first`, written
  /// into) the 4 × 4 block of `c` at `out` (row stride `n`).
  @inline(__always)
  static func tile(
    _ a: UnsafePointer<Double>, rowStride: Int, depthStride: Int, _ panel: UnsafePointer<Double>,
    stripStride: Int, _ out: UnsafeMutablePointer<Double>, n: Int, depth: Int, first: Bool
  ) {
    typealias Lanes = SIMD4<Double>
    func load(_ pointer: UnsafePointer<Double>) -> Lanes {
      UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
    }
    var c0 = first ? Lanes() : load(out)
    var c1 = first ? Lanes() : load(out + n)
    var c2 = first ? Lanes() : load(out + 2 * n)
    var c3 = first ? Lanes() : load(out + 3 * n)
    let a0 = a
    let a1 = a + rowStride
    let a2 = a + 2 * rowStride
    let a3 = a + 3 * rowStride
    for p in 0..<depth {
      let bv = load(panel + p * stripStride)
      let offset = p * depthStride
      c0 = c0 + Lanes(repeating: a0[offset]) * bv
      c1 = c1 + Lanes(repeating: a1[offset]) * bv
      c2 = c2 + Lanes(repeating: a2[offset]) * bv
      c3 = c3 + Lanes(repeating: a3[offset]) * bv
    }
    UnsafeMutableRawPointer(out).storeBytes(of: c0, as: Lanes.self)
    UnsafeMutableRawPointer(out + n).storeBytes(of: c1, as: Lanes.self)
    UnsafeMutableRawPointer(out + 2 * n).storeBytes(of: c2, as: Lanes.self)
    UnsafeMutableRawPointer(out + 3 * n).storeBytes(of: c3, as: Lanes.self)
  }

  /// One row times a `depth × 4` strip, onto (or, when `first`, into) four elements of `c`.
  @inline(__always)
  static func rowTile(
    _ a: UnsafePointer<Double>, depthStride: Int, _ strip: UnsafePointer<Double>,
    stripStride: Int, _ out: UnsafeMutablePointer<Double>, depth: Int, first: Bool
  ) {
    typealias Lanes = SIMD4<Double>
    var s = first ? Lanes() : UnsafeRawPointer(out).loadUnaligned(as: Lanes.self)
    for p in 0..<depth {
      let bv = UnsafeRawPointer(strip + p * stripStride).loadUnaligned(as: Lanes.self)
      s = s + Lanes(repeating: a[p * depthStride]) * bv
    }
    UnsafeMutableRawPointer(out).storeBytes(of: s, as: Lanes.self)
  }

  /// The inner product of two `count`-element vectors in a fixed order: eight interleaved
  /// partial sums (element `p` goes to sum `p % 8`, in order), then combined pairwise as
  /// `((s0 + s4) + (s2 + s6)) + ((s1 + s5) + (s3 + s7))`, then the last `count % 8` products.
  static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
    typealias Lanes = SIMD8<Double>
    var sums = Lanes()
    var p = 0
    while p + 8 <= count {
      let x = UnsafeRawPointer(a + p).loadUnaligned(as: Lanes.self)
      let y = UnsafeRawPointer(b + p).loadUnaligned(as: Lanes.self)
      sums = sums + x * y
      p += 8
    }
    var s =
      ((sums[0] + sums[4]) + (sums[2] + sums[6])) + ((sums[1] + sums[5]) + (sums[3] + sums[7]))
    while p < count {
      s += a[p] * b[p]
      p += 1
    }
    return s
  }
}
