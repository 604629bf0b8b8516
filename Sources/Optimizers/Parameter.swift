/// A tensor of trainable values with the gradient buffer it owns: PyTorch's `nn.Parameter`.
public final class Parameter {
    /// The parameter's elements.
    public var values: [Double]
    /// The gradient buffer; `nil` before the first backward pass and after `zeroGrad(.none)`.
    public var grad: GradientBuffer?

    public init(_ values: [Double]) {
        self.values = values
    }

    /// Clears the gradient as `Optimizer.zero_grad(set_to_none:)` does.
    public func zeroGrad(_ mode: ZeroGradMode) {
        switch mode {
        case .inplace:
            guard let grad else { return }
            for index in grad.values.indices { grad.values[index] = 0 }
        case .none:
            grad = nil
        }
    }

    /// Adds `gradient` into the buffer, allocating one if there is none: what `backward()` does.
    public func accumulateGradient(_ gradient: ArraySlice<Double>) {
        if let grad {
            for (index, value) in zip(grad.values.indices, gradient) { grad.values[index] += value }
        } else {
            grad = GradientBuffer(Array(gradient))
        }
    }
}

/// How gradients are cleared between steps.
public enum ZeroGradMode: String, Sendable, CaseIterable {
    /// `zero_grad(set_to_none=False)`: one buffer, zeroed in place and refilled every step.
    case inplace
    /// `zero_grad(set_to_none=True)`: a fresh buffer every step.
    case none
}
