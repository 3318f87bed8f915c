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
      #expect(zip(fast.scalars, slow.scalars).allSatisfy { Swift.abs($0 - $1) < 1e-12 })
    }
  }

  @Test(arguments: [
    (1, 1, 1), (2, 3, 4), (3, 3, 3), (4, 2, 5), (1, 40, 1), (5, 5, 5), (16, 17, 15), (33, 31, 32),
  ])
  func blasAndLoopsAgreeAroundThreshold(_ size: (Int, Int, Int)) {
    let (m, k, n) = size
    let x = (0..<(m * k)).map { Double(($0 * 7919) % 13) / 7 - 0.9 }
    let y = (0..<(k * n)).map { Double(($0 * 104729) % 17) / 5 - 1.6 }
    for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
      let loops = Tensor.product(x, y, m: m, n: n, k: k, transposeA: ta, transposeB: tb, useBLAS: false)
      let blas = Tensor.product(x, y, m: m, n: n, k: k, transposeA: ta, transposeB: tb, useBLAS: true)
      #expect(zip(loops, blas).allSatisfy { Swift.abs($0 - $1) < 1e-10 })
    }
  }
}
