import Objectives
import Optimizers
import Testing
import Trajectories
@testable import Scenes

@Suite struct TrajectoryCSVTests {
    @Test func oneRowPerPointWithFrictionColumnsForDiffGrad() throws {
        let function = try FunctionCatalog().resolve("rosenbrock")
        let run = try TrajectoryRunner.trajectory(
            of: function.objective, function: "rosenbrock", optimizer: try OptimizerSpec(parsing: "diffgrad(lr=0.01)"),
            configuration: RunConfiguration(start: [-2, 2], steps: 3))
        let lines = TrajectoryCSV.text(of: run).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0] == "step,x,y,loss,grad_x,grad_y,prev_grad_x,prev_grad_y,friction_x,friction_y")
        #expect(lines[1].hasPrefix("0,-2.0,2.0,409.0,-1606.0,-400.0,0.0,0.0,"))
        #expect(lines[4].hasSuffix(",,,,,,"))
    }
}
