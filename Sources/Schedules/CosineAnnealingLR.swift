import Foundation

/// `CosineAnnealingLR(T_max, eta_min=0)`: the lr follows `η_min + (base - η_min)(1 + cos(πt/T))/2`
/// (the closed form). `step()` uses PyTorch's recursion,
/// `(1 + cos(πt/T))/(1 + cos(π(t-1)/T))·(lr - η_min) + η_min`, with its own step at the
/// trough (`(t - 1 - T) mod 2T = 0`): `lr + (base - η_min)(1 - cos(π/T))/2`.
final class CosineAnnealingLR: LRScheduler {
    let tMax: Int
    let etaMin: Double

    init(group: ParameterGroup, tMax: Int, etaMin: Double) {
        self.tMax = tMax
        self.etaMin = etaMin
        super.init(group: group)
    }

    override func recursiveLR() -> Double {
        let period = Double(tMax)
        if isInitial { return group.lr }
        if stepCount == 1 && lastEpoch > 0 {
            return etaMin + (baseLR - etaMin) * (1 + cos(Double(lastEpoch) * Double.pi / period)) / 2
        }
        if (lastEpoch - 1 - tMax) % (2 * tMax) == 0 {
            return group.lr + (baseLR - etaMin) * (1 - cos(Double.pi / period)) / 2
        }
        return (1 + cos(Double.pi * Double(lastEpoch) / period)) / (1 + cos(Double.pi * Double(lastEpoch - 1) / period))
            * (group.lr - etaMin) + etaMin
    }

    override func closedFormLR() -> Double? {
        etaMin + (baseLR - etaMin) * (1 + cos(Double.pi * Double(lastEpoch) / Double(tMax))) / 2
    }
}
