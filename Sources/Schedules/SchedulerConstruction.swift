extension SchedulerSpec {
    /// The scheduler over `group`, constructed as PyTorch constructs it: the schedulers a
    /// composite holds first, in order, each taking its initial step (which writes the group),
    /// then the composite. Throws when the optimizer lacks what the schedule changes.
    public func makeScheduler(for group: ParameterGroup) throws(SchedulerSpecError) -> any Scheduler {
        if cyclesMomentum, group.momentumKey == nil {
            throw SchedulerSpecError(spec: description, "it cycles the momentum, but the optimizer has neither momentum nor betas; add cycle_momentum=false")
        }
        switch name {
        case "sequentiallr":
            return SequentialLR(group: group, schedulers: children.map { plainScheduler($0, group) }, milestones: value("milestones")!.integers)
        case "chainedscheduler":
            var schedulers: [any Scheduler] = []
            for child in children { schedulers.append(try child.makeScheduler(for: group)) }
            return ChainedScheduler(schedulers: schedulers)
        case "reducelronplateau":
            return ReduceLROnPlateau(
                group: group, minimises: value("mode")!.word == "min", factor: value("factor")!.real, patience: value("patience")!.integer,
                threshold: value("threshold")!.real, relative: value("threshold_mode")!.word == "rel", cooldown: value("cooldown")!.integer,
                minLR: value("min_lr")!.real, eps: value("eps")!.real)
        default:
            return plainScheduler(self, group)
        }
    }

    /// `momentum=true`'s range from base_momentum and max_momentum.
    private var momentumRange: (base: Double, max: Double)? {
        value("cycle_momentum")!.boolean ? (value("base_momentum")!.real, value("max_momentum")!.real) : nil
    }

    /// One of the schedulers built on `LRScheduler` (the kinds a `sequentiallr` may hold).
    private func plainScheduler(_ spec: SchedulerSpec, _ group: ParameterGroup) -> LRScheduler {
        let value = { (key: String) in spec.value(key)! }
        switch spec.name {
        case "steplr": return StepLR(group: group, stepSize: value("step_size").integer, gamma: value("gamma").real)
        case "multisteplr": return MultiStepLR(group: group, milestones: value("milestones").integers, gamma: value("gamma").real)
        case "exponentiallr": return ExponentialLR(group: group, gamma: value("gamma").real)
        case "cosineannealinglr": return CosineAnnealingLR(group: group, tMax: value("T_max").integer, etaMin: value("eta_min").real)
        case "cosineannealingwarmrestarts":
            return CosineAnnealingWarmRestarts(group: group, t0: value("T_0").integer, tMult: value("T_mult").integer, etaMin: value("eta_min").real)
        case "linearlr":
            return LinearLR(
                group: group, startFactor: value("start_factor").real, endFactor: value("end_factor").real, totalIters: value("total_iters").integer)
        case "constantlr": return ConstantLR(group: group, factor: value("factor").real, totalIters: value("total_iters").integer)
        case "polynomiallr": return PolynomialLR(group: group, totalIters: value("total_iters").integer, power: value("power").real)
        case "onecyclelr":
            return OneCycleLR(
                group: group, maxLR: value("max_lr").real, totalSteps: value("total_steps").integer, pctStart: value("pct_start").real,
                cosine: value("anneal_strategy").word == "cos", momentum: spec.momentumRange, divFactor: value("div_factor").real,
                finalDivFactor: value("final_div_factor").real, threePhase: value("three_phase").boolean)
        case "cycliclr":
            return CyclicLR(
                group: group, baseLR: value("base_lr").real, maxLR: value("max_lr").real, stepSizeUp: value("step_size_up").integer,
                stepSizeDown: spec.value("step_size_down")?.integer, mode: CyclicLR.Mode(rawValue: value("mode").word)!,
                gamma: value("gamma").real, momentum: spec.momentumRange)
        default:
            preconditionFailure("\(spec.name) is not a plain scheduler; SchedulerSpec's validation keeps composites out of sequentiallr")
        }
    }
}
