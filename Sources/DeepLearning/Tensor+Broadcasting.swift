extension Shape {
  /// The shape two operands broadcast to under numpy's rules, or `nil` if they are incompatible.
  ///
  /// Shapes are aligned at their last axis; along each axis the extents must be equal or one of
  /// them must be 1 (a missing leading axis counts as 1). `(3, 1)` and `(1, 4)` give `(3, 4)`;
  /// `(2, 3)` and `(2,)` give `nil`. Never traps, so code can check before it computes.
  public static func broadcast(_ a: Shape, _ b: Shape) -> Shape? {
    let rank = Swift.max(a.rank, b.rank)
    var result = [Int](repeating: 1, count: rank)
    for axis in 0..<rank {
      let da = axis < rank - a.rank ? 1 : a.dimensions[axis - (rank - a.rank)]
      let db = axis < rank - b.rank ? 1 : b.dimensions[axis - (rank - b.rank)]
      if da == db || db == 1 {
        result[axis] = da
      } else if da == 1 {
        result[axis] = db
      } else {
        return nil
      }
    }
    return Shape(result)
  }

  /// numpy's message for two shapes that do not broadcast (`operands could not be broadcast
  /// together with shapes (2,3) (3,) `), or nil when they do: what a page can show without
  /// trapping (a trap in the browser build ends the whole WebAssembly instance).
  public static func broadcastFailure(_ a: Shape, _ b: Shape) -> String? {
    broadcast(a, b) == nil ? broadcastErrorMessage(a, b) : nil
  }

  /// numpy's compact shape notation used in error messages: `(2,3)`, `(2,)`, `()`.
  var compactDescription: String {
    dimensions.count == 1
      ? "(\(dimensions[0]),)" : "(" + dimensions.map(String.init).joined(separator: ",") + ")"
  }
}

/// The message numpy raises for operands that do not broadcast, trailing space included:
/// `operands could not be broadcast together with shapes (2,3) (2,) `.
func broadcastErrorMessage(_ a: Shape, _ b: Shape) -> String {
  "operands could not be broadcast together with shapes \(a.compactDescription) \(b.compactDescription) "
}

/// The message numpy raises when an in-place operation's right operand does not fit the left:
/// `operands could not be broadcast together with shapes (2,3) (2,) (2,3) ` if the shapes are
/// incompatible, or `non-broadcastable output operand ...` if they broadcast to a larger shape.
func inPlaceBroadcastErrorMessage(_ target: Shape, _ operand: Shape) -> String {
  if let shape = Shape.broadcast(target, operand) {
    return
      "non-broadcastable output operand with shape \(target.compactDescription) doesn't match the broadcast shape \(shape.compactDescription)"
  }
  return
    "operands could not be broadcast together with shapes \(target.compactDescription) \(operand.compactDescription) \(target.compactDescription) "
}

/// The extents and element strides of an operand, padded on the left to rank 4, with a stride of
/// 0 along every axis where the operand is broadcast.
struct BroadcastLayout {
  var dimensions: (Int, Int, Int, Int)
  var strides: (Int, Int, Int, Int)

  init(operand: Shape, result: Shape) {
    let offset = 4 - result.rank
    var dims = [1, 1, 1, 1]
    var steps = [0, 0, 0, 0]
    let own = operand.strides
    for axis in 0..<result.rank {
      dims[offset + axis] = result.dimensions[axis]
      let operandAxis = axis - (result.rank - operand.rank)
      if operandAxis >= 0 && operand.dimensions[operandAxis] != 1 {
        steps[offset + axis] = own[operandAxis]
      }
    }
    dimensions = (dims[0], dims[1], dims[2], dims[3])
    strides = (steps[0], steps[1], steps[2], steps[3])
  }
}

extension Tensor {
  /// Applies `op` elementwise to `a` and `b` broadcast together; traps with numpy's message if
  /// their shapes are incompatible.
  @inline(__always)
  static func broadcasting(
    _ a: Tensor, _ b: Tensor, _ op: (Double, Double) -> Double
  ) -> Tensor {
    if a.shape == b.shape {
      let n = a.scalars.count
      let values = a.scalars.withUnsafeBufferPointer { ba in
        b.scalars.withUnsafeBufferPointer { bb in
          [Double](unsafeUninitializedCapacity: n) { buffer, count in
            // Raw pointers: buffer-pointer subscripts keep their bounds checks in -O, which
            // stops the loop from vectorizing.
            if n > 0, let out = buffer.baseAddress, let pa = ba.baseAddress, let pb = bb.baseAddress {
              for i in 0..<n { out[i] = op(pa[i], pb[i]) }
            }
            count = n
          }
        }
      }
      return Tensor(shape: a.shape, scalars: values)
    }
    if b.scalars.count == 1 && b.rank <= a.rank {
      let s = b.scalars[0]
      return a.map { op($0, s) }
    }
    if a.scalars.count == 1 && a.rank <= b.rank {
      let s = a.scalars[0]
      return b.map { op(s, $0) }
    }
    guard let shape = Shape.broadcast(a.shape, b.shape) else {
      fatalError(broadcastErrorMessage(a.shape, b.shape))
    }
    let la = BroadcastLayout(operand: a.shape, result: shape)
    let lb = BroadcastLayout(operand: b.shape, result: shape)
    let (d0, d1, d2, d3) = la.dimensions
    let n = shape.elementCount
    let values = a.scalars.withUnsafeBufferPointer { ba in
      b.scalars.withUnsafeBufferPointer { bb in
        [Double](unsafeUninitializedCapacity: n) { buffer, count in
          count = n
          guard n > 0, let out = buffer.baseAddress, let pa = ba.baseAddress, let pb = bb.baseAddress
          else { return }
          var k = 0
          for i0 in 0..<d0 {
            for i1 in 0..<d1 {
              for i2 in 0..<d2 {
                var oa = i0 * la.strides.0 + i1 * la.strides.1 + i2 * la.strides.2
                var ob = i0 * lb.strides.0 + i1 * lb.strides.1 + i2 * lb.strides.2
                let sa = la.strides.3
                let sb = lb.strides.3
                if sa == 1 && sb == 0 {
                  let y = pb[ob]
                  for j in 0..<d3 { out[k + j] = op(pa[oa + j], y) }
                } else if sa == 0 && sb == 1 {
                  let x = pa[oa]
                  for j in 0..<d3 { out[k + j] = op(x, pb[ob + j]) }
                } else if sa == 1 && sb == 1 {
                  for j in 0..<d3 { out[k + j] = op(pa[oa + j], pb[ob + j]) }
                } else {
                  for j in 0..<d3 {
                    out[k + j] = op(pa[oa], pb[ob])
                    oa += sa
                    ob += sb
                  }
                }
                k += d3
              }
            }
          }
        }
      }
    }
    return Tensor(shape: shape, scalars: values)
  }

  /// Applies `op` elementwise to `self` and `other` broadcast into `self`'s shape, in place
  /// (no copy when the storage is uniquely referenced); traps like numpy if `other` does not fit.
  @inline(__always)
  mutating func updateBroadcasting(_ other: Tensor, _ op: (Double, Double) -> Double) {
    let n = scalars.count
    guard n > 0 else {
      if Shape.broadcast(shape, other.shape) != shape {
        fatalError(inPlaceBroadcastErrorMessage(shape, other.shape))
      }
      return
    }
    if other.shape == shape {
      other.scalars.withUnsafeBufferPointer { bb in
        scalars.withUnsafeMutableBufferPointer { ba in
          let pa = ba.baseAddress!
          let pb = bb.baseAddress!
          for i in 0..<n { pa[i] = op(pa[i], pb[i]) }
        }
      }
      return
    }
    guard Shape.broadcast(shape, other.shape) == shape else {
      fatalError(inPlaceBroadcastErrorMessage(shape, other.shape))
    }
    if other.scalars.count == 1 {
      let s = other.scalars[0]
      scalars.withUnsafeMutableBufferPointer { ba in
        let pa = ba.baseAddress!
        for i in 0..<n { pa[i] = op(pa[i], s) }
      }
      return
    }
    let lb = BroadcastLayout(operand: other.shape, result: shape)
    let (d0, d1, d2, d3) = lb.dimensions
    other.scalars.withUnsafeBufferPointer { bb in
      scalars.withUnsafeMutableBufferPointer { ba in
        let pa = ba.baseAddress!
        let pb = bb.baseAddress!
        var k = 0
        for i0 in 0..<d0 {
          for i1 in 0..<d1 {
            for i2 in 0..<d2 {
              var ob = i0 * lb.strides.0 + i1 * lb.strides.1 + i2 * lb.strides.2
              let sb = lb.strides.3
              if sb == 0 {
                let y = pb[ob]
                for j in 0..<d3 { pa[k + j] = op(pa[k + j], y) }
              } else {
                for j in 0..<d3 {
                  pa[k + j] = op(pa[k + j], pb[ob])
                  ob += sb
                }
              }
              k += d3
            }
          }
        }
      }
    }
  }

  /// A tensor of the same shape with `transform` applied to every element.
  @inline(__always)
  public func map(_ transform: (Double) -> Double) -> Tensor {
    let n = scalars.count
    let values = scalars.withUnsafeBufferPointer { bp in
      [Double](unsafeUninitializedCapacity: n) { buffer, count in
        if n > 0, let out = buffer.baseAddress, let p = bp.baseAddress {
          for i in 0..<n { out[i] = transform(p[i]) }
        }
        count = n
      }
    }
    return Tensor(shape: shape, scalars: values)
  }

  /// Applies `transform` to every element in place (no copy when uniquely referenced).
  @inline(__always)
  public mutating func updateEach(_ transform: (Double) -> Double) {
    let n = scalars.count
    scalars.withUnsafeMutableBufferPointer { buffer in
      guard n > 0, let p = buffer.baseAddress else { return }
      for i in 0..<n { p[i] = transform(p[i]) }
    }
  }
}
