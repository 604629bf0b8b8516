import Foundation
import Testing

@testable import UseCases

struct MapRequestTests {
    private let rosenbrock = FunctionRequest(function: "rosenbrock")

    @Test func everyOptimizerBecomesAPathOfItsSteps() throws {
        let request = MapRequest(function: rosenbrock, optimizers: ["adam(lr=0.05)", "sgd(lr=0.001)"], run: RunSettings(steps: 40))
        let scene = try request.scene(limits: .server).value
        #expect(scene.paths.map(\.label) == ["adam(lr=0.05)", "sgd(lr=0.001)"])
        #expect(scene.paths.allSatisfy { $0.points.count == 41 })
    }

    @Test func stepsAreBoundedByTheLimits() throws {
        let steps = RequestLimits.server.maximumSteps + 1
        let request = MapRequest(function: rosenbrock, optimizers: ["adam"], run: RunSettings(steps: steps))
        #expect(throws: RequestError("--steps \(steps) is more than the \(steps - 1) a run may record here; use fewer steps")) {
            try request.scene(limits: .server)
        }
        #expect(try request.scene(limits: .commandLine).value.paths[0].points.count == steps + 1)
        #expect(throws: RequestError("--steps must be at least 1 (got 0)")) {
            try MapRequest(function: rosenbrock, optimizers: ["adam"], run: RunSettings(steps: 0)).scene(limits: .commandLine)
        }
    }

    @Test func sizeIsBoundedAndTooSmallNamesTheLeastSize() throws {
        var request = MapRequest(function: rosenbrock, optimizers: ["adam"], run: RunSettings(steps: 5))
        request.style.size = ImageSize(width: 3000, height: 2000)
        #expect(throws: RequestError.self) { try request.figure(limits: .server) }
        request.style.size = ImageSize(width: 60, height: 50)
        let error = #expect(throws: RequestError.self) { try request.figure(limits: .server) }
        #expect(error?.description.hasPrefix("--size 60x50 is too small for this figure: it needs at least") == true)
    }

    @Test func badSpecsStyleAndStartAreOneLineRequestErrors() throws {
        let cases: [(MapRequest, String)] = [
            (MapRequest(function: rosenbrock, optimizers: []), "give at least one --optimizer SPEC or --trajectory FILE to draw"),
            (MapRequest(function: rosenbrock, optimizers: ["adam"], style: MapStyle(colormap: "rainbow")), "--colormap 'rainbow' is unknown"),
            (MapRequest(function: rosenbrock, optimizers: ["adam"], run: RunSettings(start: [1])), "--start has 1 coordinates"),
            (MapRequest(function: rosenbrock, optimizers: ["adam"], trajectories: ["run.json"]), "--trajectory names a file"),
            (MapRequest(function: rosenbrock, optimizers: Array(repeating: "adam", count: 13)), "13 --optimizer specs are too many"),
        ]
        for (request, prefix) in cases {
            let error = #expect(throws: RequestError.self) { try request.figure(limits: .server) }
            #expect(error?.description.hasPrefix(prefix) == true, "\(error?.description ?? "") should start \(prefix)")
            #expect(error?.description.contains("\n") == false)
        }
    }

    @Test func divergenceAndAStartOutsideTheDomainAreWarnings() throws {
        let request = MapRequest(function: rosenbrock, optimizers: ["sgd(lr=1)"], run: RunSettings(steps: 50, start: [9, 9]))
        let warnings = try request.scene(limits: .server).warnings
        #expect(warnings.contains { $0.hasPrefix("the start point 9.0,9.0 lies outside rosenbrock's plotted domain") })
        #expect(warnings.contains { $0.hasPrefix("sgd(lr=1.0) diverged at step") })
    }

    @Test func requestsRoundTripThroughJSON() throws {
        let request = MapRequest(
            function: rosenbrock, optimizers: ["adam(lr=0.1)"], run: RunSettings(steps: 9, zeroGrad: .none, clipGradNorm: 1),
            style: MapStyle(size: ImageSize(width: 800, height: 680), fill: .smooth, layout: .grid))
        let decoded = try JSONDecoder().decode(MapRequest.self, from: try JSONEncoder().encode(request))
        #expect(decoded == request)
    }
}
