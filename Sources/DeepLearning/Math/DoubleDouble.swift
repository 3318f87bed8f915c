// Error-free transformations: the building blocks that let the library's elementary functions
// carry about 106 bits where they need them. Swift never contracts `a * b + c` into a fused
// multiply-add, so each line below is exactly the sequence of roundings it spells, on every
// CPU; the one fused multiply-add (in `twoProduct`) forms an exact result.
//
// The arithmetic of the elementary functions is written once, generic over `RoundingLanes`: a
// Double, or four or eight Doubles in a SIMD vector, each lane computed with the same
// operations. So the functions on a tensor give the scalar functions' bits by construction.

/// A Double or a vector of Doubles: the operations of the elementary functions, lane by lane.
protocol RoundingLanes {
  static func + (a: Self, b: Self) -> Self
  static func - (a: Self, b: Self) -> Self
  static func * (a: Self, b: Self) -> Self
  static func / (a: Self, b: Self) -> Self
  static prefix func - (a: Self) -> Self
  /// `value` in every lane.
  init(lanes value: Double)
  /// `a * b - product` in one rounding: a fused multiply-add, which the building CPU has.
  static func fusedProductError(_ a: Self, _ b: Self, product: Self) -> Self
}

extension Double: RoundingLanes {
  @inline(__always) init(lanes value: Double) { self = value }
  @inline(__always) static func fusedProductError(_ a: Double, _ b: Double, product: Double) -> Double {
    (-product).addingProduct(a, b)
  }
}

extension SIMD4: RoundingLanes where Scalar == Double {
  @inline(__always) init(lanes value: Double) { self.init(repeating: value) }
  @inline(__always) static func fusedProductError(_ a: Self, _ b: Self, product: Self) -> Self {
    (-product).addingProduct(a, b)
  }
}

extension SIMD8: RoundingLanes where Scalar == Double {
  @inline(__always) init(lanes value: Double) { self.init(repeating: value) }
  @inline(__always) static func fusedProductError(_ a: Self, _ b: Self, product: Self) -> Self {
    (-product).addingProduct(a, b)
  }
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

/// `a * b` as the rounded product and its exact rounding error, for operands far from overflow
/// and underflow (products and their errors normal numbers).
///
/// The error is exact, so how it is found does not change a bit: where the building CPU has a
/// fused multiply-add (compiled with `FUSED_MULTIPLY_ADD`, see Package.swift) it is one
/// instruction, elsewhere Dekker's product. `ElementaryFunctionBitsTests` pins the results.
@inline(__always)
func twoProduct<T: RoundingLanes>(_ a: T, _ b: T) -> (T, T) {
  #if FUSED_MULTIPLY_ADD
    let p = a * b
    return (p, T.fusedProductError(a, b, product: p))
  #else
    return dekkerProduct(a, b)
  #endif
}

/// `c - a * b` rounded once, for `c` within a factor of two of the rounded product (so that
/// `c` minus it is exact, by Sterbenz's lemma): a quotient's remainder. Where the CPU fuses it is
/// one fused multiply-add; elsewhere the exact difference less the product's exact error,
/// which rounds the same value once.
@inline(__always)
func productRemainder<T: RoundingLanes>(_ c: T, _ a: T, _ b: T) -> T {
  #if FUSED_MULTIPLY_ADD
    return T.fusedProductError(-a, b, product: -c)
  #else
    let (p, pErr) = dekkerProduct(a, b)
    return (c - p) - pErr
  #endif
}

/// `a * b` as the rounded product and its exact rounding error in plain IEEE arithmetic
/// (Dekker's product), for operands far from overflow and underflow.
@inline(__always)
func dekkerProduct<T: RoundingLanes>(_ a: T, _ b: T) -> (T, T) {
  let p = a * b
  let (ah, al) = veltkampSplit(a)
  let (bh, bl) = veltkampSplit(b)
  return (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}
