import DeepLearning
import Testing

// The edges where the library once parted from numpy 2.4: each test is one row of the table in
// docs/numpy-differences.md, with numpy's own result as the expected value.

private func bits(_ t: Tensor) -> [UInt64] { t.scalars.map(\.bitPattern) }

@Test func arangeStepsLikeNumpy() {
  // numpy fills start, start + step, then start + i * ((start + step) - start).
  #expect(Tensor.arange(1.0, 2.54, step: 0.1)[9].scalar == 1.9000000000000008)
  #expect(Tensor.arange(1.0, 2.54, step: 0.1).count == 16)
  #expect(Tensor.arange(0.3, 0.0, step: -0.1).scalars == [0.3, 0.19999999999999998, 0.09999999999999998])
}

@Test func arangeWithAnInfiniteStepHoldsStartOrNothing() {
  #expect(Tensor.arange(-8.0, 1.65, step: .infinity).scalars == [-8])
  #expect(Tensor.arange(0.0, 1.0, step: -.infinity).count == 0)
  #expect(Tensor.arange(1.0, 0.0, step: .infinity).count == 0)
  #expect(Tensor.arange(-8.0, 1.65, step: 1e300).scalars == [-8])
}

@Test func arangeOfANegativeCountIsEmpty() {
  #expect(Tensor.arange(-3).shape == [0])
  #expect(Tensor.arange(5.0, 1.0).shape == [0])
}

@Test func arangeTrapsOnANanStepWithItsArguments() async {
  let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
    _ = Tensor.arange(0.0, 1.0, step: .nan)
  }
  let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  #expect(text.contains("arange(0.0, 1.0, step: nan): cannot compute the length"))
}

@Test func arangeTrapsOnAHugeLengthWithItsArguments() async {
  let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
    _ = Tensor.arange(0.0, .infinity)
  }
  let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  #expect(text.contains("arange(0.0, inf, step: 1.0): a length of inf values is out of range"))
}

@Test func arangeTrapsOnAZeroStepWithItsArguments() async {
  let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
    _ = Tensor.arange(0.0, 1.0, step: 0)
  }
  let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  #expect(text.contains("arange(0.0, 1.0, step: 0.0): the step must not be zero"))
}

@Test func linspaceTrapsOnANegativeCount() async {
  let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
    _ = Tensor.linspace(0, 1, count: -1)
  }
  let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  #expect(text.contains("linspace(0.0, 1.0, count: -1): the number of samples, -1, must be non-negative"))
}

@Test func reluIsNumpysMaximumWithZero() {
  let a = relu(Tensor([.nan, -0.0, 1, -2]))
  #expect(a.scalars[0].isNaN)
  #expect(a.scalars[1].bitPattern == (-0.0).bitPattern)
  #expect(Array(a.scalars[2...]) == [1, 0])
  #expect(bits(Activation.relu.apply(Tensor([-0.0, -1]))) == bits(Tensor([-0.0, 0])))
}

@Test func reluBackwardKeepsTheGradientWhereZIsNan() {
  let dZ = Activation.relu.backward(Tensor([5, 6, 7]), z: Tensor([.nan, 0, -1]))
  #expect(dZ.scalars == [5, 0, 0])
}

@Test func maximumAndMinimumReturnTheSecondOfEqualValues() {
  #expect(maximum(Tensor([0.0]), Tensor([-0.0])).scalars[0].sign == .minus)
  #expect(maximum(Tensor([-0.0]), Tensor([0.0])).scalars[0].sign == .plus)
  #expect(minimum(Tensor([0.0]), Tensor([-0.0])).scalars[0].sign == .minus)
  #expect(Tensor([0.0, -0.0]).max().sign == .minus)
}

@Test func assigningNegativeZeroKeepsItsSign() {
  var a = Tensor([1.0, 2.0])
  a[0] = Tensor(-0.0)
  #expect(a.scalars[0].bitPattern == (-0.0).bitPattern)
}

@Test func assigningARowWithALeadingUnitAxisDropsIt() {
  var a = Tensor.zeros(2, 3)
  a[0] = Tensor.ones(1, 3)
  #expect(a.scalars == [1, 1, 1, 0, 0, 0])
}

@Test func assigningAValueThatDoesNotFitTraps() async {
  let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
    var a = Tensor.zeros(2, 3)
    a[0] = Tensor.ones(4)
  }
  let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  #expect(text.contains("could not broadcast input array from shape (4,) into shape (3,)"))
}

@Test func sumsOfNegativeZerosArePositiveZero() {
  for n in [1, 7, 8, 9, 200] {
    let t = Tensor.full([n], -0.0)
    #expect(t.sum().bitPattern == 0, "sum of \(n)")
    #expect(t.reshaped(1, n).sum(axis: 1).scalars[0].bitPattern == 0, "axis sum of \(n)")
    #expect(t.mean().bitPattern == 0, "mean of \(n)")
  }
}

@Test func outerProductsKeepTheSignOfZero() {
  #expect(outer(Tensor([-1.0]), Tensor([0.0])).scalars[0].sign == .minus)
  #expect(outer(Tensor([1.0, 2]), Tensor([3.0, 4, 5])).scalars == [3, 4, 5, 6, 8, 10])
}

@Test func powTakesNumpysShortcuts() {
  let t = Tensor([-.infinity, 2, 0.1, -0.0])
  let roots = pow(t, 0.5)
  #expect(roots.scalars[0].isNaN)
  #expect(Array(roots.scalars[1...]) == [Double(2).squareRoot(), Double(0.1).squareRoot(), -0.0])
  #expect(bits(pow(t, -1)) == bits(Tensor([-0.0, 0.5, 10, -.infinity])))
  #expect(pow(t, 1).scalars[1...] == [2, 0.1, -0.0])
}

/// numpy's sum, max, min and argmax take axis 0 on a rank-0 array; its mean does not.
@Test func rankZeroTensorsReduceAlongAxisZero() {
  let s = Tensor(3.0)
  #expect(s.sum(axis: 0) == Tensor(3.0))
  #expect(s.min(axis: -1) == Tensor(3.0))
  #expect(s.max(axis: 0, keepDims: true) == Tensor(3.0))
  #expect(s.argmax(axis: 0) == Tensor(0.0))
}

@Test func accuracyOfEmptyTensorsIsNan() {
  #expect(accuracy(Tensor([Double]()), Tensor([Double]())).isNaN)
  #expect(accuracy(Tensor([1, 0, 1, 1]), Tensor([1, 1, 1, 1])) == 75)
}

@Test func subnormalsPrintTheirDigitsAsNumpyDoes() {
  #expect(Tensor([1.11362397e-319, 0.123456789]).description == "[1.11362397e-319 1.23456789e-001]")
  #expect(Tensor([1.11362397e-319]).description == "[1.1136e-319]")
  #expect(Tensor([5e-324, 0.5]).description == "[5.e-324 5.e-001]")
}
