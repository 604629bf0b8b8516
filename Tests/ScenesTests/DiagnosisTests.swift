import Diagnostics
import Objectives
import Optimizers
import Testing
import Trajectories
import Plotting
@testable import Scenes

/// The verdict through the real runner and gradient-buffer model, for every DiffGrad-family
/// optimizer and both parameter layouts.
@Suite struct DiagnosisTests {
    static let cases: [(optimizer: String, layout: ParameterLayout)] = ["diffgrad", "diffrgrad", "diffmod"].flatMap { name in
        [ParameterLayout.tensor, .split].map { ("\(name)(lr=0.01)", $0) }
    }

    private func diagnose(_ optimizer: String, layout: ParameterLayout, function name: String = "rosenbrock", dimension: Int? = nil) throws -> Diagnosis {
        let function = try FunctionCatalog().resolve(name, dimension: dimension)
        let configuration = RunConfiguration(start: function.start, steps: 120, layout: layout)
        return try Diagnosis(function: function, functionArgument: name, spec: try OptimizerSpec(parsing: optimizer), configuration: configuration)
    }

    @Test(arguments: zip(cases.map(\.optimizer), cases.map(\.layout)))
    func onlyCloneFalseWithInplaceZeroingAliases(optimizer: String, layout: ParameterLayout) throws {
        let diagnosis = try diagnose(optimizer, layout: layout)
        for variant in diagnosis.variants {
            let overlap = variant.verdict.overlap
            let buggy = !variant.clone && variant.zeroGrad == .inplace
            #expect(overlap.overlapFraction == (buggy ? 1 : 0), "\(variant.spec), \(variant.zeroGrad)")
            #expect(variant.verdict.finding == (buggy ? .aliasing : .noAliasing), "\(variant.spec), \(variant.zeroGrad)")
            let friction = try #require(variant.run.friction)
            let halfFromStep2 = friction.dropFirst().allSatisfy { $0.allSatisfy { $0 == 0.5 } }
            #expect(halfFromStep2 == buggy, "ξ = 0.5 exactly when the bug is present: \(variant.spec), \(variant.zeroGrad)")
        }
    }

    @Test func shiftEqualsTheNumberOfElementsInTenDimensions() throws {
        let diagnosis = try diagnose("diffgrad(lr=0.001)", layout: .split, function: "rosenbrock-n", dimension: 10)
        let fixed = diagnosis.variant(clone: true, zeroGrad: .inplace)
        let flat = try #require(FlattenedGradients(fixed.run))
        #expect(flat.elementsPerStep == 10)
        for index in 10..<flat.current.count {
            #expect(flat.previous[index] == flat.current[index - 10])
        }
    }

    @Test func plottedSeriesAreTheRunsGradients() throws {
        let run = try diagnose("diffgrad(lr=0.01, clone=false)", layout: .tensor).variant(clone: false, zeroGrad: .inplace).run
        let chart = try #require(DiagnosticCharts.overlap(run, window: 0..<5, title: "t"))
        #expect(chart.series.count == 2)
        #expect(chart.series[0].ys == Array(run.gradients.storage.prefix(10)))
        #expect(chart.series[1].ys == Array(run.previousGradients!.storage.prefix(10)))
        #expect(chart.series[0].xs == (0..<10).map(Double.init))
    }

    @Test func refusesAnOptimizerWithoutFriction() throws {
        #expect(throws: SceneError.self) { try diagnose("adam(lr=0.01)", layout: .tensor) }
    }

    @Test func comparisonShowsEachLegendOnce() throws {
        let figure = try diagnose("diffgrad(lr=0.01, clone=false)", layout: .tensor).comparisonFigure()
        #expect(figure.panels.count == 8)
        let legends = figure.panels.filter(\.showsLegend).map { $0.legendEntries().map(\.text) }
        #expect(legends.count == 2, "one for the overlap charts, one for the friction charts")
        #expect(Set(legends).count == 2)
    }

    @Test func goldenComparisonAndOverlapFigures() throws {
        let diagnosis = try diagnose("diffgrad(lr=0.05, clone=false)", layout: .tensor, function: "rastrigin")
        try SceneGolden.check(try diagnosis.comparisonFigure(), name: "diagnosis-comparison")
        let aliased = diagnosis.variant(clone: false, zeroGrad: .inplace)
        let charts = DiagnosticCharts.overlapWindows(aliased.run, label: aliased.label)
        try SceneGolden.check(try LineChart.grid(charts, columns: 2, title: "overlap", width: 1200, height: 480), name: "diagnosis-overlap")
    }
}
