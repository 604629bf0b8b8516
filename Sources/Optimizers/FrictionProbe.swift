/// Listens to DiffGrad's friction: for the latest step, the previous gradient each element's
/// friction read (g(t-1) as the optimizer saw it) and the friction ξ it computed.
///
/// Elements are numbered across all parameters in order, as the runner flattens them.
public final class FrictionProbe {
    /// g(t-1) per element, as read during the latest step.
    public let previousGradient: UnsafeMutableBufferPointer<Double>
    /// ξ per element from the latest step.
    public let friction: UnsafeMutableBufferPointer<Double>

    /// A probe for `elementCount` elements in all, filled with NaN until a step reports.
    public init(elementCount: Int) {
        previousGradient = .allocate(capacity: elementCount)
        previousGradient.initialize(repeating: .nan)
        friction = .allocate(capacity: elementCount)
        friction.initialize(repeating: .nan)
    }

    deinit {
        previousGradient.deallocate()
        friction.deallocate()
    }

    /// Stores what element `element` read and computed this step.
    @inline(__always)
    public func record(element: Int, previousGradient value: Double, friction xi: Double) {
        previousGradient[element] = value
        friction[element] = xi
    }
}
