import Foundation

/// `CyclicLR(base_lr, max_lr, step_size_up=2000, step_size_down=step_size_up, mode=triangular,
/// gamma=1, cycle_momentum=true, base_momentum=0.8, max_momentum=0.9)`: the lr
/// climbs from `base_lr` to `max_lr` over `step_size_up` steps and back over `step_size_down`,
/// the amplitude scaled by mode (triangular 1, triangular2 `1/2^(cycle-1)`, exp_range `γᵗ`);
/// with `cycle_momentum` the momentum (β₁ for Adam-style optimizers) moves the opposite way,
/// from `max_momentum` to `base_momentum`. Always computed from the cycle position.
final class CyclicLR: LRScheduler {
    enum Mode: String, CaseIterable { case triangular, triangular2, expRange = "exp_range" }

    let maxLR: Double
    let totalSize: Double
    let stepRatio: Double
    let mode: Mode
    let gamma: Double
    /// Whether the scale function reads the cycle number (else the step): PyTorch's built-in
    /// modes set `scale_mode` themselves, so it is not an option here.
    let scalesByCycle: Bool
    let momentumRange: (base: Double, max: Double)?

    init(
        group: ParameterGroup, baseLR: Double, maxLR: Double, stepSizeUp: Int, stepSizeDown: Int?, mode: Mode, gamma: Double,
        momentum: (base: Double, max: Double)?
    ) {
        group.lr = baseLR
        self.maxLR = maxLR
        let up = Double(stepSizeUp), down = stepSizeDown.map(Double.init) ?? up
        totalSize = up + down
        stepRatio = up / totalSize
        self.mode = mode
        self.gamma = gamma
        scalesByCycle = mode != .expRange
        momentumRange = momentum
        if let momentum, let key = group.momentumKey {
            group[key] = momentum.max
            group["max_momentum"] = momentum.max
            group["base_momentum"] = momentum.base
        }
        super.init(group: group)
        self.baseLR = baseLR
    }

    private func scale(_ x: Double) -> Double {
        switch mode {
        case .triangular: 1.0
        case .triangular2: 1 / pow(2.0, x - 1)
        case .expRange: pow(gamma, x)
        }
    }

    override func recursiveLR() -> Double {
        let cycle = (1 + Double(lastEpoch) / totalSize).rounded(.down)
        let x = 1.0 + Double(lastEpoch) / totalSize - cycle
        let scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1)
        let scaled = scale(scalesByCycle ? cycle : Double(lastEpoch))
        let lr = baseLR + (maxLR - baseLR) * scaleFactor * scaled
        if let momentumRange, let key = group.momentumKey {
            group[key] = momentumRange.max - (momentumRange.max - momentumRange.base) * scaleFactor * scaled
        }
        return lr
    }
}
