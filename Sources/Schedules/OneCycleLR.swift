import Foundation

/// `OneCycleLR(max_lr, total_steps, pct_start=0.3, anneal_strategy=cos, cycle_momentum=true,
/// base_momentum=0.85, max_momentum=0.95, div_factor=25, final_div_factor=1e4,
/// three_phase=false)`: the lr anneals from `max_lr/div_factor` up to `max_lr` over the first
/// `pct_start` of the steps, then down to `initial_lr/final_div_factor` (three phases: back to
/// the initial lr first); the momentum (β₁ for Adam-style optimizers) moves opposite, between
/// `max_momentum` and `base_momentum`. Cosine: `end + (start - end)/2·(cos(π·pct) + 1)`;
/// linear: `(end - start)·pct + start`. Stepping past `total_steps` is an error in PyTorch, so a
/// run may not take more steps than that.
final class OneCycleLR: LRScheduler {
    struct Phase {
        let endStep: Double
        let startLR: String, endLR: String
        let startMomentum: String, endMomentum: String
    }

    let totalSteps: Int
    let phases: [Phase]
    let cosine: Bool
    let cyclesMomentum: Bool

    init(
        group: ParameterGroup, maxLR: Double, totalSteps: Int, pctStart: Double, cosine: Bool,
        momentum: (base: Double, max: Double)?, divFactor: Double, finalDivFactor: Double, threePhase: Bool
    ) {
        self.totalSteps = totalSteps
        let total = Double(totalSteps)
        if threePhase {
            phases = [
                Phase(endStep: pctStart * total - 1, startLR: "initial_lr", endLR: "max_lr", startMomentum: "max_momentum", endMomentum: "base_momentum"),
                Phase(endStep: 2 * pctStart * total - 2, startLR: "max_lr", endLR: "initial_lr", startMomentum: "base_momentum", endMomentum: "max_momentum"),
                Phase(endStep: total - 1, startLR: "initial_lr", endLR: "min_lr", startMomentum: "max_momentum", endMomentum: "max_momentum"),
            ]
        } else {
            phases = [
                Phase(endStep: pctStart * total - 1, startLR: "initial_lr", endLR: "max_lr", startMomentum: "max_momentum", endMomentum: "base_momentum"),
                Phase(endStep: total - 1, startLR: "max_lr", endLR: "min_lr", startMomentum: "base_momentum", endMomentum: "max_momentum"),
            ]
        }
        self.cosine = cosine
        group["initial_lr"] = maxLR / divFactor
        group["max_lr"] = maxLR
        group["min_lr"] = group["initial_lr"]! / finalDivFactor
        cyclesMomentum = momentum != nil
        if let momentum, let key = group.momentumKey {
            group[key] = momentum.max
            group["max_momentum"] = momentum.max
            group["base_momentum"] = momentum.base
        }
        super.init(group: group)
    }

    private func anneal(_ start: Double, _ end: Double, _ pct: Double) -> Double {
        cosine ? end + (start - end) / 2.0 * (cos(Double.pi * pct) + 1) : (end - start) * pct + start
    }

    override func recursiveLR() -> Double {
        precondition(lastEpoch <= totalSteps, "OneCycleLR stepped past total_steps; the run's length is checked up front")
        var startStep = 0.0
        for (index, phase) in phases.enumerated() {
            if Double(lastEpoch) <= phase.endStep || index == phases.count - 1 {
                let pct = (Double(lastEpoch) - startStep) / (phase.endStep - startStep)
                if cyclesMomentum, let key = group.momentumKey {
                    group[key] = anneal(group[phase.startMomentum]!, group[phase.endMomentum]!, pct)
                }
                return anneal(group[phase.startLR]!, group[phase.endLR]!, pct)
            }
            startStep = phase.endStep
        }
        return group.lr
    }
}
