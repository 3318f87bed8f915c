import DeepLearning
import Foundation
import Testing

private func close(_ a: [Double], _ b: [Double]) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-13 * max(1, abs($1)) }
}

@Test func planarFlowerHasTheNotebookShapes() {
  let (X, Y) = Datasets.planarFlower()
  #expect(X.shape == [2, 400])
  #expect(Y.shape == [1, 400])
  #expect(Y.sum() == 200)
  #expect(Y.scalars[199] == 0 && Y.scalars[200] == 1)
}

@Test func planarFlowerMatchesNumpy() {
  let (X, _) = Datasets.planarFlower()
  #expect(
    close(Array(X.row(0).scalars.prefix(3)), [1.204442292254319, 0.15870990398255372, 0.09524719604502052]))
  #expect(
    close(Array(X.row(1).scalars.prefix(3)), [3.5761141481288448, -1.4821709003683443, -1.2799553276531797]))
  #expect(close(X.column(200).scalars, [-1.0704958072229525, 3.682524609580073]))
  #expect(close(X.column(399).scalars, [0.7307808250007513, 3.0683292081876545]))
  #expect(abs(X.sum() - 10.087983277441666) < 1e-10)
}

/// All 800 coordinates against numpy's `load_planar_dataset()` (numpy 2.4, its sin and cos
/// those of glibc), bit for bit: `Fixtures/planar-flower-X.txt` holds X row by row, one bit
/// pattern in hexadecimal per line.
@Test func planarFlowerIsNumpysToTheLastBit() throws {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/planar-flower-X.txt")
  let expected = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    .map { Double(bitPattern: UInt64($0, radix: 16)!) }
  let (X, _) = Datasets.planarFlower()
  #expect(expected.count == 800)
  let differing = zip(X.scalars, expected).filter { $0.bitPattern != $1.bitPattern }
  #expect(
    differing.isEmpty,
    "\(differing.count) of 800 values differ, the first \(differing.first.map { "\($0)" } ?? "")")
}

@Test func circlesPutTheInnerClassInside() {
  let (X, Y) = Datasets.circles(count: 100, noise: 0, factor: 0.4)
  #expect(X.shape == [2, 100] && Y.shape == [1, 100])
  let radii = (0..<100).map { (X[0, $0] * X[0, $0] + X[1, $0] * X[1, $0]).squareRoot() }
  for i in 0..<100 { #expect(abs(radii[i] - (Y[0, i] == 0 ? 1 : 0.4)) < 1e-12) }
}

@Test func moonsHaveTwoLabelledArcs() {
  let (X, Y) = Datasets.moons(count: 10, noise: 0)
  #expect(X.shape == [2, 10] && Y.sum() == 5)
  #expect(close(X.column(0).scalars, [1, 0]))
  #expect(close(X.column(5).scalars, [0, 0.5]))
}

@Test func noiseComesFromTheSeededGenerator() {
  let a = Datasets.moons(count: 20, noise: 0.1, seed: 3)
  let b = Datasets.moons(count: 20, noise: 0.1, seed: 3)
  let c = Datasets.moons(count: 20, noise: 0.1, seed: 4)
  #expect(a.X == b.X)
  #expect(a.X != c.X)
}

@Test func xorLabelsOppositeQuadrants() {
  let (X, Y) = Datasets.xor(count: 50)
  for i in 0..<50 { #expect(Y[0, i] == (X[0, i] * X[1, i] < 0 ? 1 : 0)) }
}

@Test func parityEnumeratesEveryBitVector() {
  let (X, Y) = Datasets.parity(bits: 3)
  #expect(X.shape == [3, 8] && Y.shape == [1, 8])
  #expect(X.column(5).scalars == [1, 0, 1])
  #expect(Y.scalars == [0, 1, 1, 0, 1, 0, 0, 1])
}
