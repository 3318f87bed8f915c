// Error-free transformations in plain IEEE arithmetic (no fused multiply-add): the building
// blocks that let the library's elementary functions carry about 106 bits where they need them.
// Swift never contracts `a * b + c` into a fused multiply-add, so each line below is exactly the
// sequence of roundings it spells, on every CPU.
//
// The arithmetic of the elementary functions is written once, generic over `RoundingLanes`: a
// Double, or four Doubles in a SIMD vector, each lane computed with the same operations. So the
// functions on a tensor give the scalar functions' bits by construction.

/// A Double or a vector of Doubles: the operations of the elementary functions, lane by lane.
protocol RoundingLanes {
  static func + (a: Self, b: Self) -> Self
  static func - (a: Self, b: Self) -> Self
  static func * (a: Self, b: Self) -> Self
  static func / (a: Self, b: Self) -> Self
  static prefix func - (a: Self) -> Self
  /// `value` in every lane.
  init(lanes value: Double)
}

extension Double: RoundingLanes {
  @inline(__always) init(lanes value: Double) { self = value }
}

extension SIMD4: RoundingLanes where Scalar == Double {
  @inline(__always) init(lanes value: Double) { self.init(repeating: value) }
}

/// `a + b` as the rounded sum and its exact rounding error (Knuth's two-sum).
@inline(__always)
func twoSum<T: RoundingLanes>(_ a: T, _ b: T) -> (T, T) {
  let s = a + b
  let bVirtual = s - a
  let aVirtual = s - bVirtual
  return (s, (a - aVirtual) + (b - bVirtual))
}

/// `a + b` as the rounded sum and its exact rounding error, for `|a| >= |b|` (or `a == 0`).
@inline(__always)
func fastTwoSum<T: RoundingLanes>(_ a: T, _ b: T) -> (T, T) {
  let s = a + b
  return (s, b - (s - a))
}

/// `a` split into a 26-bit head and the rest (Veltkamp), so head products are exact.
@inline(__always)
func veltkampSplit<T: RoundingLanes>(_ a: T) -> (T, T) {
  let c = T(lanes: 134_217_729.0) * a  // 2^27 + 1
  let head = c - (c - a)
  return (head, a - head)
}

/// `a * b` as the rounded product and its exact rounding error (Dekker's product), for operands
/// far from overflow and underflow.
@inline(__always)
func twoProduct<T: RoundingLanes>(_ a: T, _ b: T) -> (T, T) {
  let p = a * b
  let (ah, al) = veltkampSplit(a)
  let (bh, bl) = veltkampSplit(b)
  return (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}
