/// Elementwise comparisons producing 0/1 tensors (numpy's boolean arrays as floats), with
/// broadcasting: `(a .> 0.5)` is 1 where `a > 0.5` and 0 elsewhere.
extension Tensor {
  public static func .> (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b) { $0 > $1 ? 1 : 0 } }
  public static func .< (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b) { $0 < $1 ? 1 : 0 } }
  public static func .>= (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b) { $0 >= $1 ? 1 : 0 } }
  public static func .<= (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b) { $0 <= $1 ? 1 : 0 } }
  public static func .== (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b) { $0 == $1 ? 1 : 0 } }
  public static func .!= (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b) { $0 != $1 ? 1 : 0 } }

  public static func .> (a: Tensor, s: Double) -> Tensor { a.map { $0 > s ? 1 : 0 } }
  public static func .< (a: Tensor, s: Double) -> Tensor { a.map { $0 < s ? 1 : 0 } }
  public static func .>= (a: Tensor, s: Double) -> Tensor { a.map { $0 >= s ? 1 : 0 } }
  public static func .<= (a: Tensor, s: Double) -> Tensor { a.map { $0 <= s ? 1 : 0 } }
  public static func .== (a: Tensor, s: Double) -> Tensor { a.map { $0 == s ? 1 : 0 } }
  public static func .!= (a: Tensor, s: Double) -> Tensor { a.map { $0 != s ? 1 : 0 } }
}
