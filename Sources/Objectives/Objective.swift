/// A scalar function of `dimension` variables with an exact gradient.
///
/// `value(at:)` and `valueAndGradient(at:into:)` return a non-finite number where the
/// function is undefined (the log of a negative number, a division by zero); callers mask it.
public protocol Objective: Sendable {
    /// The number of variables, n.
    var dimension: Int { get }

    /// f(x) for a point of `dimension` coordinates.
    func value(at point: [Double]) -> Double

    /// f(x), with ∇f(x) written into `gradient` (which holds `dimension` elements).
    func valueAndGradient(at point: [Double], into gradient: inout [Double]) -> Double
}
