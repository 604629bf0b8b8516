/// Clips the gradients of `parameters` in place as `torch.nn.utils.clip_grad_norm_` does:
/// the total 2-norm over all buffers `N = ‖(‖g₁‖, ‖g₂‖, ...)‖`, the factor
/// `c = min(maxNorm / (N + 1e-6), 1)`, and every buffer multiplied by `c` (even when `c = 1`).
/// Parameters without a gradient are skipped. A non-finite norm makes `c` NaN or 0, as in PyTorch.
///
/// - Returns: the total norm before clipping.
@discardableResult
public func clipGradNorm(_ parameters: [Parameter], maxNorm: Double) -> Double {
    var sumOfSquaredNorms = 0.0
    for parameter in parameters {
        guard let gradient = parameter.grad else { continue }
        var sumOfSquares = 0.0
        for value in gradient.storage { sumOfSquares += value * value }
        let norm = sumOfSquares.squareRoot()
        sumOfSquaredNorms += norm * norm
    }
    let totalNorm = sumOfSquaredNorms.squareRoot()
    let coefficient = maxNorm / (totalNorm + 1e-6)
    let clamped = coefficient > 1 ? 1 : coefficient
    for parameter in parameters {
        guard let gradient = parameter.grad else { continue }
        for index in gradient.storage.indices { gradient.storage[index] *= clamped }
    }
    return totalNorm
}
