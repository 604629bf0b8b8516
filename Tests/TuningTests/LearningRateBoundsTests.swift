import Foundation
import Optimizers
import Testing
@testable import Tuning

@Suite struct LearningRateBoundsTests {
    @Test func keepsTheLogIntervalAndItsRates() throws {
        let bounds = try LearningRateBounds(logLower: -8, logUpper: 0.5)
        #expect(bounds.logWidth == 8.5)
        #expect(abs(bounds.lower - 3.354626279025119e-4) < 1e-15)
        #expect(abs(bounds.upper - 1.6487212707001282) < 1e-15)
    }

    @Test func acceptsRatesAsWellAsLogs() throws {
        let bounds = try LearningRateBounds(lower: 1e-3, upper: 1)
        #expect(abs(bounds.logLower - log(1e-3)) < 1e-15)
        #expect(bounds.logUpper == 0)
    }

    @Test(arguments: [(0.5, -8.0), (1.0, 1.0), (-.infinity, 0.0), (0.0, .nan)])
    func rejectsEmptyOrNonFiniteIntervals(lower: Double, upper: Double) {
        #expect(throws: TuningError.self) { try LearningRateBounds(logLower: lower, logUpper: upper) }
    }

    @Test func rejectsNonPositiveRates() {
        #expect(throws: TuningError.self) { try LearningRateBounds(lower: 0, upper: 1) }
        #expect(throws: TuningError.self) { try LearningRateBounds(lower: -1, upper: 1) }
    }

    @Test func keepsJettifysIntervalsWhereItHasThem() {
        let jettify: [String: (Double, Double)] = [
            "adam": (-8, 0.5), "sgd": (-8, -1), "radam": (-8, 0.5), "adamod": (-8, 0.2),
            "diffgrad": (-8, 0.4), "yogi": (-8, 0.1),
        ]
        for (name, (lower, upper)) in jettify {
            let bounds = LearningRateBounds.defaults(forOptimizer: name)
            #expect(bounds.logLower == lower && bounds.logUpper == upper, "\(name)")
        }
    }

    @Test func everyDefinitionGivesAnIntervalOfItsOwn() {
        for definition in OptimizerCatalog.all {
            let bounds = LearningRateBounds.defaults(for: definition)
            #expect(bounds.logLower == definition.learningRateSearch.lowerBound, "\(definition.qualifiedName)")
            #expect(bounds.logUpper == definition.learningRateSearch.upperBound, "\(definition.qualifiedName)")
            #expect(bounds.logLower < bounds.logUpper && bounds.logUpper.isFinite && bounds.logLower.isFinite)
        }
    }

    @Test func namesAreCaseInsensitiveAndUnknownOnesFallBack() {
        #expect(LearningRateBounds.defaults(forOptimizer: "DiffGrad") == LearningRateBounds.defaults(forOptimizer: "diffgrad"))
        #expect(LearningRateBounds.defaults(forOptimizer: "novograd") == LearningRateBounds.fallback)
    }

    @Test func decodingValidates() throws {
        let good = try JSONDecoder().decode(LearningRateBounds.self, from: Data(#"{"logLower":-3,"logUpper":1}"#.utf8))
        #expect(good == (try LearningRateBounds(logLower: -3, logUpper: 1)))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(LearningRateBounds.self, from: Data(#"{"logLower":2,"logUpper":1}"#.utf8))
        }
    }
}
