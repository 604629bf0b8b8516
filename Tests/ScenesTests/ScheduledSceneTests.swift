import Objectives
import Optimizers
import Plotting
import Schedules
import Testing
import Trajectories
@testable import Scenes

/// The lr chart of `curves` and `render --color-by`.
@Suite struct ScheduledSceneTests {
    let rosenbrock = try! FunctionCatalog(environment: [:]).resolve("rosenbrock")

    func run(_ optimizer: String, scheduler: String?, steps: Int = 40) throws -> Trajectory {
        try TrajectoryRunner.trajectory(
            of: rosenbrock.objective, function: "rosenbrock", optimizer: OptimizerSpec(parsing: optimizer),
            configuration: RunConfiguration(start: [-2, 2], steps: steps, scheduler: scheduler.map { try SchedulerSpec(parsing: $0) }))
    }

    @Test func curvesChartTheLRWhenAnyRunIsScheduledOrTheLRsDiffer() throws {
        let scheduled = try run("adam(lr=0.01)", scheduler: "exponentiallr(gamma=0.9)")
        let constant = try run("adam(lr=0.01)", scheduler: nil)
        let other = try run("sgd(lr=0.0005)", scheduler: nil)
        let chart = try #require(try CurvesScene(function: rosenbrock, runs: [("a", scheduled), ("b", constant)]).learningRateChart())
        #expect(chart.series.count == 2)
        #expect(chart.series[0].ys == scheduled.learningRates)
        #expect(chart.series[0].xs.first == 1, "step k's lr is drawn at x = k")
        #expect(chart.series[1].ys == Array(repeating: 0.01, count: 40))
        #expect(try CurvesScene(function: rosenbrock, runs: [("a", constant), ("b", constant)]).learningRateChart() == nil)
        #expect(try CurvesScene(function: rosenbrock, runs: [("a", constant), ("b", other)]).learningRateChart() != nil)
        let figure = try CurvesScene(function: rosenbrock, runs: [("a", scheduled)]).figure()
        #expect(figure.panels.count == 3)
    }

    @Test func colouringByLRFollowsTheScheduleAndAddsAColorbar() throws {
        let trajectory = try run("adam(lr=0.05)", scheduler: "linearlr(start_factor=0.01, total_iters=30)")
        let path = PlottedPath(trajectory, spec: try OptimizerSpec(parsing: "adam(lr=0.05)"))
        var options = MapOptions(width: 600, height: 500)
        options.colorBy = .lr
        let scene = try MapScene(function: rosenbrock, paths: [path], options: options)
        let overlay = try #require(try scene.contourMap().paths.first)
        let colors = try #require(overlay.stepColors)
        #expect(colors.count == 40)
        #expect(colors.first != colors.last)
        #expect(colors[35] == colors[39], "after the warm-up the lr, and so the colour, stays")
        let figure = try scene.figure()
        let colorbar = try #require(figure.pathColorbar)
        #expect(colorbar.scale.levels.scale == .log)
        #expect(colorbar.label == "learning rate")
        let unknown = PlottedPath(label: "a file's path", points: path.points)
        let mixed = try MapScene(function: rosenbrock, paths: [path, unknown], options: options).contourMap().paths
        #expect(mixed[0].stepColors != nil && mixed[1].stepColors == nil, "a path without lrs keeps its own colour")
        options.colorBy = .step
        let byStep = try #require(try MapScene(function: rosenbrock, paths: [path], options: options).contourMap().paths.first?.stepColors)
        #expect(byStep.first != byStep[20] && byStep[20] != byStep.last)
    }

    /// `--color-by` with `--view 3d|both`: the map panel's path is coloured per step, the figure
    /// and every animation frame (growing or turning) carry the paths' colorbar.
    @Test func colouringCombinesWithTheThreeDViews() throws {
        let trajectory = try run("adam(lr=0.05)", scheduler: "linearlr(start_factor=0.01, total_iters=30)")
        let path = PlottedPath(trajectory, spec: try OptimizerSpec(parsing: "adam(lr=0.05)"))
        for view in [MapView.both, .surface] {
            var options = MapOptions(width: 1200, height: 560)
            options.view = view
            options.colorBy = .lr
            let scene = try MapScene(function: rosenbrock, paths: [path], options: options)
            let figure = try scene.figure()
            #expect(figure.pathColorbar?.label == "learning rate", "\(view)")
            #expect(figure.panels.count == (view == .both ? 2 : 1))
            if view == .both {
                let map = try #require(figure.panels.last as? Axes)
                let colored = map.layers.compactMap { layer -> [Color]? in if case .path(let p) = layer { return p.stepColors } else { return nil } }
                #expect(colored.count == 1 && colored[0].count == 40)
            }
            for rotating in [false, true] {
                let frames = try scene.frames(count: 3, rotating: rotating)
                #expect(frames.count == 3 && frames.allSatisfy { $0.pathColorbar != nil }, "\(view) rotating \(rotating)")
            }
        }
    }
}
