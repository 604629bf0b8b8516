// `StepCount N FUNCTION OPTIMIZER [SCHEDULER]`: one summary run of N steps from (-2, 2).
import Objectives
import Optimizers
import Schedules
import Trajectories

let arguments = CommandLine.arguments
let steps = Int(arguments[1])!
let objective = try! FunctionCatalog(environment: [:]).resolve(arguments[2]).objective
let spec = try! OptimizerSpec(parsing: arguments[3])
let scheduler = arguments.count > 4 ? try! SchedulerSpec(parsing: arguments[4]) : nil
let configuration = RunConfiguration(start: [-2, 2], steps: steps, scheduler: scheduler)
let summary = try! TrajectoryRunner.summary(of: objective, optimizer: spec, configuration: configuration)
print(summary.finalPoint)
