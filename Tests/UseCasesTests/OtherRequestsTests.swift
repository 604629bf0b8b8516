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
}
