import Foundation
import Testing
@testable import Objectives

/// The built-in catalog: every file of Functions/ loads, is embedded verbatim, and says
/// true things about its function.
@Suite struct FunctionCatalogFilesTests {
    @Test func embeddedCatalogEqualsTheFunctionsFolder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: functionsFolder.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        #expect(EmbeddedFunctionFiles.files.map(\.name) == files)
        for file in EmbeddedFunctionFiles.files {
            let onDisk = try String(contentsOf: functionsFolder.appendingPathComponent(file.name), encoding: .utf8)
            #expect(file.text == onDisk, "\(file.name) differs from its embedded copy; rebuild")
        }
    }

    @Test func catalogHasTheRequiredFunctions() throws {
        let names = Set(FunctionCatalog.builtInNames)
        let required: Set = [
            "rosenbrock", "rastrigin", "quadratic-isotropic", "quadratic-ill-conditioned", "quadratic-rotated",
            "beale", "himmelblau", "booth", "ackley", "saddle", "styblinski-tang", "six-hump-camel", "matyas",
        ]
        #expect(required.isSubset(of: names), "missing: \(required.subtracting(names).sorted())")
    }

    @Test func everyFileLoadsCompletelyAndConsistently() throws {
        for definition in try FunctionCatalog.builtIn() {
            guard case .builtIn(let fileName) = definition.origin else {
                Issue.record("\(definition.name) is not marked built-in")
                continue
            }
            #expect(fileName == definition.name + ".toml", "the name key matches the file name")
            #expect(definition.dimension == 2)
            #expect(definition.title != definition.name, "\(definition.name) has a title")
            #expect(definition.description != nil, "\(definition.name) has a description")
            let domain = try #require(definition.domain, "\(definition.name) has a domain")
            #expect(domain.contains(definition.start), "\(definition.name) starts inside its domain")
            for minimum in definition.minima {
                #expect(domain.contains(minimum), "\(definition.name)'s minimum \(minimum) lies in its domain")
            }
            if definition.levelScale == .log {
                #expect((definition.minimumValue ?? -1) >= 0, "log levels need a function ≥ 0 (\(definition.name))")
            }
        }
    }

    /// Each listed minimum is a stationary point with the function's known minimum value,
    /// and no other listed minimum is lower.
    @Test(arguments: [
        ("rosenbrock", 0.0), ("rastrigin", 0), ("quadratic-isotropic", 0), ("quadratic-ill-conditioned", 0),
        ("quadratic-rotated", 0), ("beale", 0), ("himmelblau", 0), ("booth", 0), ("ackley", 0),
        ("styblinski-tang", -78.33233140754282), ("six-hump-camel", -1.0316284534898774), ("matyas", 0),
    ])
    func minimaAreStationaryWithTheKnownValue(name: String, minimum: Double) throws {
        let definition = try FunctionCatalog().resolve(name)
        #expect(!definition.minima.isEmpty)
        for point in definition.minima {
            var gradient = [0.0, 0.0]
            let value = definition.objective.valueAndGradient(at: point, into: &gradient)
            #expect(abs(value - minimum) <= 1e-12 * max(1, abs(minimum)), "\(name) at \(point): \(value)")
            if name == "ackley" {
                // sqrt(r²) has no derivative at r = 0: the gradient there is NaN, as in torch.
                #expect(gradient.allSatisfy { $0.isNaN })
            } else {
                #expect(gradient.allSatisfy { abs($0) <= 1e-10 }, "\(name) at \(point): ∇f = \(gradient)")
            }
        }
    }

    @Test func saddleHasNoMinimumAndHimmelblauFour() throws {
        #expect(try FunctionCatalog().resolve("saddle").minima.isEmpty)
        #expect(try FunctionCatalog().resolve("saddle").minimumValue == nil)
        #expect(try FunctionCatalog().resolve("himmelblau").minima.count == 4)
        #expect(try FunctionCatalog().resolve("six-hump-camel").minima.count == 2)
    }

    @Test func everyGradientMatchesFiniteDifferencesInTheDomain() throws {
        var generator = SeededGenerator(seed: 2026)
        for definition in try FunctionCatalog.builtIn() {
            let domain = try #require(definition.domain)
            for _ in 0..<50 {
                let point = [Double.random(in: domain.x, using: &generator), Double.random(in: domain.y, using: &generator)]
                var gradient = [0.0, 0.0]
                _ = definition.objective.valueAndGradient(at: point, into: &gradient)
                let expected = finiteDifferenceGradient(definition.objective, at: point)
                for i in 0..<2 {
                    #expect(
                        abs(gradient[i] - expected[i]) <= 1e-7 * max(1, abs(expected[i])),
                        "\(definition.name) at \(point): ∂\(i) = \(gradient[i]), differences give \(expected[i])")
                }
            }
        }
    }

    @Test func rosenbrockAndRastriginAreExactlyTheReferenceFormulas() throws {
        #expect(try FunctionCatalog().resolve("rosenbrock").expression == "(1-x)^2 + 100*(y-x^2)^2")
        #expect(try FunctionCatalog().resolve("rastrigin").expression == "20 + (x^2 - 10*cos(2*pi*x)) + (y^2 - 10*cos(2*pi*y))")
        let rosenbrock = try FunctionCatalog().resolve("rosenbrock")
        #expect(rosenbrock.start == [-2, 2])
        #expect(rosenbrock.minima == [[1, 1]])
        #expect(rosenbrock.domain == Domain(x: -2...2, y: -1...3))
        #expect(rosenbrock.levelScale == .log)
        let rastrigin = try FunctionCatalog().resolve("rastrigin")
        #expect(rastrigin.start == [-2, 3.5])
        #expect(rastrigin.domain == Domain(x: -4.5...4.5, y: -4.5...4.5))
    }
}
