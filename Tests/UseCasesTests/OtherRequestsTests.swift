import Testing

@testable import UseCases

struct OtherRequestsTests {
    private let rosenbrock = FunctionRequest(function: "rosenbrock")

    @Test func curvesChartEveryRun() throws {
        let figure = try CurvesRequest(function: rosenbrock, optimizers: ["adam", "sgd(lr=0.001)"], run: RunSettings(steps: 30))
            .figure(limits: .server).value
        #expect(figure.width == CurvesRequest.defaultSize.width)
        #expect(figure.panels.count == 2)
    }

    @Test func trajectoriesComeInTheOrderGiven() throws {
        let runs = try TrajectoryRequest(function: rosenbrock, optimizers: ["sgd(lr=0.001)", "adam(lr=0.01)"], run: RunSettings(steps: 12))
            .trajectories(limits: .server).value
        #expect(runs.map(\.optimizer) == ["sgd(lr=0.001)", "adam(lr=0.01)"])
        #expect(runs.allSatisfy { $0.points.count == 13 })
    }

    @Test func aDiagnosisRunsTheFourVariantsAndFindsTheAliasing() throws {
        let outcome = try DiagnosisRequest(function: rosenbrock, optimizer: "diffgrad(lr=0.01, clone=false)", run: RunSettings(steps: 60))
            .diagnosis(limits: .server)
        #expect(outcome.value.variants.count == 4)
        #expect(outcome.value.variant(clone: false, zeroGrad: .inplace)?.verdict.finding == .aliasing)
        #expect(outcome.value.variant(clone: true, zeroGrad: .inplace)?.verdict.finding == .noAliasing)
    }

    @Test func aDiagnosisRefusesWhatItCannotDo() throws {
        let cases: [(DiagnosisRequest, String)] = [
            (DiagnosisRequest(function: rosenbrock, optimizer: "adam"), "diagnose needs a DiffGrad-family optimizer"),
            (DiagnosisRequest(function: rosenbrock, optimizer: "diffgrad", run: RunSettings(steps: 1)), "--steps must be from 2 to 100000 (got 1)"),
            (DiagnosisRequest(function: FunctionRequest(function: ""), optimizer: "diffgrad"), "--optimizer needs --function"),
            (DiagnosisRequest(function: rosenbrock, optimizer: nil, trajectories: ["a.json"]), "--trajectory names a file"),
            (DiagnosisRequest(function: rosenbrock, optimizer: nil), "give --optimizer SPEC to run"),
        ]
        for (request, prefix) in cases {
            let error = #expect(throws: RequestError.self) { try request.diagnosis(limits: .server) }
            #expect(error?.description.hasPrefix(prefix) == true, "\(error?.description ?? "") should start \(prefix)")
        }
    }

    @Test func theRecordedValuesOfARequestAreCapped() throws {
        let wide = FunctionRequest(function: "rosenbrock-n", dim: 1000)
        let optimizers = Array(repeating: "adam", count: 12)
        let error = #expect(throws: RequestError.self) {
            try TrajectoryRequest(function: wide, optimizers: optimizers, run: RunSettings(steps: 5000)).prepared(limits: .server)
        }
        #expect(error?.description.hasPrefix("12 runs × 5000 steps × 1000 variables are more than the 1000000 coordinates") == true)
        _ = try TrajectoryRequest(function: wide, optimizers: ["adam"], run: RunSettings(steps: 1000)).prepared(limits: .server)
        _ = try TrajectoryRequest(function: wide, optimizers: optimizers, run: RunSettings(steps: 5000)).prepared(limits: .commandLine)
        #expect(throws: RequestError.self) {
            try DiagnosisRequest(function: wide, optimizer: "diffgrad", run: RunSettings(steps: 300)).prepared(limits: .server)
        }
    }
}
