// The library's side of the differential test (see README.md): reads one case per line from
// standard input, evaluates it with DeepLearning and writes the result's shape, bit patterns
// and printed forms. A case that traps ends the program with the library's message.
import DeepLearning

/// A tensor written as `shape:bits`, e.g. `2x3:3ff0000000000000,...` (an empty shape is rank 0).
func decodeTensor(_ text: Substring) -> Tensor {
  let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
  let dims = parts[0].isEmpty ? [] : parts[0].split(separator: "x").map { Int($0)! }
  let values =
    parts[1].isEmpty ? [] : parts[1].split(separator: ",").map { Double(bitPattern: UInt64($0, radix: 16)!) }
  return Tensor(shape: Shape(dims), scalars: values)
}

/// A number written as the hexadecimal digits of its bit pattern.
func decodeScalar(_ text: Substring) -> Double { Double(bitPattern: UInt64(text, radix: 16)!) }

/// `shape:bits` for a result, and its `str` and `repr` with newlines written as `\n`.
func encode(_ t: Tensor) -> String {
  let shape = t.shape.dimensions.map(String.init).joined(separator: "x")
  let values = t.scalars.map { String($0.bitPattern, radix: 16) }.joined(separator: ",")
  func escape(_ s: String) -> String {
    s.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
  }
  return "\(shape):\(values)\t\(escape(t.description))\t\(escape(t.debugDescription))"
}

/// The reduction named `op` along `axis` ("none" for all elements).
func reduce(_ op: Substring, _ a: Tensor, _ axis: Substring, _ keep: Bool) -> Tensor {
  guard let axis = Int(axis) else {
    switch op {
    case "sum": return Tensor(a.sum())
    case "mean": return Tensor(a.mean())
    case "max": return Tensor(a.max())
    case "min": return Tensor(a.min())
    default: return Tensor(Double(a.argmax()))
    }
  }
  switch op {
  case "sum": return a.sum(axis: axis, keepDims: keep)
  case "mean": return a.mean(axis: axis, keepDims: keep)
  case "max": return a.max(axis: axis, keepDims: keep)
  case "min": return a.min(axis: axis, keepDims: keep)
  default: return a.argmax(axis: axis)
  }
}

func evaluate(_ op: Substring, _ args: [Substring]) -> Tensor {
  let unary: [Substring: (Tensor) -> Tensor] = [
    "exp": { exp($0) }, "log": { log($0) }, "tanh": { tanh($0) }, "sigmoid": { sigmoid($0) },
    "sin": { sin($0) }, "cos": { cos($0) }, "sqrt": { sqrt($0) }, "abs": { abs($0) },
    "relu": { relu($0) }, "negate": { -$0 }, "transpose": { $0.transposed() }, "identity": { $0 },
  ]
  let binary: [Substring: (Tensor, Tensor) -> Tensor] = [
    "add": { $0 + $1 }, "subtract": { $0 - $1 }, "multiply": { $0 * $1 }, "divide": { $0 / $1 },
    "maximum": { maximum($0, $1) }, "minimum": { minimum($0, $1) }, "matmul": { matmul($0, $1) },
    "dot": { dot($0, $1) }, "outer": { outer($0, $1) },
  ]
  if let f = unary[op] { return f(decodeTensor(args[0])) }
  if let f = binary[op] { return f(decodeTensor(args[0]), decodeTensor(args[1])) }
  switch op {
  case "power": return pow(decodeTensor(args[0]), decodeScalar(args[1]))
  case "sum", "mean", "max", "min", "argmax":
    return reduce(op, decodeTensor(args[0]), args[1], args.count > 2 && args[2] == "1")
  case "reshape": return decodeTensor(args[0]).reshaped(Shape(args[1].split(separator: "x").map { Int($0)! }))
  case "getitem": return decodeTensor(args[0])[Int(args[1])!]
  case "setitem":
    var a = decodeTensor(args[0])
    a[Int(args[1])!] = decodeTensor(args[2])
    return a
  case "arange":
    return Tensor.arange(decodeScalar(args[0]), decodeScalar(args[1]), step: decodeScalar(args[2]))
  case "arangeCount": return Tensor.arange(Int(args[0])!)
  case "linspace": return Tensor.linspace(decodeScalar(args[0]), decodeScalar(args[1]), count: Int(args[2])!)
  default: fatalError("driver: unknown operation \(op)")
  }
}

while let line = readLine() {
  let fields = line.split(separator: " ")
  print(fields[0], encode(evaluate(fields[1], Array(fields[2...]))), separator: "\t")
}
