/// `LinearLR(start_factor=1/3, end_factor=1, total_iters=5)`: the factor moves linearly from
/// start to end over `total_iters` steps. Recursively `lr·(1 + (e-s)/(T·s + (t-1)·(e-s)))`;
/// closed form `base·(s + (e-s)·min(T, t)/T)`.
final class LinearLR: LRScheduler {
    let startFactor: Double
    let endFactor: Double
    let totalIters: Int

    init(group: ParameterGroup, startFactor: Double, endFactor: Double, totalIters: Int) {
        self.startFactor = startFactor
        self.endFactor = endFactor
        self.totalIters = totalIters
        super.init(group: group)
    }

    override func recursiveLR() -> Double {
        if lastEpoch == 0 { return group.lr * startFactor }
        if isInitial || lastEpoch > totalIters { return group.lr }
        let change = endFactor - startFactor
        return group.lr * (1.0 + change / (Double(totalIters) * startFactor + Double(lastEpoch - 1) * change))
    }

    override func closedFormLR() -> Double? {
        baseLR * (startFactor + (endFactor - startFactor) * Double(min(totalIters, lastEpoch)) / Double(totalIters))
    }
}
