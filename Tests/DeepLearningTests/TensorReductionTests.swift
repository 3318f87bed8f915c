import Testing

@testable import DeepLearning

@Suite struct TensorReductionTests {
  let m: Tensor = [[1, 2, 3], [4, 5, 6]]

  @Test func wholeTensorReductions() {
    #expect(m.sum() == 21)
    #expect(m.mean() == 3.5)
    #expect(m.max() == 6)
    #expect(m.min() == 1)
  }

  @Test func sumAlongAxisDropsIt() {
    #expect(m.sum(axis: 0) == Tensor([5, 7, 9]))
    #expect(m.sum(axis: 1) == Tensor([6, 15]))
    #expect(m.sum(axis: -1) == Tensor([6, 15]))
  }

  @Test func keepDimsKeepsAxisOfExtentOne() {
    #expect(m.sum(axis: 1, keepDims: true) == Tensor([[6], [15]]))
    #expect(m.sum(axis: 0, keepDims: true).shape == [1, 3])
    #expect(m.mean(axis: 1, keepDims: true) == Tensor([[2], [5]]))
  }

  @Test func maxMinMeanAlongAxis() {
    #expect(m.max(axis: 0) == Tensor([4, 5, 6]))
    #expect(m.min(axis: 1) == Tensor([1, 4]))
    #expect(m.mean(axis: 0) == Tensor([2.5, 3.5, 4.5]))
  }

  @Test func reductionsOverMiddleAxisOfRankThree() {
    let t = Tensor.arange(24).reshaped(2, 3, 4)
    let s = t.sum(axis: 1)
    #expect(s.shape == [2, 4])
    #expect(s.scalars == [12, 15, 18, 21, 48, 51, 54, 57])
    #expect(t.max(axis: 1, keepDims: true).shape == [2, 1, 4])
  }

  @Test func argmaxAlongAxisGivesFirstIndex() {
    let t: Tensor = [[1, 9, 9], [7, 2, 7]]
    #expect(t.argmax(axis: 1) == Tensor([1, 0]))
    #expect(t.argmax(axis: 0) == Tensor([1, 0, 0]))
    #expect(t.argmax() == 1)
  }

  @Test func sumIsPairwiseLikeNumpy() {
    // numpy: np.sum(1 / (np.arange(1000) + 1)) is 7.485470860550345; a sequential loop gives ...343.
    let t = 1 / (Tensor.arange(1000) + 1)
    #expect(t.sum() == 7.485470860550345)
    #expect(t.reshaped(1, 1000).sum(axis: 1).scalars[0] == 7.485470860550345)
    #expect(t.reshaped(10, 100).sum(axis: 0).scalars[3] == 0.27769225306210854)
  }

  @Test func maxPropagatesNan() {
    #expect(Tensor([1, .nan, 3]).max().isNaN)
    #expect(Tensor([[1, .nan], [3, 4]]).min(axis: 0).scalars[1].isNaN)
  }
}
