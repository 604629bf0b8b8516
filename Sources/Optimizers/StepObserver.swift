/// A named per-element quantity an optimizer reports at each step, for a trajectory to record:
/// DiffGrad's g(t-1) and ξ, the first moment or momentum buffer. Channels are compared by identity, so finding one is a pointer
/// comparison; declare each once, as a static constant.
public final class ObserverChannel: Sendable {
    /// The name a trajectory record gives it.
    public let name: String
    /// One line on what it holds.
    public let summary: String

    public init(_ name: String, _ summary: String) {
        self.name = name
        self.summary = summary
    }

    /// What DiffGrad's friction read as the previous gradient g(t-1).
    public static let previousGradient = ObserverChannel("previousGradient", "g(t-1) as the optimizer read it")
    /// DiffGrad's friction ξ.
    public static let friction = ObserverChannel("friction", "the friction ξ")
    /// The first moment m (`exp_avg` of the Adam family, Lion's momentum) or SGD's momentum buffer b, after the step.
    public static let firstMoment = ObserverChannel("firstMoments", "the first moment m, or the momentum buffer b, after the step")
}

/// Listens to an optimizer's steps: for each of its channels, the latest step's value per
/// element, elements numbered across all parameters in order, as the runner flattens them.
public final class StepObserver {
    /// The channels heard, in the order they were asked for.
    public let channels: [ObserverChannel]
    /// One slot per channel: its identity and its values (NaN until a step reports).
    private let slots: UnsafeMutableBufferPointer<(channel: ObjectIdentifier, values: UnsafeMutableBufferPointer<Double>)>

    /// An observer of `channels` for `elementCount` elements in all.
    public init(channels: [ObserverChannel], elementCount: Int) {
        self.channels = channels
        slots = .allocate(capacity: channels.count)
        for (index, channel) in channels.enumerated() {
            let values = UnsafeMutableBufferPointer<Double>.allocate(capacity: elementCount)
            values.initialize(repeating: .nan)
            (slots.baseAddress! + index).initialize(to: (ObjectIdentifier(channel), values))
        }
    }

    deinit {
        for slot in slots { slot.values.deallocate() }
        slots.deallocate()
    }

    /// The latest step's values of `channel`, one per element; `nil` when it is not heard.
    @inline(__always)
    public subscript(channel: ObserverChannel) -> UnsafeMutableBufferPointer<Double>? {
        let identity = ObjectIdentifier(channel)
        for slot in slots where slot.channel == identity { return slot.values }
        return nil
    }
}
