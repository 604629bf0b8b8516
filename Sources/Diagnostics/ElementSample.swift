/// Which parameter elements a diagnosis draws one line each for.
///
/// Up to `allUpTo` (24) elements every element is drawn. Above that the lines would be a
/// blur, so `sampleSize` (12) elements are drawn, evenly spaced from the first to the last:
/// element `round(k (P − 1) / 11)` for k = 0...11. The choice depends only on P, so the same
/// run always shows the same elements, and titles say "12 of 1000 elements".
public struct ElementSample: Sendable, Equatable {
    /// The largest element count drawn in full.
    public static let allUpTo = 24
    /// How many elements a sample draws.
    public static let sampleSize = 12

    /// P: the parameter elements of the run.
    public let total: Int
    /// The elements drawn, in increasing order.
    public let elements: [Int]

    public init(total: Int) {
        self.total = total
        if total <= Self.allUpTo {
            elements = Array(0..<total)
        } else {
            let last = Double(total - 1), steps = Double(Self.sampleSize - 1)
            elements = (0..<Self.sampleSize).map { Int((Double($0) * last / steps).rounded()) }
        }
    }

    /// Whether only some elements are drawn.
    public var isSampled: Bool { elements.count < total }

    /// For titles: "12 of 1000 elements", "2 elements", or "1 element".
    public var description: String {
        if isSampled { return "\(elements.count) of \(total) elements" }
        return total == 1 ? "1 element" : "\(total) elements"
    }
}
