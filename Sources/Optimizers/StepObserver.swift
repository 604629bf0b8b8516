/// A named per-element quantity an optimizer reports at each step, for a trajectory to record:
/// DiffGrad's g(t-1) and ξ, the first moment or momentum buffer. Declare each once, as a static property like those below: a channel
/// is a pair of string constants, so naming one costs nothing, and two channels are the same
/// when their names are the same constant (a pointer comparison).
public struct ObserverChannel: Sendable, Equatable {
    /// The name a trajectory record gives it.
    public let name: StaticString
    /// One line on what it holds.
    public let summary: StaticString

    public init(_ name: StaticString, _ summary: StaticString) {
        self.name = name
        self.summary = summary
    }

    /// What DiffGrad's friction read as the previous gradient g(t-1).
    public static var previousGradient: ObserverChannel { ObserverChannel("previousGradient", "g(t-1) as the optimizer read it") }
    /// DiffGrad's friction ξ.
    public static var friction: ObserverChannel { ObserverChannel("friction", "the friction ξ") }
    /// The first moment m (`exp_avg` of the Adam family, Lion's momentum) or SGD's momentum buffer b, after the step.
    public static var firstMoment: ObserverChannel {
        ObserverChannel("firstMoments", "the first moment m, or the momentum buffer b, after the step")
    }

    /// The same channel: the same name constant.
    @inline(__always)
    public static func == (lhs: ObserverChannel, rhs: ObserverChannel) -> Bool {
        lhs.name.utf8Start == rhs.name.utf8Start && lhs.name.utf8CodeUnitCount == rhs.name.utf8CodeUnitCount
    }
}

/// Listens to an optimizer's steps: for each of its channels, the latest step's value per
/// element, elements numbered across all parameters in order, as the runner flattens them.
public final class StepObserver {
    /// The channels heard, in the order they were asked for.
    public let channels: [ObserverChannel]
    /// One slot per channel: the channel and its values (NaN until a step reports).
    private let slots: UnsafeMutableBufferPointer<(channel: ObserverChannel, values: UnsafeMutableBufferPointer<Double>)>

    /// An observer of `channels` for `elementCount` elements in all.
    public init(channels: [ObserverChannel], elementCount: Int) {
        self.channels = channels
        slots = .allocate(capacity: channels.count)
        for (index, channel) in channels.enumerated() {
            let values = UnsafeMutableBufferPointer<Double>.allocate(capacity: elementCount)
            values.initialize(repeating: .nan)
            (slots.baseAddress! + index).initialize(to: (channel, values))
        }
    }

    deinit {
        for slot in slots { slot.values.deallocate() }
        slots.deallocate()
    }

    /// The latest step's values of `channel`, one per element; `nil` when it is not heard.
    @inline(__always)
    public subscript(channel: ObserverChannel) -> UnsafeMutableBufferPointer<Double>? {
        for slot in slots where slot.channel == channel { return slot.values }
        return nil
    }
}
