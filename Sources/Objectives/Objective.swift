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

    /// ∇f(x) written into `gradient`: the same numbers as `valueAndGradient(at:into:)`'s, for
    /// callers that do not need f. The default calls `valueAndGradient(at:into:)`; compiled
    /// expressions skip the values that no derivative reads.
    func gradient(at point: [Double], into gradient: inout [Double])

    /// f on every point of the grid `xs` × `ys` of a two-dimensional objective, row-major with
    /// one row per y: `result[j * xs.count + i] = f(xs[i], ys[j])`. Non-finite values are kept.
    ///
    /// The default evaluates `value(at:)` point by point; compiled expressions override it
    /// with a batched evaluation that computes x-only and y-only subexpressions once per
    /// column and row. Requires `dimension == 2`.
    func values(onGridX xs: [Double], y ys: [Double]) -> [Double]
}

extension Objective {
    public func gradient(at point: [Double], into gradient: inout [Double]) {
        _ = valueAndGradient(at: point, into: &gradient)
    }

    public func values(onGridX xs: [Double], y ys: [Double]) -> [Double] {
        precondition(dimension == 2, "a grid of values needs a two-dimensional objective")
        var result = [Double]()
        result.reserveCapacity(xs.count * ys.count)
        var point = [0.0, 0.0]
        for y in ys {
            point[1] = y
            for x in xs {
                point[0] = x
                result.append(value(at: point))
            }
        }
        return result
    }
}
