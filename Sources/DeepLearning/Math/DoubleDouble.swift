// Error-free transformations in plain IEEE arithmetic (no fused multiply-add): the building
// blocks that let the library's elementary functions carry about 106 bits where they need them.
// Swift never contracts `a * b + c` into a fused multiply-add, so each line below is exactly the
// sequence of roundings it spells, on every CPU.

/// `a + b` as the rounded sum and its exact rounding error (Knuth's two-sum).
@inline(__always)
func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
  let s = a + b
  let bVirtual = s - a
  let aVirtual = s - bVirtual
  return (s, (a - aVirtual) + (b - bVirtual))
}

/// `a + b` as the rounded sum and its exact rounding error, for `|a| >= |b|` (or `a == 0`).
@inline(__always)
func fastTwoSum(_ a: Double, _ b: Double) -> (Double, Double) {
  let s = a + b
  return (s, b - (s - a))
}

/// `a` split into a 26-bit head and the rest (Veltkamp), so head products are exact.
@inline(__always)
func veltkampSplit(_ a: Double) -> (Double, Double) {
  let c = 134_217_729.0 * a  // 2^27 + 1
  let head = c - (c - a)
  return (head, a - head)
}

/// `a * b` as the rounded product and its exact rounding error (Dekker's product), for operands
/// far from overflow and underflow.
@inline(__always)
func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
  let p = a * b
  let (ah, al) = veltkampSplit(a)
  let (bh, bl) = veltkampSplit(b)
  return (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}
