import Testing
@testable import Schedules

@Suite struct SchedulerSpecTests {
    @Test func nestedSpecsParseIntoCanonicalForm() throws {
        let spec = try SchedulerSpec(
            parsing: " SequentialLR( linearlr(total_iters = 20,start_factor=0.1) ,cosineannealinglr(T_max=280),milestones=20 ) ")
        #expect(spec.description == "sequentiallr(linearlr(start_factor=0.1, total_iters=20), cosineannealinglr(T_max=280), milestones=20)")
        #expect(spec.children.map(\.name) == ["linearlr", "cosineannealinglr"])
        #expect(try SchedulerSpec(parsing: spec.description) == spec)
    }

    @Test func listsAreWrittenWithSemicolons() throws {
        let spec = try SchedulerSpec(parsing: "multisteplr(milestones=30; 60;60, gamma=0.5)")
        #expect(spec.description == "multisteplr(milestones=30;60;60, gamma=0.5)")
    }

    @Test(arguments: [
        ("cosine(T_max=3)", "unknown scheduler 'cosine'", 1),
        ("steplr(gamma=0.5)", "steplr needs step_size", 1),
        ("steplr(step_size=10, stepsize=3)", "steplr has no option 'stepsize'", 22),
        ("steplr(step_size=0)", "step_size takes an integer >= 1, got '0'", 8),
        ("steplr(step_size=10, step_size=20)", "step_size is given twice", 22),
        ("multisteplr(milestones=60;30)", "milestones takes non-decreasing integers", 13),
        ("sequentiallr(linearlr, cosineannealinglr(T_max=10))", "sequentiallr needs milestones", 1),
        ("sequentiallr(linearlr, cosineannealinglr(T_max=10), milestones=3;5)", "one milestone fewer than schedulers", 1),
        ("sequentiallr(reducelronplateau, milestones=5)", "cannot hold reducelronplateau", 14),
        ("sequentiallr(chainedscheduler(linearlr), steplr(step_size=3), milestones=5)", "sequentiallr holds plain schedulers", 14),
        ("steplr(step_size=10, linearlr)", "steplr takes no schedulers", 22),
        ("chainedscheduler()", "chainedscheduler needs at least one scheduler", 1),
        ("linearlr(start_factor=0)", "start_factor takes a number in", 10),
        ("linearlr(total_iters=5", "expected ',' or ')'", 23),
        ("linearlr(total_iters=)", "expected a value for 'total_iters'", 22),
        ("linearlr(total_iters=5))", "unexpected ')' after the spec", 24),
        ("", "expected a scheduler name", 1),
    ])
    func badSpecsGetOneLineWithTheColumn(_ text: String, _ message: String, _ column: Int) {
        #expect {
            _ = try SchedulerSpec(parsing: text)
        } throws: { error in
            guard let error = error as? SchedulerSpecError else { return false }
            let line = error.description
            return line.contains(message) && line.hasSuffix("at column \(column)") && !line.contains("\n")
        }
    }

    @Test func oneCycleMayNotRunPastTotalSteps() throws {
        let spec = try SchedulerSpec(parsing: "chainedscheduler(onecyclelr(max_lr=0.1, total_steps=100))")
        #expect(spec.problem(steps: 100, optimizer: "adam", momentumKey: "beta1") == nil)
        #expect(spec.problem(steps: 101, optimizer: "adam", momentumKey: "beta1")?.contains("set total_steps=101 or more") == true)
        #expect(spec.problem(steps: 100, optimizer: "adagrad", momentumKey: nil)?.contains("add cycle_momentum=false") == true)
    }

    @Test func cyclingMomentumNeedsAnOptimizerWithMomentum() throws {
        let spec = try SchedulerSpec(parsing: "cycliclr(base_lr=0.001, max_lr=0.01)")
        #expect(throws: SchedulerSpecError.self) { _ = try spec.makeScheduler(for: ParameterGroup(lr: 0.1, momentum: nil)) }
        let off = try SchedulerSpec(parsing: "cycliclr(base_lr=0.001, max_lr=0.01, cycle_momentum=false)")
        _ = try off.makeScheduler(for: ParameterGroup(lr: 0.1, momentum: nil))
    }
}
