import Foundation
import Testing
@testable import Objectives

@Suite struct FunctionFamilyTests {
    @Test(arguments: FunctionFamily.allCases, [2, 3, 10, 25])
    func gradientsMatchFiniteDifferences(family: FunctionFamily, dimension: Int) throws {
        let definition = try family.definition(dimension: dimension)
        #expect(definition.dimension == dimension)
        #expect(definition.start.count == dimension)
        var generator = SeededGenerator(seed: UInt64(dimension) &* 7919 &+ UInt64(family.rawValue.count))
        for _ in 0..<10 {
            let point = (0..<dimension).map { _ in Double.random(in: -2...2, using: &generator) }
            var gradient = [Double](repeating: .nan, count: dimension)
            let value = definition.objective.valueAndGradient(at: point, into: &gradient)
            #expect(value == definition.objective.value(at: point))
            let expected = finiteDifferenceGradient(definition.objective, at: point)
            for i in 0..<dimension {
                #expect(abs(gradient[i] - expected[i]) <= 1e-7 * max(1, abs(expected[i])), "\(family) n=\(dimension) ∂\(i)")
            }
        }
    }

    @Test(arguments: FunctionFamily.allCases)
    func minimaAreStationaryAtZero(family: FunctionFamily) throws {
        let definition = try family.definition(dimension: 7)
        let minimum = try #require(definition.minima.first)
        var gradient = [Double](repeating: .nan, count: 7)
        #expect(definition.objective.valueAndGradient(at: minimum, into: &gradient) == 0)
        #expect(gradient.allSatisfy { $0 == 0 })
    }

    /// In two dimensions the families round exactly as the catalog's expressions, at every point.
    @Test func twoDimensionalCasesAreTheCatalogFunctions() throws {
        var generator = SeededGenerator(seed: 9)
        for (family, name) in [(FunctionFamily.rosenbrock, "rosenbrock"), (.rastrigin, "rastrigin")] {
            let familyDefinition = try family.definition(dimension: 2)
            let catalog = try FunctionCatalog().resolve(name)
            #expect(familyDefinition.start == catalog.start)
            for _ in 0..<200 {
                let point = [Double.random(in: -3...3, using: &generator), Double.random(in: -3...3, using: &generator)]
                #expect(familyDefinition.objective.value(at: point) == catalog.objective.value(at: point), "\(name) at \(point)")
                var a = [0.0, 0.0], b = [0.0, 0.0]
                _ = familyDefinition.objective.valueAndGradient(at: point, into: &a)
                _ = catalog.objective.valueAndGradient(at: point, into: &b)
                for i in 0..<2 { #expect(abs(a[i] - b[i]) <= 1e-13 * max(1, abs(b[i]))) }
            }
        }
    }

    @Test func quadraticEigenvaluesAreLogSpacedFromOneToKappa() throws {
        let quadratic = QuadraticN(dimension: 5, conditionNumber: 10_000)
        for (actual, expected) in zip(quadratic.eigenvalues, [1.0, 10, 100, 1000, 10_000]) {
            #expect(abs(actual - expected) <= 1e-12 * expected)
        }
        #expect(quadratic.eigenvalues.first == 1)
        #expect(quadratic.eigenvalues.last == 10_000)
        #expect(QuadraticN(dimension: 1, conditionNumber: 50).eigenvalues == [1])
        #expect(QuadraticN(dimension: 3).eigenvalues.last == 100)
        let definition = try FunctionFamily.quadratic.definition(dimension: 4, conditionNumber: 1000)
        #expect(definition.title == "Quadratic (n = 4, κ = 1000)")
        #expect((definition.objective as? QuadraticN)?.conditionNumber == 1000)
    }

    @Test func startsAlternateLikeTheCatalog() throws {
        #expect(try FunctionFamily.rosenbrock.definition(dimension: 5).start == [-2, 2, -2, 2, -2])
        #expect(try FunctionFamily.rastrigin.definition(dimension: 3).start == [-2, 3.5, -2])
        #expect(try FunctionFamily.quadratic.definition(dimension: 3).start == [1, 1, 1])
    }

    @Test func badDimensionsAndConditionNumbersAreErrors() {
        #expect(throws: ObjectiveError("rosenbrock-n needs a dimension from 2 to 10000, not 1")) {
            try FunctionFamily.rosenbrock.definition(dimension: 1)
        }
        #expect(throws: ObjectiveError("rastrigin-n needs a dimension from 1 to 10000, not 0")) {
            try FunctionFamily.rastrigin.definition(dimension: 0)
        }
        #expect(throws: ObjectiveError("the condition number of quadratic-n must be a finite number ≥ 1, not 0.5")) {
            try FunctionFamily.quadratic.definition(dimension: 3, conditionNumber: 0.5)
        }
        #expect(throws: ObjectiveError("a condition number applies to quadratic-n only, not rastrigin-n")) {
            try FunctionFamily.rastrigin.definition(dimension: 3, conditionNumber: 10)
        }
    }
}
