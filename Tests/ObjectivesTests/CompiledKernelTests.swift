import Foundation
import Testing
@testable import Objectives

/// The built-in catalog's ahead-of-time sweeps: generated from the current function files by the
/// current compiler, and the same bits as the run-time closures.
@Suite struct CompiledKernelTests {
    static let generatedFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/Objectives/CompiledCatalogKernels.swift")

    /// The catalog's expressions, with Swift identifiers from their names (`six-hump-camel` → `sixHumpCamel`).
    static func catalogExpressions() throws -> [(identifier: String, text: String)] {
        try FunctionCatalog.builtIn().compactMap { definition in
            guard let objective = definition.objective as? ExpressionObjective else { return nil }
            let words = definition.name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            let identifier = words.enumerated().map { $0.offset == 0 ? $0.element : $0.element.capitalized }.joined()
            return (identifier, objective.text)
        }
    }

    @Test func generatedFileIsCurrent() throws {
        let expected = try CompiledKernelSource.file(for: Self.catalogExpressions())
        if ProcessInfo.processInfo.environment["TRAJVIZ_UPDATE_KERNELS"] == "1" {
            try Data(expected.utf8).write(to: Self.generatedFile, options: .atomic)
        }
        let committed = try String(contentsOf: Self.generatedFile, encoding: .utf8)
        #expect(
            committed == expected,
            "CompiledCatalogKernels.swift is stale: run TRAJVIZ_UPDATE_KERNELS=1 swift test --filter CompiledKernelTests, then rebuild")
    }

    @Test func everyCatalogExpressionHasItsKernel() throws {
        let expressions = try Self.catalogExpressions()
        #expect(expressions.count >= 13)
        for (identifier, text) in expressions {
            #expect(CompiledKernel.catalog[text] != nil, "no compiled kernel for \(identifier)")
            #expect(try ExpressionObjective(text).kernel != nil, "\(identifier) typed inline")
        }
        #expect(try ExpressionObjective("(1-x)^2 + 100*(y-x^2)^2 + 0.5*x").kernel == nil)
    }

    @Test func kernelsGiveTheClosuresBitsAtRandomPoints() throws {
        var generator = SeededGenerator(seed: 5)
        var compared = 0
        for definition in try FunctionCatalog.builtIn() {
            guard let objective = definition.objective as? ExpressionObjective, let kernel = objective.kernel,
                let domain = definition.domain
            else { continue }
            let width = domain.x.upperBound - domain.x.lowerBound, height = domain.y.upperBound - domain.y.lowerBound
            for _ in 0..<500 {
                // The domain and a margin around it, where paths wander.
                let x = Double.random(in: domain.x.lowerBound - width...domain.x.upperBound + width, using: &generator)
                let y = Double.random(in: domain.y.lowerBound - height...domain.y.upperBound + height, using: &generator)
                let closures = objective.gradient.valueAndGradient(x, y), compiled = kernel.valueAndGradient(x, y)
                let alone = kernel.gradient(x, y)
                for (got, expected, what) in [
                    (compiled.value, closures.value, "f"), (compiled.dx, closures.dx, "∂/∂x"), (compiled.dy, closures.dy, "∂/∂y"),
                    (alone.dx, closures.dx, "∂/∂x alone"), (alone.dy, closures.dy, "∂/∂y alone"),
                ] {
                    #expect(got.bitPattern == expected.bitPattern, "\(what) of \(definition.name) at (\(x), \(y))")
                }
                compared += 1
            }
        }
        #expect(compared >= 13 * 500)
    }
}
