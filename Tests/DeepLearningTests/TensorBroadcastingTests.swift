import Testing

@testable import DeepLearning

@Suite struct TensorBroadcastingTests {
  let m: Tensor = [[1, 2, 3], [4, 5, 6]]

  @Test func matrixPlusRowBroadcastsAlongRows() {
    let r = m + Tensor([[10, 20, 30]])
    #expect(r == Tensor([[11, 22, 33], [14, 25, 36]]))
  }

  @Test func matrixPlusColumnBroadcastsAlongColumns() {
    let r = m + Tensor([[10], [20]])
    #expect(r == Tensor([[11, 12, 13], [24, 25, 26]]))
  }

  @Test func matrixTimesOneByOne() {
    #expect(m * Tensor([[2]]) == Tensor([[2, 4, 6], [8, 10, 12]]))
  }

  @Test func columnMinusRowGivesOuterDifference() {
    let r = Tensor([[1], [2], [3]]) - Tensor([[1, 10]])
    #expect(r == Tensor([[0, -9], [1, -8], [2, -7]]))
  }

  @Test func rankOneBroadcastsAsRowOfRankTwo() {
    let r = m / Tensor([1, 2, 3])
    #expect(r == Tensor([[1, 1, 1], [4, 2.5, 2]]))
  }

  @Test func rankOneColumnPlusRowMakesMatrix() {
    // The course's pitfall: (3,) + (3, 1) is (3, 3), not (3,).
    let r = Tensor([1, 2, 3]) + Tensor([[10], [20], [30]])
    #expect(r.shape == [3, 3])
    #expect(r[index: [2, 0]] == 31)
  }

  @Test func scalarOperandsOnEitherSide() {
    #expect(2 * m - 1 == Tensor([[1, 3, 5], [7, 9, 11]]))
    #expect(1 / Tensor([2, 4]) == Tensor([0.5, 0.25]))
    #expect(-m == m * -1)
  }

  @Test func rankZeroTensorBroadcastsEverywhere() {
    #expect((m + Tensor(1)).shape == [2, 3])
    #expect((Tensor(1) + Tensor([[[1]]])).shape == [1, 1, 1])
  }

  @Test func rankThreeAndFourBroadcast() {
    let a = Tensor.ones(2, 1, 3, 1)
    let r = a + Tensor.arange(4)
    #expect(r.shape == [2, 1, 3, 4])
    #expect(Array(r.scalars.prefix(5)) == [1, 2, 3, 4, 1])
    let c = Tensor.arange(24).reshaped(2, 3, 4) * Tensor([[1], [0], [2]])
    #expect(c[index: [1, 2, 3]] == 46)
    #expect(c[index: [1, 1, 3]] == 0)
  }

  @Test func broadcastShapeFollowsNumpyRules() {
    #expect(Shape.broadcast([2, 3], [3]) == [2, 3])
    #expect(Shape.broadcast([3, 1], [1, 4]) == [3, 4])
    #expect(Shape.broadcast([], [5]) == [5])
    #expect(Shape.broadcast([2, 1, 4], [3, 1]) == [2, 3, 4])
    #expect(Shape.broadcast([1], [0]) == [0])
  }

  @Test func incompatibleShapesGiveNil() {
    #expect(Shape.broadcast([2, 3], [2]) == nil)
    #expect(Shape.broadcast([3], [4]) == nil)
    #expect(Shape.broadcast([2, 3, 4], [3, 3]) == nil)
  }

  @Test func trapMessageIsNumpys() {
    #expect(
      broadcastErrorMessage([2, 3], [2])
        == "operands could not be broadcast together with shapes (2,3) (2,) ")
    #expect(
      broadcastErrorMessage([5, 1, 4], [])
        == "operands could not be broadcast together with shapes (5,1,4) () ")
  }

  @Test func inPlaceTrapMessagesAreNumpys() {
    #expect(
      inPlaceBroadcastErrorMessage([2, 3], [2])
        == "operands could not be broadcast together with shapes (2,3) (2,) (2,3) ")
    #expect(
      inPlaceBroadcastErrorMessage([2, 3], [3, 2, 3])
        == "non-broadcastable output operand with shape (2,3) doesn't match the broadcast shape (3,2,3)")
  }

  @Test func inPlaceOperatorsBroadcastIntoLeftShape() {
    var a = m
    a += Tensor([[1], [2]])
    #expect(a == Tensor([[2, 3, 4], [6, 7, 8]]))
    a -= Tensor([1, 1, 1])
    a *= 2
    a /= Tensor([[2]])
    #expect(a == Tensor([[1, 2, 3], [5, 6, 7]]))
  }

  @Test func inPlaceUpdateLeavesCopiesAlone() {
    let original = m
    var b = original
    b += 1
    #expect(original == Tensor([[1, 2, 3], [4, 5, 6]]))
    #expect(b == original + 1)
  }
}

@Suite struct TensorElementwiseTests {
  @Test func mathFunctionsMatchScalarOnes() {
    let x = Tensor([0.5, 1, 2])
    #expect(exp(x).scalars[2] == 7.38905609893065)
    #expect(log(Tensor([1, 0])) == Tensor([0, -.infinity]))
    #expect(sqrt(Tensor([4, 9])) == Tensor([2, 3]))
    #expect(abs(Tensor([-1, 2])) == Tensor([1, 2]))
    #expect(pow(Tensor([2, 3]), 3) == Tensor([8, 27]))
    #expect(Swift.abs(tanh(x).scalars[1] - 0.7615941559557649) < 1e-15)
  }

  @Test func maximumAndMinimumBroadcastAndPropagateNan() {
    #expect(maximum(Tensor([-1, 0, 2]), 0) == Tensor([0, 0, 2]))
    #expect(minimum(1, Tensor([-1, 3])) == Tensor([-1, 1]))
    #expect(maximum(Tensor([[1], [5]]), Tensor([2, 4])) == Tensor([[2, 4], [5, 5]]))
    #expect(maximum(Tensor([.nan]), 0).scalars[0].isNaN)
    #expect(minimum(0, Tensor([.nan])).scalars[0].isNaN)
  }

  @Test func mapAppliesClosure() {
    #expect(Tensor([1, 2]).map { $0 * 10 } == Tensor([10, 20]))
  }

  @Test func comparisonsGiveZeroOneTensors() {
    let a = Tensor([0.2, 0.5, 0.9])
    #expect((a .> 0.5) == Tensor([0, 0, 1]))
    #expect((a .>= 0.5) == Tensor([0, 1, 1]))
    #expect((a .< 0.5) == Tensor([1, 0, 0]))
    #expect((a .<= 0.5) == Tensor([1, 1, 0]))
    #expect((a .== 0.5) == Tensor([0, 1, 0]))
    #expect((a .== Tensor([[0.2], [0.9]])) == Tensor([[1, 0, 0], [0, 0, 1]]))
  }
}
