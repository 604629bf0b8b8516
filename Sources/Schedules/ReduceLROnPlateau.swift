/// `ReduceLROnPlateau(mode=min, factor=0.1, patience=10, threshold=1e-4, threshold_mode=rel,
/// cooldown=0, min_lr=0, eps=1e-8)`, stepped with each step's loss: when the loss has not
/// improved on the best by the threshold (`rel`: below `best·(1 - threshold)`; `abs`: below
/// `best - threshold`; mirrored for `max`) for more than `patience` steps, `lr ← max(lr·factor,
/// min_lr)` (skipped when that changes it by no more than `eps`), then `cooldown` steps pass
/// before bad steps count again.
final class ReduceLROnPlateau: Scheduler {
    let group: ParameterGroup
    let minimises: Bool
    let factor: Double
    let patience: Int
    let threshold: Double
    let relative: Bool
    let cooldown: Int
    let minLR: Double
    let eps: Double
    var best: Double
    var badSteps = 0
    var cooldownCounter = 0

    init(
        group: ParameterGroup, minimises: Bool, factor: Double, patience: Int, threshold: Double, relative: Bool, cooldown: Int,
        minLR: Double, eps: Double
    ) {
        self.group = group
        self.minimises = minimises
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.relative = relative
        self.cooldown = cooldown
        self.minLR = minLR
        self.eps = eps
        best = minimises ? .infinity : -.infinity
    }

    private func isBetter(_ value: Double) -> Bool {
        switch (minimises, relative) {
        case (true, true): value < best * (1.0 - threshold)
        case (true, false): value < best - threshold
        case (false, true): value > best * (threshold + 1.0)
        case (false, false): value > best + threshold
        }
    }

    func step(loss: Double) {
        if isBetter(loss) {
            best = loss
            badSteps = 0
        } else {
            badSteps += 1
        }
        if cooldownCounter > 0 {
            cooldownCounter -= 1
            badSteps = 0
        }
        if badSteps > patience {
            let old = group.lr
            let new = max(old * factor, minLR)
            if old - new > eps { group.lr = new }
            cooldownCounter = cooldown
            badSteps = 0
        }
    }
}
