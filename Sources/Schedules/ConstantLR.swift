/// `ConstantLR(factor=1/3, total_iters=5)`: `lr·factor` until step `total_iters`, then the lr
/// divided back (`lr·(1/factor)`); closed form `base·(factor + [t ≥ total_iters]·(1 - factor))`.
final class ConstantLR: LRScheduler {
    let factor: Double
    let totalIters: Int

    init(group: ParameterGroup, factor: Double, totalIters: Int) {
        self.factor = factor
        self.totalIters = totalIters
        super.init(group: group)
    }

    override func recursiveLR() -> Double {
        if lastEpoch == 0 { return group.lr * factor }
        return lastEpoch != totalIters ? group.lr : group.lr * (1.0 / factor)
    }

    override func closedFormLR() -> Double? {
        baseLR * (factor + (lastEpoch >= totalIters ? 1 : 0) * (1 - factor))
    }
}
