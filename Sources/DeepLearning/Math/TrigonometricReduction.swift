// The argument reduction of sine and cosine: x = n pi/2 + y with |y| <= pi/4 (a hair more at
// the edges), y as a double-double accurate to about 2^-75 relative for every finite double,
// in a fixed sequence of IEEE and integer operations.
//
// |x| < 2^20: Cody-Waite, pi/2 in four parts, the first three of 33 bits so that n times each
// is exact. The double nearest to a multiple of pi/2 in that range (321307.9594422229, 204551
// pi/2) is 2^-54 from it, and the reduction's error is below 2^-125.
// |x| >= 2^20: Payne-Hanek. x = m 2^e with m a 53-bit integer; x 2/pi modulo 4 needs only the
// bits of 2/pi from 2^(1-e) on, so 192 of them, multiplied by m in integer arithmetic, give the
// quadrant and 190 bits of the fraction. The nearest any double comes to a multiple of pi/2 is
// about 2^-61 (x = 6381956970095103 2^797), far above the 2^-137 this keeps.

/// `x = n pi/2 + (y + yTail)` for finite `x`, `|yTail| <= ulp(y) / 2`.
@inline(__always)
func trigonometricReduction(_ x: Double) -> (n: Int, y: Double, yTail: Double) {
  let a = Swift.abs(x)
  if a < 0x1.921fb54442d18p-1 { return (0, x, 0) }
  if a < 0x1p20 { return codyWaiteReduction(x) }
  let (n, y, yTail) = payneHanekReduction(a)
  return x < 0 ? (-n, -y, -yTail) : (n, y, yTail)
}

/// The reduction for |x| < 2^20: x - n (p1 + p2 + p3 + p4), n p1, n p2 and n p3 exact.
@inline(__always)
func codyWaiteReduction(_ x: Double) -> (n: Int, y: Double, yTail: Double) {
  let fn = (x * MathTables.twoOverPi).rounded(.toNearestOrEven)
  // fn p1 is within a factor of two of x (or fn is 0): the difference is exact.
  let r1 = x - fn * MathTables.piOver2Part1
  let (h1, e1) = twoSum(r1, -fn * MathTables.piOver2Part2)
  let (h2, e2) = twoSum(h1, -fn * MathTables.piOver2Part3)
  let (h3, e3) = twoSum(h2, -fn * MathTables.piOver2Part4)
  let (y, yTail) = fastTwoSum(h3, e1 + e2 + e3)
  return (Int(fn), y, yTail)
}

/// Bits `b_i ... b_(i+63)` of 2/pi = sum of b_i 2^-i, as one word (zeros for i < 1).
@inline(__always)
func twoOverPiWord(_ i: Int) -> UInt64 {
  if i < 1 {
    return i <= -63 ? 0 : twoOverPiWord(1) >> UInt64(1 - i)
  }
  let k = (i - 1) >> 6
  let shift = UInt64((i - 1) & 63)
  let words = MathTables.twoOverPiBits
  if shift == 0 { return words[k] }
  return (words[k] << shift) | (words[k + 1] >> (64 - shift))
}

/// The reduction for finite `a >= 2^20` (Payne-Hanek), in integer arithmetic.
@inline(never)
func payneHanekReduction(_ a: Double) -> (n: Int, y: Double, yTail: Double) {
  let m = a.significandBitPattern | (1 << 52)
  let e = Int(a.exponent) - 52
  // a 2/pi = m sum b_i 2^(e - i); the terms with i <= e - 2 are multiples of 4. With W the
  // integer b_(e-1) ... b_(e+190), a 2/pi = m W 2^-190 (mod 4), less than 2^-137 left out.
  let w0 = twoOverPiWord(e - 1)
  let w1 = twoOverPiWord(e + 63)
  let w2 = twoOverPiWord(e + 127)
  let (h2, l2) = m.multipliedFullWidth(by: w2)
  let (h1, l1) = m.multipliedFullWidth(by: w1)
  let l0 = m &* w0
  // The product's words from the least significant; the top one only matters modulo 4.
  let r3 = l2
  let (r2, carry) = h2.addingReportingOverflow(l1)
  let r1 = h1 &+ l0 &+ (carry ? 1 : 0)
  var n = Int(r1 >> 62)
  // The fraction, 192 bits left-aligned in three words.
  var f0 = (r1 << 2) | (r2 >> 62)
  var f1 = (r2 << 2) | (r3 >> 62)
  var f2 = r3 << 2
  var negative = false
  if f0 >> 63 == 1 {
    // A fraction of a half or more: one quadrant on, and the fraction 1 - f taken negative.
    n += 1
    negative = true
    f2 = ~f2 &+ 1
    f1 = ~f1 &+ (f2 == 0 ? 1 : 0)
    f0 = ~f0 &+ (f1 == 0 && f2 == 0 ? 1 : 0)
  }
  var exponent = 0
  guard f0 | f1 | f2 != 0 else { return (n, 0, 0) }
  while f0 == 0 {
    (f0, f1, f2) = (f1, f2, 0)
    exponent -= 64
  }
  let zeros = f0.leadingZeroBitCount
  if zeros > 0 {
    let back = UInt64(64 - zeros)
    f0 = (f0 << UInt64(zeros)) | (f1 >> back)
    f1 = (f1 << UInt64(zeros)) | (f2 >> back)
  }
  exponent -= zeros
  // f = (f0 2^-64 + f1 2^-128) 2^exponent, split into 53 bits and the 64 after them.
  let head = Double(f0 >> 11) * Double(sign: .plus, exponent: exponent - 53, significand: 1)
  let rest = (f0 & 0x7ff) << 53 | (f1 >> 11)
  let tail = Double(rest) * Double(sign: .plus, exponent: exponent - 117, significand: 1)
  // y = f pi/2 as a double-double.
  let (p, pe) = twoProduct(head, MathTables.piOver2Hi)
  let low = pe + (head * MathTables.piOver2Lo + tail * MathTables.piOver2Hi)
  let (y, yTail) = fastTwoSum(p, low)
  return negative ? (n, -y, -yTail) : (n, y, yTail)
}
