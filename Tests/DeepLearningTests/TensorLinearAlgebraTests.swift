import Testing

@testable import DeepLearning

@Suite struct TensorLinearAlgebraTests {
  let a: Tensor = [[1, 2, 3], [4, 5, 6]]

  @Test func dotOfVectorsIsRankZero() {
    let d = dot(Tensor([1, 2, 3]), Tensor([4, 5, 6]))
    #expect(d.shape == [])
    #expect(d.scalar == 32)
  }

  @Test func dotOfMatricesIsMatrixProduct() {
    #expect(dot(a, a.T) == Tensor([[14, 32], [32, 77]]))
  }

  @Test func dotOfMatrixAndVectorIsRankOne() {
    #expect(dot(a, Tensor([1, 0, 1])) == Tensor([4, 10]))
    #expect(dot(Tensor([1, 1]), a) == Tensor([5, 7, 9]))
  }

  @Test func dotWithRankZeroScales() {
    #expect(dot(Tensor(2), a) == a * 2)
  }

  @Test func dotMismatchMessageIsNumpys() {
    #expect(dotErrorMessage([5], [4]) == "shapes (5,) and (4,) not aligned: 5 (dim 0) != 4 (dim 0)")
    #expect(dotErrorMessage([2, 3], [4, 5]) == "shapes (2,3) and (4,5) not aligned: 3 (dim 1) != 4 (dim 0)")
    #expect(dotErrorMessage([2, 3], [3]) == nil)
  }

  @Test func matmulFollowsDotForRanksOneAndTwo() {
    #expect(matmul(a, a.T) == dot(a, a.T))
    #expect(matmul(Tensor([1, 1]), a) == Tensor([5, 7, 9]))
  }

  @Test func outerProduct() {
    #expect(outer(Tensor([1, 2]), Tensor([1, 10, 100])) == Tensor([[1, 10, 100], [2, 20, 200]]))
  }

  @Test func transposingFastPathEqualsMaterializedTranspose() {
    var rng = SystemRandomNumberGenerator()
    for (m, k, n) in [(3, 4, 5), (7, 40, 9)] {
      let x = Tensor(
        shape: [k, m], scalars: (0..<(k * m)).map { _ in Double.random(in: -1...1, using: &rng) })
      let y = Tensor(
        shape: [n, k], scalars: (0..<(n * k)).map { _ in Double.random(in: -1...1, using: &rng) })
      let fast = Tensor.matmul(x, y, transposeA: true, transposeB: true)
      let slow = naiveMatmul(x.T, y.T)
      #expect(fast.shape == [m, n])
      // Same additions in the same order: the same bits.
      #expect(fast.scalars == slow.scalars)
    }
  }

  @Test(arguments: [
    (1, 1, 1), (2, 3, 4), (3, 3, 3), (4, 2, 5), (1, 40, 1), (5, 5, 5), (16, 17, 15), (33, 31, 32),
  ])
  func blasAndTheLibraryKernelAgreeToRounding(_ size: (Int, Int, Int)) {
    let (m, k, n) = size
    let x = (0..<(m * k)).map { Double(($0 * 7919) % 13) / 7 - 0.9 }
    let y = (0..<(k * n)).map { Double(($0 * 104729) % 17) / 5 - 1.6 }
    for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
      let loops = Tensor.product(x, y, m: m, n: n, k: k, transposeA: ta, transposeB: tb, useBLAS: false)
      let blas = Tensor.product(x, y, m: m, n: n, k: k, transposeA: ta, transposeB: tb, useBLAS: true)
      #expect(zip(loops, blas).allSatisfy { Swift.abs($0 - $1) < 1e-10 })
    }
  }

  /// Each element summed in the order of `p`, one product at a time: the order the kernel
  /// promises whatever its blocking.
  private func sequentialProduct(_ a: [Double], _ b: [Double], m: Int, n: Int, k: Int) -> [Double] {
    var c = [Double](repeating: 0, count: m * n)
    for i in 0..<m {
      for j in 0..<n {
        var s = 0.0
        for p in 0..<k { s += a[i * k + p] * b[p * n + j] }
        c[i * n + j] = s
      }
    }
    return c
  }

  @Test(arguments: [
    (1, 1, 1), (4, 2, 400), (1, 400, 4), (5, 7, 9), (13, 300, 6), (8, 513, 12), (17, 260, 33),
    (300, 70, 9), (261, 40, 259),
  ])
  func theKernelSumsEachElementInTheOrderOfItsIndex(_ size: (Int, Int, Int)) {
    let (m, k, n) = size
    var rng = NumPyRandom(seed: 5)
    let a = rng.randn(m, k)
    let b = rng.randn(k, n)
    let expected = sequentialProduct(a.scalars, b.scalars, m: m, n: n, k: k)
    func firstDifference(_ t: Tensor) -> Int? { t.scalars.indices.first { t.scalars[$0] != expected[$0] } }
    #expect(firstDifference(Tensor.matmul(a, b)) == nil)
    #expect(firstDifference(Tensor.matmul(a.T, b, transposeA: true)) == nil)
    #expect(firstDifference(Tensor.matmul(a, b.T, transposeB: true)) == nil)
    #expect(firstDifference(matmul(a, b)) == nil)
  }

  @Test func dotOfVectorsHasAFixedOrder() {
    var rng = NumPyRandom(seed: 6)
    for count in [0, 1, 7, 8, 9, 1000, 1_000_003] {
      let x = rng.randn(count)
      let y = rng.randn(count)
      var sums = [Double](repeating: 0, count: 8)
      let full = count / 8 * 8
      for p in 0..<full { sums[p % 8] += x.scalars[p] * y.scalars[p] }
      var expected = ((sums[0] + sums[4]) + (sums[2] + sums[6])) + ((sums[1] + sums[5]) + (sums[3] + sums[7]))
      for p in full..<count { expected += x.scalars[p] * y.scalars[p] }
      #expect(dot(x, y).scalar == expected)
    }
  }
}
