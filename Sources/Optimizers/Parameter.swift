/// A tensor of trainable values with the gradient buffer it owns: PyTorch's `nn.Parameter`.
///
/// Like `GradientBuffer`, the elements live in one fixed allocation that optimizers update in
/// place, without copy-on-write or exclusivity checks on the hot path.
public final class Parameter {
    /// The parameter's elements, valid for its lifetime.
    public let storage: UnsafeMutableBufferPointer<Double>
    /// The gradient buffer; `nil` before the first backward pass and after `zeroGrad(.none)`.
    /// (A training loop owns its parameters on one thread; the dynamic exclusivity check would
    /// cost more than a step.)
    @exclusivity(unchecked) public var grad: GradientBuffer?

    public init(_ values: [Double]) {
        storage = .allocate(capacity: values.count)
        _ = storage.initialize(from: values)
    }

    deinit {
        storage.deallocate()
    }

    /// The number of elements.
    public var count: Int { storage.count }

    /// A copy of the elements; setting it overwrites them (the count must stay the same).
    public var values: [Double] {
        get { Array(storage) }
        set {
            precondition(newValue.count == storage.count, "a parameter keeps its number of elements")
            _ = storage.update(fromContentsOf: newValue)
        }
    }

    /// Clears the gradient as `Optimizer.zero_grad(set_to_none:)` does.
    public func zeroGrad(_ mode: ZeroGradMode) {
        switch mode {
        case .inplace:
            // A 2-D point's two elements are cleared by one store rather than a memset call.
            withBorrowedGrad { grad in
                if count == 2 { Self.clear(grad.storage, count: 2) } else { Self.clear(grad.storage, count: count) }
            }
        case .none:
            grad = nil
        }
    }

    /// Adds `gradient` (one value per element) into the buffer, allocating one if there is none:
    /// what `backward()` does.
    public func accumulateGradient<Gradient: Collection<Double>>(_ gradient: Gradient) {
        precondition(gradient.count == storage.count, "a gradient needs one value per parameter element")
        if let grad {
            var index = 0
            for value in gradient {
                grad.storage[index] += value
                index += 1
            }
        } else {
            grad = GradientBuffer(gradient)
        }
    }

    /// Sets the first `count` elements of `buffer` to 0.
    @inline(__always)
    private static func clear(_ buffer: UnsafeMutableBufferPointer<Double>, count: Int) {
        for index in 0..<count { buffer[index] = 0 }
    }

    /// Copies the first `count` elements of `source` into `destination`.
    @inline(__always)
    private static func copy(_ source: UnsafeMutableBufferPointer<Double>, into destination: UnsafeMutableBufferPointer<Double>, count: Int) {
        for index in 0..<count { destination[index] = source[index] }
    }

    /// Adds the first `count` elements of `gradient` into `buffer`.
    @inline(__always)
    private static func add(_ gradient: UnsafeBufferPointer<Double>, into buffer: UnsafeMutableBufferPointer<Double>, count: Int) {
        for index in 0..<count { buffer[index] += gradient[index] }
    }

    /// Calls `body` with the gradient buffer, if there is one, borrowed rather than retained (see
    /// `forEachBorrowed`).
    @inline(__always)
    func withBorrowedGrad(_ body: (GradientBuffer) -> Void) {
        guard let grad = grad.map(Unmanaged.passUnretained) else { return }
        grad._withUnsafeGuaranteedRef(body)
    }

    /// Writes the gradient (zeros when there is no buffer) into `destination`, which holds one
    /// value per element.
    public func copyGradient(into destination: UnsafeMutableBufferPointer<Double>) {
        precondition(destination.count == storage.count, "a gradient copy needs one slot per parameter element")
        if let grad {
            // A 2-D point's two values are copied by straight-line code rather than a memcpy call.
            if count == 2 { Self.copy(grad.storage, into: destination, count: 2) } else { Self.copy(grad.storage, into: destination, count: count) }
        } else {
            destination.update(repeating: 0)
        }
    }

    /// `accumulateGradient` for a buffer of one value per element, without generic overhead.
    public func accumulateGradient(_ gradient: UnsafeBufferPointer<Double>) {
        precondition(gradient.count == storage.count, "a gradient needs one value per parameter element")
        if let grad {
            // With a 2-D point's count a constant, the loop unrolls into straight-line code.
            if count == 2 { Self.add(gradient, into: grad.storage, count: 2) } else { Self.add(gradient, into: grad.storage, count: count) }
        } else {
            grad = GradientBuffer(gradient)
        }
    }
}

/// How gradients are cleared between steps.
public enum ZeroGradMode: String, Sendable, CaseIterable, Codable {
    /// `zero_grad(set_to_none=False)`: one buffer, zeroed in place and refilled every step.
    case inplace
    /// `zero_grad(set_to_none=True)`: a fresh buffer every step.
    case none
}

extension Array where Element == Parameter {
    /// Calls `body` with each parameter and its index, borrowed rather than retained: for the
    /// loops of a step, which hold the array throughout (a retain and release per parameter
    /// per step cost about as much as Adam's arithmetic on two elements).
    @inlinable
    public func forEachBorrowed(_ body: (_ index: Int, _ parameter: Parameter) -> Void) {
        for index in indices {
            Unmanaged.passUnretained(self[index])._withUnsafeGuaranteedRef { body(index, $0) }
        }
    }
}
