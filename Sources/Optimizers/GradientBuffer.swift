/// The gradient tensor that a parameter owns, with reference semantics like PyTorch's `p.grad`.
///
/// `zero_grad(set_to_none=False)` zeroes this storage in place and the next `backward()` refills
/// the same storage, so anyone holding a reference sees the new values. `set_to_none=True`
/// drops the buffer, and the next backward pass allocates a fresh one.
public final class GradientBuffer {
    /// The gradient's elements.
    public var values: [Double]

    public init(_ values: [Double]) {
        self.values = values
    }

    /// A new buffer with a copy of these values: `grad.clone()`.
    public func clone() -> GradientBuffer {
        GradientBuffer(values)
    }
}
