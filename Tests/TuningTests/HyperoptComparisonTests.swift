import Foundation
import Objectives
import Optimizers
import Testing
import Trajectories
@testable import Tuning

/// The Swift half of Tools/tuning/compare_hyperopt.py: a line-oriented evaluation server that lets
/// hyperopt's TPE search on exactly the objective our search sees (our float64 runner), and runs
/// our search on request. Enabled only when the script sets TRAJVIZ_COMPARISON_REQUESTS and
/// TRAJVIZ_COMPARISON_RESPONSES to two named pipes.
///
/// Each request is one JSON line; each gets one JSON line back:
/// - `{"op": "evaluate", "function": "rosenbrock", "optimizer": "adam", "lr": 0.01}` → `{"objective": 1.5e-3}`
///   (`null` when the run diverged);
/// - `{"op": "search", "function": ..., "optimizer": ..., "logLower": -8, "logUpper": 0.5, "seed": 0}` →
///   `{"learningRate": ..., "objective": ..., "failures": 0, "seconds": 0.04, "algorithmVersion": 3}`
///   (`LearningRateSearch(budget: 200, seed:)`, seed 0 when not given);
/// - `{"op": "quit"}` ends the session.
/// Every run follows jettify's protocol: 100 steps, clipping 1.0, set_to_none zero_grad.
@Suite struct HyperoptComparisonTests {
    struct Request: Decodable {
        var op: String
        var function: String?
        var optimizer: String?
        var lr: Double?
        var logLower: Double?
        var logUpper: Double?
        var seed: UInt64?
    }

    struct SearchReply: Encodable {
        var learningRate: Double?
        var objective: Double?
        var failures: Int
        var seconds: Double
        var algorithmVersion: Int
    }

    static let environment = ProcessInfo.processInfo.environment

    func evaluator(_ request: Request) throws -> LearningRateEvaluator {
        let name = try #require(request.function)
        let function = try FunctionCatalog().resolve(name)
        let optimizer = try #require(request.optimizer)
        return try LearningRateEvaluator(
            definition: function, optimizer: try OptimizerSpec(parsing: optimizer),
            configuration: RunConfiguration(start: function.start, steps: 100, zeroGrad: .none, clipGradNorm: 1))
    }

    @Test(.enabled(if: environment["TRAJVIZ_COMPARISON_REQUESTS"] != nil && environment["TRAJVIZ_COMPARISON_RESPONSES"] != nil))
    func serveEvaluationsAndSearches() throws {
        let requestPath = try #require(Self.environment["TRAJVIZ_COMPARISON_REQUESTS"])
        let responsePath = try #require(Self.environment["TRAJVIZ_COMPARISON_RESPONSES"])
        let requests = try #require(fopen(requestPath, "r"))
        let responses = try #require(fopen(responsePath, "w"))
        defer {
            fclose(requests)
            fclose(responses)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, requests) > 0, let text = line.map({ String(cString: $0) }) {
            let request = try JSONDecoder().decode(Request.self, from: Data(text.utf8))
            let reply: Data
            switch request.op {
            case "evaluate":
                let rate = try #require(request.lr)
                let value = try evaluator(request).evaluate(rate)
                reply = try encoder.encode(["objective": value])
            case "search":
                let lower = try #require(request.logLower)
                let upper = try #require(request.logUpper)
                let optimizer = try #require(request.optimizer)
                let bounds = try LearningRateBounds(logLower: lower, logUpper: upper)
                #expect(bounds == LearningRateBounds.defaults(forOptimizer: optimizer))
                let evaluate: (Double) throws -> Double? = try evaluator(request).evaluate
                let search = try LearningRateSearch(seed: request.seed ?? 0)
                let clock = ContinuousClock()
                var result = LearningRateSearchResult(evaluations: [])
                let elapsed = try clock.measure { result = try search.run(bounds: bounds, evaluate: evaluate) }
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                reply = try encoder.encode(SearchReply(
                    learningRate: result.learningRate, objective: result.objective, failures: result.failures,
                    seconds: seconds, algorithmVersion: LearningRateSearch.algorithmVersion))
            default:
                return
            }
            fputs(String(decoding: reply, as: UTF8.self) + "\n", responses)
            fflush(responses)
        }
    }
}
