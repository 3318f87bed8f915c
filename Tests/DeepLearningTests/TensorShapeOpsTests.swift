import Testing

@testable import DeepLearning

@Suite struct TensorShapeOpsTests {
  @Test func reshapeInfersMinusOne() {
    let t = Tensor.arange(12)
    #expect(t.reshaped(3, -1).shape == [3, 4])
    #expect(t.reshaped(-1, 1).shape == [12, 1])
    #expect(t.reshaped(Shape([2, 2, 3])).scalars == t.scalars)
  }

  @Test func transposeSwapsMatrixAxes() {
    let m: Tensor = [[1, 2, 3], [4, 5, 6]]
    #expect(m.transposed() == Tensor([[1, 4], [2, 5], [3, 6]]))
    #expect(m.T.T == m)
  }

  @Test func transposeOfRankOneIsNoOp() {
    let v = Tensor([1, 2, 3])
    #expect(v.T.shape == [3])
    #expect(v.transposed() == v)
  }

  @Test func transposeOfRankThreeReversesAxes() {
    let t = Tensor.arange(24).reshaped(2, 3, 4)
    let r = t.T
    #expect(r.shape == [4, 3, 2])
    #expect(r[index: [3, 1, 0]] == t[index: [0, 1, 3]])
    #expect(r[index: [1, 2, 1]] == t[index: [1, 2, 1]])
  }

  @Test func squeezeRemovesUnitAxes() {
    #expect(Tensor.zeros(1, 3, 1).squeezed().shape == [3])
    #expect(Tensor.zeros(1, 1).squeezed().shape == [])
    #expect(Tensor.zeros(1, 3, 1).squeezed(axis: -1).shape == [1, 3])
  }

  @Test func flattenGivesRankOne() {
    #expect(Tensor([[1, 2], [3, 4]]).flattened() == Tensor([1, 2, 3, 4]))
  }

  @Test func concatenateAlongEitherAxis() {
    let a: Tensor = [[1, 2], [3, 4]]
    let b: Tensor = [[5, 6]]
    #expect(Tensor.concatenate([a, b], axis: 0) == Tensor([[1, 2], [3, 4], [5, 6]]))
    #expect(Tensor.concatenate([a, b.T], axis: 1) == Tensor([[1, 2, 5], [3, 4, 6]]))
    #expect(Tensor.concatenate([Tensor([1]), Tensor([2, 3])]) == Tensor([1, 2, 3]))
  }
}
