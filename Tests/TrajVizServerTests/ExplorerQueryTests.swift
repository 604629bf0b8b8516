import Testing
import UseCases

@testable import TrajVizServer

/// Query parameters are the command line's flags, and none of them can name a file.
struct ExplorerQueryTests {
    @Test func flagsBecomeTheRequest() throws {
        let query = try ExplorerQuery(
            [
                ("function", "rosenbrock"), ("optimizer", "adam(lr=0.1)"), ("optimizer", "sgd"), ("steps", "40"), ("start", "-1,2"),
                ("zero-grad", "none"), ("clip-grad-norm", "2"), ("size", "800x680"), ("fill", "smooth"),
            ], accepted: ExplorerQuery.mapParameters)
        let request = try query.map
        #expect(request.function == FunctionRequest(function: "rosenbrock"))
        #expect(request.optimizers == ["adam(lr=0.1)", "sgd"])
        #expect(request.run == RunSettings(steps: 40, start: [-1, 2], zeroGrad: .none, clipGradNorm: 2))
        #expect(request.style.size == ImageSize(width: 800, height: 680))
        #expect(request.style.fill == .smooth)
    }

    @Test func scheduleNoiseAndColouringBecomeTheRequest() throws {
        let query = try ExplorerQuery(
            [
                ("function", "rosenbrock"), ("optimizer", "adam"), ("scheduler", "cosineannealinglr(T_max=300)"), ("gradient-noise", "0.5"),
                ("noise-scale", "relative"), ("seed", "18446744073709551615"), ("runs", "8"), ("color-by", "lr"),
            ], accepted: ExplorerQuery.mapParameters)
        let request = try query.map
        #expect(
            request.run
                == RunSettings(scheduler: "cosineannealinglr(T_max=300)", gradientNoise: 0.5, noiseScale: .relative, seed: .max, runs: 8))
        #expect(request.style.colorBy == .lr)
        let viewed = try ExplorerQuery(
            [("function", "rosenbrock"), ("optimizer", "adam"), ("view", "3d"), ("azimuth", "-120"), ("elevation", "45"),
             ("show", "step, momentum"), ("show-every", "4")], accepted: ExplorerQuery.mapParameters).map.style
        #expect(viewed.view == .surface && viewed.azimuth == -120 && viewed.elevation == 45)
        #expect(viewed.show == [.step, .momentum] && viewed.showEvery == 4)
        #expect(throws: RequestError("--view must be one of map, 3d, both (got 'surface')")) {
            try ExplorerQuery([("function", "rosenbrock"), ("view", "surface")], accepted: ExplorerQuery.mapParameters).map
        }
        #expect(try ExplorerQuery([("scheduler", "steplr(step_size=5)")], accepted: ExplorerQuery.curvesParameters).run.scheduler != nil)
        #expect(try ExplorerQuery([("seed", "3")], accepted: ExplorerQuery.trajectoryParameters).run.seed == 3)
        #expect(throws: RequestError("--seed expects a whole number from 0 to 18446744073709551615 (got '-1')")) {
            try ExplorerQuery([("seed", "-1")], accepted: ExplorerQuery.trajectoryParameters).run
        }
        #expect(throws: RequestError.self) { try ExplorerQuery([("color-by", "lr")], accepted: ExplorerQuery.curvesParameters) }
        #expect(throws: RequestError.self) { try ExplorerQuery([("gradient-noise", "1")], accepted: ExplorerQuery.runParameters) }
    }

    @Test(arguments: ["path", "output", "trajectory", "functions-dir", "file"])
    func noParameterNamesAFile(name: String) {
        let error = #expect(throws: RequestError.self) {
            try ExplorerQuery([("function", "rosenbrock"), (name, "/etc/passwd")], accepted: ExplorerQuery.mapParameters)
        }
        #expect(error?.description.hasPrefix("unknown parameter '\(name)'") == true)
    }

    @Test func endpointsTakeOnlyTheirCommandsFlags() {
        #expect(throws: RequestError.self) { try ExplorerQuery([("colormap", "magma")], accepted: ExplorerQuery.curvesParameters) }
        #expect(throws: RequestError.self) { try ExplorerQuery([("size", "10x10")], accepted: ExplorerQuery.runParameters) }
    }

    @Test func badValuesGetTheFlagsMessage() throws {
        let cases: [(String, String, String)] = [
            ("steps", "many", "--steps expects a whole number (got 'many')"),
            ("start", "1,x", "--start expects comma-separated finite numbers such as -2,2 (got '1,x')"),
            ("zero-grad", "sometimes", "--zero-grad must be one of inplace, none (got 'sometimes')"),
            ("size", "big", "--size must be WIDTHxHEIGHT in pixels, e.g. 1000x800 (got 'big')"),
        ]
        for (name, value, message) in cases {
            let query = try ExplorerQuery([("function", "rosenbrock"), ("optimizer", "adam"), (name, value)], accepted: ExplorerQuery.mapParameters)
            #expect(throws: RequestError(message)) { try query.map }
        }
        #expect(throws: RequestError("--steps is given 2 times; give it once")) {
            try ExplorerQuery([("steps", "1"), ("steps", "2")], accepted: ExplorerQuery.mapParameters)
        }
    }

    @Test func aDiagnosisTakesOneOptimizer() throws {
        let query = try ExplorerQuery([("function", "rosenbrock"), ("optimizer", "diffgrad"), ("optimizer", "adam")], accepted: ExplorerQuery.runParameters)
        #expect(throws: RequestError("give one --optimizer: a DiffGrad-family spec to diagnose")) { try query.diagnosis }
    }
}
