/// PyTorch's `LRScheduler` base class, step for step: construction sets `initial_lr` (if no
/// scheduler did) and takes it as the base lr, then takes an initial step; `step()` counts the
/// step, advances `last_epoch` and writes `get_lr()` — the recursive form, from the group's
/// current lr — into the group. `_update_lr(epoch)` (SequentialLR's call at a milestone) sets
/// `last_epoch` and uses the closed form where the class has one. The two forms agree except in
/// the last bits, so each is used exactly where PyTorch uses it.
///
/// Subclasses override `recursiveLR()` (`get_lr`) and, where PyTorch has it,
/// `closedFormLR()` (`_get_closed_form_lr`).
public class LRScheduler: Scheduler {
    let group: ParameterGroup
    /// `last_epoch`: -1 before the initial step.
    var lastEpoch: Int
    /// `_step_count`.
    var stepCount = 0
    /// `base_lrs[0]`.
    var baseLR: Double
    /// `_is_initial`: true during the initial step.
    var isInitial = false

    init(group: ParameterGroup) {
        self.group = group
        if group["initial_lr"] == nil { group["initial_lr"] = group.lr }
        baseLR = group["initial_lr"]!
        lastEpoch = -1
        initialStep()
    }

    /// `_initial_step()`.
    func initialStep() {
        stepCount = 0
        isInitial = true
        step()
        isInitial = false
    }

    /// `get_lr()`.
    func recursiveLR() -> Double { group.lr }

    /// `_get_closed_form_lr()`, or nil for a class without one.
    func closedFormLR() -> Double? { nil }

    /// `step()`.
    func step() {
        stepCount += 1
        updateLR(epoch: nil)
    }

    /// `_update_lr(epoch)`.
    func updateLR(epoch: Int?) {
        let value: Double
        if let epoch {
            lastEpoch = epoch
            value = closedFormLR() ?? recursiveLR()
        } else {
            lastEpoch += 1
            value = recursiveLR()
        }
        group.lr = value
    }

    public func step(loss: Double) { step() }
}

/// A scheduler as the training loop calls it, once after each `optimizer.step()`.
public protocol Scheduler: AnyObject {
    /// `scheduler.step()`; ReduceLROnPlateau's `step(metrics)` reads the step's `loss`.
    func step(loss: Double)
}
