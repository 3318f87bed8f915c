/// The library's matrix product in plain Swift, in a summation order fixed by the shapes alone.
///
/// Every element of the result is `c[i][j] = (((0 + a[i][0] b[0][j]) + a[i][1] b[1][j]) + ...) +
/// a[i][k-1] b[k-1][j]`: the products added one after another in the order of `p`, with no
/// fused multiply-add. Blocking (4 × 4 register tiles, panels of 256 along `k`) and SIMD width
/// change only which elements are computed together, never the operations that form one
/// element, so the result is the same bits on every CPU and at every optimization level.
enum MatrixKernel {
  /// The depth of one panel along `k`: partial sums go back to `c` between panels, which
  /// keeps each element's additions in order.
  static let panelDepth = 256

  /// `c = op(a) · op(b)` with `op(a)` of shape `m × k` and `op(b)` of shape `k × n`, all
  /// row-major; `transposeA` reads `a` as stored `k × m`, `transposeB` reads `b` as `n × k`.
  static func multiply(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
    m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool
  ) {
    // a[i][p] = a[i * rowStride + p * depthStride]
    let (rowStride, depthStride) = transposeA ? (1, m) : (k, 1)
    let panel = UnsafeMutablePointer<Double>.allocate(capacity: panelDepth * 4)
    defer { panel.deallocate() }
    var p0 = 0
    while p0 < k {
      let depth = Swift.min(panelDepth, k - p0)
      let first = p0 == 0
      var j = 0
      while j + 4 <= n {
        // The 4 columns j..<j+4 of rows p0..<p0+depth of op(b), contiguous.
        for p in 0..<depth {
          for lane in 0..<4 {
            let row = p0 + p
            let col = j + lane
            panel[p * 4 + lane] = transposeB ? b[col * k + row] : b[row * n + col]
          }
        }
        var i = 0
        while i + 4 <= m {
          tile(
            a + i * rowStride + p0 * depthStride, rowStride: rowStride, depthStride: depthStride,
            panel, c + i * n + j, n: n, depth: depth, first: first)
          i += 4
        }
        while i < m {
          for lane in 0..<4 {
            var s = first ? 0 : c[i * n + j + lane]
            for p in 0..<depth {
              s += a[i * rowStride + (p0 + p) * depthStride] * panel[p * 4 + lane]
            }
            c[i * n + j + lane] = s
          }
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

  /// Four rows times a packed `depth × 4` panel, accumulated onto (or, when `first`, written
  /// into) the 4 × 4 block of `c` at `out` (row stride `n`).
  @inline(__always)
  static func tile(
    _ a: UnsafePointer<Double>, rowStride: Int, depthStride: Int, _ panel: UnsafePointer<Double>,
    _ out: UnsafeMutablePointer<Double>, n: Int, depth: Int, first: Bool
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
      let bv = load(panel + p * 4)
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
