/// The gradient tensor that a parameter owns, with reference semantics like PyTorch's `p.grad`.
///
/// `zero_grad(set_to_none=False)` zeroes this storage in place and the next `backward()` refills
/// the same storage, so anyone holding a reference sees the new values. `set_to_none=True`
/// drops the buffer, and the next backward pass allocates a fresh one.
///
/// The elements live in one fixed allocation, like a tensor's storage: every holder of the
/// buffer reads and writes the same memory, with no copy-on-write and no exclusivity checks.
public final class GradientBuffer {
    /// The storage, valid for the buffer's lifetime.
    public let storage: UnsafeMutableBufferPointer<Double>

    /// A buffer holding a copy of `values`.
    public init<Values: Collection<Double>>(_ values: Values) {
        storage = .allocate(capacity: values.count)
        _ = storage.initialize(from: values)
    }

    /// A buffer of `count` zeros: `torch.zeros_like`.
    public init(zeros count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: 0)
    }

    deinit {
        storage.deallocate()
    }

    /// The number of elements.
    public var count: Int { storage.count }

    /// A copy of the elements.
    public var values: [Double] { Array(storage) }

    public subscript(index: Int) -> Double {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    /// A new buffer with a copy of these values: `grad.clone()`.
    public func clone() -> GradientBuffer {
        GradientBuffer(storage)
    }

    /// Overwrites the elements with those of `other` (same count): `copy_`.
    public func copy(from other: GradientBuffer) {
        precondition(other.count == count, "GradientBuffer.copy(from:) needs equal counts")
        _ = storage.update(fromContentsOf: other.storage)
    }
}
