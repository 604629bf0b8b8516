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
            var sumOfSquares = 0.0
            for value in gradient.storage { sumOfSquares = sumOfSquares.addingProduct(value, value) }
            let norm = sumOfSquares.squareRoot()
            sumOfSquaredNorms = sumOfSquaredNorms.addingProduct(norm, norm)
        }
    }
    let totalNorm = sumOfSquaredNorms.squareRoot()
    let coefficient = maxNorm / (totalNorm + 1e-6)
    let clamped = coefficient > 1 ? 1 : coefficient
    parameters.forEachBorrowed { _, parameter in
        parameter.withBorrowedGrad { gradient in
            for index in gradient.storage.indices { gradient.storage[index] *= clamped }
        }
    }
    return totalNorm
}
