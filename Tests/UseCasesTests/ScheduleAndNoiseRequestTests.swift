import Foundation
import Plotting
import Testing

@testable import UseCases

/// The schedule, the gradient noise and the lr colouring go through the requests as the command
/// line's flags do.
struct ScheduleAndNoiseRequestTests {
    private let rosenbrock = FunctionRequest(function: "rosenbrock")

    @Test func aScheduledMapColoursItsPathsByTheLrEachStepUsed() throws {
        let request = MapRequest(
            function: rosenbrock, optimizers: ["adam(lr=0.05)"], run: RunSettings(steps: 30, scheduler: "cosineannealinglr(T_max=30)"),
            style: MapStyle(colorBy: .lr))
        let scene = try request.scene(limits: .server).value
        let rates = try #require(scene.paths[0].learningRates)
        #expect(rates.count == 30)
        #expect(rates[0] == 0.05 && rates.last! < 0.001)
        #expect(scene.options.colorBy == .lr)
        #expect(try request.figure(limits: .server).value.pathColorbar != nil)
    }

    @Test func noisyRunsMakeAFanWhoseMedianIsLabelled() throws {
        let run = RunSettings(steps: 20, gradientNoise: 2, seed: 7, runs: 5)
        let map = try MapRequest(function: rosenbrock, optimizers: ["adam(lr=0.05)"], run: run).scene(limits: .server).value
        #expect(map.paths[0].label == "adam(lr=0.05) σ=2.0, median of 5")
        let exact = try MapRequest(function: rosenbrock, optimizers: ["adam(lr=0.05)"], run: RunSettings(steps: 20)).scene(limits: .server)
        #expect(map.paths[0].points != exact.value.paths[0].points)
        let oneSeed = try MapRequest(function: rosenbrock, optimizers: ["adam(lr=0.05)"], run: RunSettings(steps: 20, gradientNoise: 2, seed: 7))
            .scene(limits: .server).value
        #expect(oneSeed.paths[0].label == "adam(lr=0.05) σ=2.0, seed 7")
        #expect(try CurvesRequest(function: rosenbrock, optimizers: ["adam(lr=0.05)"], run: run).figure(limits: .server).warnings.isEmpty)
    }

    @Test func theTrajectoryRunsWithTheScheduleAndTheNoiseOfItsSeed() throws {
        let run = RunSettings(steps: 10, scheduler: "steplr(step_size=5, gamma=0.5)", gradientNoise: 1, seed: 3)
        let first = try TrajectoryRequest(function: rosenbrock, optimizers: ["sgd(lr=0.001)"], run: run).trajectories(limits: .server).value[0]
        #expect(first.learningRates == [0.001, 0.001, 0.001, 0.001, 0.001, 0.0005, 0.0005, 0.0005, 0.0005, 0.0005])
        var reseeded = run
        reseeded.seed = 4
        let second = try TrajectoryRequest(function: rosenbrock, optimizers: ["sgd(lr=0.001)"], run: reseeded).trajectories(limits: .server)
        #expect(first.points != second.value[0].points)
        var fan = run
        fan.runs = 3
        #expect(throws: RequestError("--runs draws a fan on a map or chart; trajectory writes one run: give its --seed instead")) {
            try TrajectoryRequest(function: rosenbrock, optimizers: ["sgd"], run: fan).trajectories(limits: .server)
        }
    }

    @Test func badScheduleAndNoiseSettingsAreOneLineRequestErrors() throws {
        let cases: [(RunSettings, String)] = [
            (RunSettings(runs: 4), "--runs 4 draws seeded noisy runs; add --gradient-noise SIGMA, or drop --runs"),
            (RunSettings(noiseScale: .relative), "--noise-scale goes with --gradient-noise SIGMA"),
            (RunSettings(gradientNoise: -1), "--gradient-noise must be a finite number >= 0 (got -1.0)"),
            (RunSettings(gradientNoise: 1, runs: 201), "--runs must be from 1 to 200 (got 201)"),
            (RunSettings(scheduler: "nosuchlr(x=1)"), ""),
            (RunSettings(scheduler: "onecyclelr(max_lr=0.1, total_steps=10)"), ""),
        ]
        for (run, message) in cases {
            let error = #expect(throws: RequestError.self) {
                try MapRequest(function: rosenbrock, optimizers: ["adagrad"], run: run).scene(limits: .commandLine)
            }
            if !message.isEmpty { #expect(error?.description == message) }
            #expect(error?.description.contains("\n") == false)
        }
    }

    @Test func theViewTheCameraAndTheArrowsReachTheScene() throws {
        let style = MapStyle(view: .both, azimuth: -120, elevation: 45, show: [.momentum, .gradient], showEvery: 5)
        let outcome = try MapRequest(function: rosenbrock, optimizers: ["adam(lr=0.05)", "adagrad(lr=0.1)"], run: RunSettings(steps: 20), style: style)
            .scene(limits: .server)
        #expect(outcome.value.options.view == .both)
        #expect(outcome.value.options.camera == SurfaceView(azimuth: -120, elevation: 45))
        #expect(outcome.value.options.insides == [.momentum, .gradient] && outcome.value.options.insidesEvery == 5)
        #expect(outcome.value.paths[0].firstMoments != nil)
        #expect(outcome.warnings == ["adagrad(lr=0.1) reports no first moment or momentum buffer; it gets no momentum arrows"])
        for (bad, message) in [
            (MapStyle(view: .surface, elevation: 100), "--elevation must be from -90 to 90 degrees (got 100.0)"),
            (MapStyle(view: .surface, azimuth: .infinity), "--azimuth must be a finite angle in degrees (got inf)"),
            (MapStyle(show: [.step], showEvery: 0), "--show-every must be at least 1 (got 0)"),
        ] {
            #expect(throws: RequestError(message)) {
                try MapRequest(function: rosenbrock, optimizers: ["adam"], run: RunSettings(steps: 5), style: bad).scene(limits: .server)
            }
        }
    }

    @Test func theNewSettingsRoundTripThroughJSON() throws {
        let request = MapRequest(
            function: rosenbrock, optimizers: ["adam"],
            run: RunSettings(scheduler: "exponentiallr(gamma=0.99)", gradientNoise: 0.5, noiseScale: .relative, seed: 9, runs: 4),
            style: MapStyle(colorBy: .step, view: .surface, azimuth: 10, elevation: 20, show: [.step], showEvery: 3))
        #expect(try JSONDecoder().decode(MapRequest.self, from: try JSONEncoder().encode(request)) == request)
    }
}
