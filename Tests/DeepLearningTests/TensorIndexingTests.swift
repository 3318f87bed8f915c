import Testing

@testable import DeepLearning

@Suite struct TensorIndexingTests {
  let m: Tensor = [[1, 2, 3], [4, 5, 6]]

  @Test func firstAxisIndexGivesRow() {
    #expect(m[1] == Tensor([4, 5, 6]))
    #expect(m[-1] == Tensor([4, 5, 6]))
  }

  @Test func indexingRankOneGivesRankZero() {
    let v = Tensor([7, 8])
    #expect(v[1].shape == [])
    #expect(v[1].scalar == 8)
  }

  @Test func settingFirstAxisSlotBroadcasts() {
    var t = m
    t[0] = Tensor(0)
    #expect(t == Tensor([[0, 0, 0], [4, 5, 6]]))
  }

  @Test func twoIndicesGetAndSet() {
    var t = m
    #expect(t[1, 2] == 6)
    t[1, 2] = 60
    t[index: [0, 0]] = 10
    #expect(t == Tensor([[10, 2, 3], [4, 5, 60]]))
    #expect(m[1, 2] == 6)
  }

  @Test func rowAndColumnAreRankOne() {
    #expect(m.row(0) == Tensor([1, 2, 3]))
    #expect(m.column(1) == Tensor([2, 5]))
    #expect(m.column(1).shape == [2])
  }

  @Test func rowsAndColumnsKeepRank() {
    #expect(m.rows(1..<2) == Tensor([[4, 5, 6]]))
    #expect(m.columns(1..<3) == Tensor([[2, 3], [5, 6]]))
    #expect(m.columns([2, 0]) == Tensor([[3, 1], [6, 4]]))
  }
}
