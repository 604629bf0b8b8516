/// Squared Euclidean distance |p - q|².
func squaredDistance(_ p: [Double], _ q: [Double]) -> Double {
    var sum = 0.0
    for (a, b) in zip(p, q) {
        let d = a - b
        sum += d * d
    }
    return sum
}

/// min over the minima m of |p - m|², or `nil` when there are no minima.
public func squaredDistanceToNearest(_ p: [Double], of minima: [[Double]]) -> Double? {
    minima.map { squaredDistance(p, $0) }.min()
}
