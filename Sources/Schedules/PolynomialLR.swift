import Foundation

/// `PolynomialLR(total_iters=5, power=1)`: the lr decays to 0 at `total_iters` as
/// `(1 - t/T)^p`. Recursively `lr·((1 - t/T)/(1 - (t-1)/T))^p`; closed form `base·(1 - min(T, t)/T)^p`.
final class PolynomialLR: LRScheduler {
    let totalIters: Int
    let power: Double

    init(group: ParameterGroup, totalIters: Int, power: Double) {
        self.totalIters = totalIters
        self.power = power
        super.init(group: group)
    }

    override func recursiveLR() -> Double {
        if isInitial || lastEpoch > totalIters { return group.lr }
        let total = Double(totalIters)
        let decay = pow((1.0 - Double(lastEpoch) / total) / (1.0 - Double(lastEpoch - 1) / total), power)
        return group.lr * decay
    }

    override func closedFormLR() -> Double? {
        baseLR * pow(1.0 - Double(min(totalIters, lastEpoch)) / Double(totalIters), power)
    }
}
