/// Clips the gradients of `parameters` in place as `torch.nn.utils.clip_grad_norm_` does:
/// the total 2-norm over all buffers `N = ‖(‖g₁‖, ‖g₂‖, ...)‖`, the factor
/// `c = min(maxNorm / (N + 1e-6), 1)`, and every buffer multiplied by `c` (even when `c = 1`).
/// Parameters without a gradient are skipped. A non-finite norm makes `c` NaN or 0, as in PyTorch.
/// Sums of squares accumulate with fused multiply-adds, as PyTorch's CPU norm kernel does.
///
/// - Returns: the total norm before clipping.
@discardableResult
public func clipGradNorm(_ parameters: [Parameter], maxNorm: Double) -> Double {
    var sumOfSquaredNorms = 0.0
    parameters.forEachBorrowed { _, parameter in
        parameter.withBorrowedGrad { gradient in
            // A 2-D point's count as a constant: the loops unroll (see `TransformationEngine`).
            let count = gradient.count
            let norm = (count == 2 ? sumOfSquares(gradient.storage, count: 2) : sumOfSquares(gradient.storage, count: count)).squareRoot()
            sumOfSquaredNorms = sumOfSquaredNorms.addingProduct(norm, norm)
        }
    }
    let totalNorm = sumOfSquaredNorms.squareRoot()
    let coefficient = maxNorm / (totalNorm + 1e-6)
    let clamped = coefficient > 1 ? 1 : coefficient
    parameters.forEachBorrowed { _, parameter in
        parameter.withBorrowedGrad { gradient in
            let count = gradient.count
            if count == 2 { scale(gradient.storage, by: clamped, count: 2) } else { scale(gradient.storage, by: clamped, count: count) }
        }
    }
    return totalNorm
}

/// g₀² + g₁² + ... over the first `count` elements, accumulated with fused multiply-adds.
@inline(__always)
private func sumOfSquares(_ values: UnsafeMutableBufferPointer<Double>, count: Int) -> Double {
    var sum = 0.0
    for index in 0..<count { sum = sum.addingProduct(values[index], values[index]) }
    return sum
}

/// Multiplies the first `count` elements by `factor`.
@inline(__always)
private func scale(_ values: UnsafeMutableBufferPointer<Double>, by factor: Double, count: Int) {
    for index in 0..<count { values[index] *= factor }
}
