/// Every scheduler TrajViz runs: torch.optim.lr_scheduler's class, lowercased, with its keyword
/// names and defaults. `sequentiallr` and `chainedscheduler` take schedulers as well.
struct SchedulerKind {
    /// The lowercased class name.
    let name: String
    let options: [SchedulerOption]
    /// Whether it holds other schedulers.
    let isComposite: Bool
    /// An example spec, for messages.
    let example: String

    static let all: [SchedulerKind] = [
        SchedulerKind(name: "steplr", options: [.init("step_size", .integer(minimum: 1)), .init("gamma", .real(0...(.infinity)), "0.1")], isComposite: false, example: "steplr(step_size=100, gamma=0.5)"),
        SchedulerKind(name: "multisteplr", options: [.init("milestones", .integers), .init("gamma", .real(0...(.infinity)), "0.1")], isComposite: false, example: "multisteplr(milestones=100;200)"),
        SchedulerKind(name: "exponentiallr", options: [.init("gamma", .real(0...(.infinity)))], isComposite: false, example: "exponentiallr(gamma=0.99)"),
        SchedulerKind(name: "cosineannealinglr", options: [.init("T_max", .integer(minimum: 1)), .init("eta_min", .real(0...(.infinity)), "0.0")], isComposite: false, example: "cosineannealinglr(T_max=300)"),
        SchedulerKind(
            name: "cosineannealingwarmrestarts",
            options: [.init("T_0", .integer(minimum: 1)), .init("T_mult", .integer(minimum: 1), "1"), .init("eta_min", .real(0...(.infinity)), "0.0")],
            isComposite: false, example: "cosineannealingwarmrestarts(T_0=50, T_mult=2)"),
        SchedulerKind(
            name: "linearlr",
            options: [.init("start_factor", .real(Double.leastNonzeroMagnitude...1), "0.3333333333333333"), .init("end_factor", .real(0...1), "1.0"), .init("total_iters", .integer(minimum: 1), "5")],
            isComposite: false, example: "linearlr(start_factor=0.1, total_iters=20)"),
        SchedulerKind(
            name: "constantlr", options: [.init("factor", .real(Double.leastNonzeroMagnitude...1), "0.3333333333333333"), .init("total_iters", .integer(minimum: 0), "5")],
            isComposite: false, example: "constantlr(factor=0.5, total_iters=20)"),
        SchedulerKind(name: "polynomiallr", options: [.init("total_iters", .integer(minimum: 1), "5"), .init("power", .real(0...(.infinity)), "1.0")], isComposite: false, example: "polynomiallr(total_iters=300, power=2)"),
        SchedulerKind(
            name: "onecyclelr",
            options: [
                .init("max_lr", .real(Double.leastNonzeroMagnitude...(.infinity))), .init("total_steps", .integer(minimum: 1)),
                .init("pct_start", .real(0...1), "0.3"), .init("anneal_strategy", .word(["cos", "linear"]), "cos"),
                .init("cycle_momentum", .boolean, "true"), .init("base_momentum", .real(0...1), "0.85"), .init("max_momentum", .real(0...1), "0.95"),
                .init("div_factor", .real(Double.leastNonzeroMagnitude...(.infinity)), "25.0"),
                .init("final_div_factor", .real(Double.leastNonzeroMagnitude...(.infinity)), "10000.0"), .init("three_phase", .boolean, "false"),
            ],
            isComposite: false, example: "onecyclelr(max_lr=0.1, total_steps=300)"),
        SchedulerKind(
            name: "cycliclr",
            options: [
                .init("base_lr", .real(0...(.infinity))), .init("max_lr", .real(0...(.infinity))), .init("step_size_up", .integer(minimum: 1), "2000"),
                .init("step_size_down", .integer(minimum: 1)), .init("mode", .word(CyclicLR.Mode.allCases.map(\.rawValue)), "triangular"),
                .init("gamma", .real(0...(.infinity)), "1.0"), .init("cycle_momentum", .boolean, "true"), .init("base_momentum", .real(0...1), "0.8"),
                .init("max_momentum", .real(0...1), "0.9"),
            ],
            isComposite: false, example: "cycliclr(base_lr=0.001, max_lr=0.01, step_size_up=50)"),
        SchedulerKind(
            name: "reducelronplateau",
            options: [
                .init("mode", .word(["min", "max"]), "min"), .init("factor", .real(0...1), "0.1"), .init("patience", .integer(minimum: 0), "10"),
                .init("threshold", .real(0...(.infinity)), "0.0001"), .init("threshold_mode", .word(["rel", "abs"]), "rel"),
                .init("cooldown", .integer(minimum: 0), "0"), .init("min_lr", .real(0...(.infinity)), "0.0"), .init("eps", .real(0...(.infinity)), "1e-08"),
            ],
            isComposite: false, example: "reducelronplateau(factor=0.5, patience=20)"),
        SchedulerKind(name: "sequentiallr", options: [.init("milestones", .integers)], isComposite: true, example: "sequentiallr(linearlr(start_factor=0.1, total_iters=20), cosineannealinglr(T_max=280), milestones=20)"),
        SchedulerKind(name: "chainedscheduler", options: [], isComposite: true, example: "chainedscheduler(constantlr(factor=0.5, total_iters=10), exponentiallr(gamma=0.99))"),
    ]

    static func named(_ name: String) -> SchedulerKind? {
        all.first { $0.name == name.lowercased() }
    }

    func option(_ key: String) -> SchedulerOption? {
        options.first { $0.key == key }
    }
}
