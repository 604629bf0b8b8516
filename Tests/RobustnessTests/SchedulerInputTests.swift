import Foundation
import Testing

/// `--scheduler`: a bad spec, or one the optimizer or the run length cannot take, is a usage
/// error (exit 2, one line naming it); a good one records the lr of every step.
@Suite struct SchedulerInputTests {
    @Test(arguments: [
        ("cosineannealinglr(T_max=10", ["scheduler 'cosineannealinglr(T_max=10'", "at column 27"]),
        ("cosine(T_max=10)", ["unknown scheduler 'cosine'", "cosineannealinglr"]),
        ("steplr(gamma=0.5)", ["steplr needs step_size"]),
        ("multisteplr(milestones=30,60)", ["a list is written with ';'", "at column 27"]),
    ])
    func badSpecsAreUsageErrors(spec: String, fragments: [String]) throws {
        let outcome = try BuiltTool.run(["trajectory", "--function", "rosenbrock", "--optimizer", "adam", "--steps", "5", "--scheduler", spec])
        expectCleanFailure(outcome, status: 2, mentioning: fragments)
        #expect(outcome.errorLines.count == 1, "\(outcome)")
    }

    @Test func cyclingMomentumOnAnOptimizerWithoutItIsAUsageError() throws {
        let outcome = try BuiltTool.run([
            "render", "--function", "rosenbrock", "--optimizer", "adagrad", "--steps", "5", "--scheduler",
            "onecyclelr(max_lr=0.1, total_steps=5)",
        ])
        expectCleanFailure(outcome, status: 2, mentioning: ["adagrad has neither momentum nor betas", "cycle_momentum=false"])
    }

    @Test func oneCycleShorterThanTheRunIsAUsageError() throws {
        let outcome = try BuiltTool.run([
            "curves", "--function", "rosenbrock", "--optimizer", "adam", "--steps", "50", "--scheduler", "onecyclelr(max_lr=0.1, total_steps=40)",
        ])
        expectCleanFailure(outcome, status: 2, mentioning: ["total_steps=40", "set total_steps=50 or more"])
    }

    @Test func theTrajectoryRecordsTheScheduleAndEveryStepsLR() throws {
        let outcome = try BuiltTool.run([
            "trajectory", "--function", "rosenbrock", "--optimizer", "sgd(lr=0.001, momentum=0.9)", "--steps", "6", "--scheduler",
            "StepLR(step_size = 2, gamma=0.5)",
        ])
        #expect(outcome.status == 0, "\(outcome)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(json["scheduler"] as? String == "steplr(step_size=2, gamma=0.5)")
        #expect(json["learningRates"] as? [Double] == [0.001, 0.001, 0.0005, 0.0005, 0.00025, 0.00025])
    }
}
