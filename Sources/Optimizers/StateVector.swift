/// A fixed-size vector of optimizer state (a moment, an accumulator, slow weights), with
/// reference semantics like the tensors in PyTorch's `optimizer.state`.
///
/// The elements live in one allocation made when the state is created, so a step reads and
/// writes them without copy-on-write checks or allocations.
public final class StateVector {
    /// The elements, valid for the vector's lifetime.
    public let storage: UnsafeMutableBufferPointer<Double>

    /// A vector of `count` elements, all `value`: `torch.full_like`.
    public init(count: Int, repeating value: Double = 0) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: value)
    }

    /// A vector holding a copy of `values`: `torch.clone`.
    public init(copying values: UnsafeBufferPointer<Double>) {
        storage = .allocate(capacity: values.count)
        _ = storage.initialize(from: values)
    }

    deinit {
        storage.deallocate()
    }

    public subscript(index: Int) -> Double {
        @inline(__always) get { storage[index] }
        @inline(__always) set { storage[index] = newValue }
    }
}

/// PyTorch's `torch.lerp(start, end, weight)` for one element, rounded as PyTorch's CPU kernel
/// rounds it (fused multiply-adds): `start + weight·(end - start)` for weights below 0.5,
/// `end + (weight - 1)·(end - start)` from 0.5 on.
@inline(__always)
public func lerp(_ start: Double, _ end: Double, _ weight: Double) -> Double {
    let difference = end - start
    return abs(weight) < 0.5 ? start.addingProduct(weight, difference) : end.addingProduct(weight - 1, difference)
}

/// PyTorch's `a.addcmul_(b, c, value=s)` for one element: `a + (s·b)·c`, fused as its CPU kernel is.
@inline(__always)
public func addcmul(_ a: Double, _ s: Double, _ b: Double, _ c: Double) -> Double {
    a.addingProduct(s * b, c)
}

/// PyTorch's `a.add_(b, alpha=s)` for one element: `a + s·b`, fused as its CPU kernel is.
@inline(__always)
public func addScaled(_ a: Double, _ s: Double, _ b: Double) -> Double {
    a.addingProduct(s, b)
}
