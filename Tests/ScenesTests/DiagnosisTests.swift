import Diagnostics
import Foundation
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

    private func diagnose(
        _ optimizer: String, layout: ParameterLayout = .tensor, function name: String = "rosenbrock", dimension: Int? = nil, steps: Int = 120
    ) throws -> Diagnosis {
        let function = try FunctionCatalog().resolve(name, dimension: dimension)
        let configuration = RunConfiguration(start: function.start, steps: steps, layout: layout)
        return try Diagnosis(function: function, functionArgument: name, spec: try OptimizerSpec(parsing: optimizer), configuration: configuration)
    }

    @Test(arguments: zip(cases.map(\.optimizer), cases.map(\.layout)))
    func onlyCloneFalseWithInplaceZeroingAliases(optimizer: String, layout: ParameterLayout) throws {
        let diagnosis = try diagnose(optimizer, layout: layout)
        for variant in diagnosis.variants {
            let overlap = variant.verdict.overlap
            let buggy = variant.clone == false && variant.zeroGrad == .inplace
            #expect(overlap.overlapFraction == (buggy ? 1 : 0), "\(variant.optimizer), \(variant.run.zeroGrad)")
            #expect(variant.verdict.finding == (buggy ? .aliasing : .noAliasing), "\(variant.optimizer), \(variant.run.zeroGrad)")
            let friction = try #require(variant.run.friction)
            let halfFromStep2 = friction.dropFirst().allSatisfy { $0.allSatisfy { $0 == 0.5 } }
            #expect(halfFromStep2 == buggy, "ξ = 0.5 exactly when the bug is present: \(variant.optimizer), \(variant.run.zeroGrad)")
            let change = try #require(GradientChange(variant.run))
            #expect(change.zeroFractions.dropFirst().allSatisfy { $0 == (buggy ? 1 : 0) }, "Δg = 0 exactly when the bug is present")
        }
    }

    @Test func shiftEqualsTheNumberOfElementsInTenDimensions() throws {
        let diagnosis = try diagnose("diffgrad(lr=0.001)", layout: .split, function: "rosenbrock-n", dimension: 10)
        let fixed = try #require(diagnosis.variant(clone: true, zeroGrad: .inplace))
        let flat = try #require(FlattenedGradients(fixed.run))
        #expect(flat.elementsPerStep == 10)
        for index in 10..<flat.current.count {
            #expect(flat.previous[index] == flat.current[index - 10])
        }
    }

    @Test func plottedSeriesAreTheRunsGradients() throws {
        let run = try #require(try diagnose("diffgrad(lr=0.01, clone=false)").variant(clone: false, zeroGrad: .inplace)).run
        let chart = try #require(DiagnosticCharts.overlap(run, window: 0..<5, title: "t"))
        #expect(chart.series.count == 2)
        #expect(chart.series[0].ys == Array(run.gradients.storage.prefix(10)))
        #expect(chart.series[1].ys == Array(run.previousGradients!.storage.prefix(10)))
        #expect(chart.series[0].xs == (0..<10).map(Double.init))
    }

    @Test func refusesAnOptimizerWithoutFriction() throws {
        #expect(throws: SceneError.self) { try diagnose("adam(lr=0.01)") }
    }

    @Test func comparisonShowsEachLegendOnce() throws {
        let figure = try diagnose("diffgrad(lr=0.01, clone=false)").comparisonFigure()
        #expect(figure.panels.count == 12)
        let legends = figure.axes.filter(\.showsLegend).map { $0.legendEntries().map(\.text) }
        #expect(legends.count == 3, "one each for the overlap, |Δg| and friction charts")
        #expect(Set(legends).count == 3)
    }

    /// Runs that blow up (diffrgrad's SGD phase on Rosenbrock's huge gradients): every panel
    /// of every figure shows only finite data from the steps before divergence, and the report
    /// says where each run diverged and that its verdict rests on few steps.
    static let divergingCases: [(optimizer: String, function: String, dimension: Int?)] = [
        ("diffrgrad(lr=0.01, clone=false)", "rosenbrock", nil), ("diffrgrad(lr=0.1)", "beale", nil),
        ("diffrgrad(lr=0.01, clone=false)", "rosenbrock-n", 30),
    ]

    @Test(arguments: divergingCases.indices)
    func divergedRunsAreCutBeforeDivergenceInEveryPanel(index: Int) throws {
        let (optimizer, function, dimension) = Self.divergingCases[index]
        let diagnosis = try diagnose(optimizer, function: function, dimension: dimension, steps: 300)
        #expect(diagnosis.variants.contains { $0.divergedAtStep != nil }, "the case must diverge to test anything")
        var figures = [try diagnosis.comparisonFigure()]
        for variant in diagnosis.variants {
            figures += [try diagnosis.overlapFigure(variant), try diagnosis.dynamicsFigure(variant)]
            guard let diverged = variant.divergedAtStep else { continue }
            #expect(variant.run.gradients.count == diverged - 1)
            #expect(variant.run.firstNonFiniteStep == nil)
            #expect(variant.verdict.overlap.comparedSteps <= diverged - 2)
        }
        for panel in figures.flatMap(\.axes) {
            let ranges = panel.resolvedRanges()
            #expect(ranges.x.lowerBound.isFinite && ranges.x.upperBound.isFinite && ranges.y.lowerBound.isFinite && ranges.y.upperBound.isFinite)
            for layer in panel.layers {
                guard case .series(let series) = layer else { continue }
                #expect(series.ys.allSatisfy { $0.isFinite || $0.isNaN }, "\(panel.title ?? "")")
            }
        }
        let report = try JSONSerialization.jsonObject(with: try diagnosis.reportJSON()) as! [String: Any]
        let entries = report["variants"] as! [[String: Any]]
        for (entry, variant) in zip(entries, diagnosis.variants) {
            #expect(entry["divergedAtStep"] as? Int == variant.divergedAtStep)
            #expect((entry["warning"] != nil) == (variant.verdict.overlap.comparedSteps < AliasingVerdict.minimumComparedSteps))
        }
        #expect((report["warnings"] as! [String]).contains { $0.contains("diverged at step") })
    }

    @Test func theReadmeExampleRestsOnTheWholeRun() throws {
        let diagnosis = try diagnose("diffgrad(lr=0.1, clone=false)", steps: 300)
        #expect(diagnosis.variants.allSatisfy { $0.divergedAtStep == nil && $0.verdict.warning == nil })
        #expect(diagnosis.variants.allSatisfy { $0.verdict.overlap.comparedSteps == 299 })
        #expect(diagnosis.warnings.isEmpty)
        #expect(diagnosis.finding == .aliasing)
    }

    /// A run of many elements: a sample in every panel, a summary panel, and legends that stay short.
    @Test func largeRunsDrawASampleWithASummary() throws {
        let diagnosis = try diagnose("diffgrad(lr=0.01, clone=false)", function: "rosenbrock-n", dimension: 100, steps: 30)
        let aliased = try #require(diagnosis.variant(clone: false, zeroGrad: .inplace))
        let dynamics = try diagnosis.dynamicsFigure(aliased)
        #expect(dynamics.panels.count == 3, "|Δg|, the fraction with Δg = 0, and ξ")
        let figures = [dynamics, try diagnosis.overlapFigure(aliased), try diagnosis.comparisonFigure()]
        for panel in figures.flatMap(\.axes) where panel.showsLegend {
            #expect(panel.legendEntries().count <= 3, "\(panel.title ?? "")")
        }
        #expect(try diagnosis.comparisonFigure().title?.contains("12 of 100 elements") == true)
    }

    @Test func goldenComparisonAndOverlapFigures() throws {
        let diagnosis = try diagnose("diffgrad(lr=0.05, clone=false)", function: "rastrigin")
        try SceneGolden.check(try diagnosis.comparisonFigure(), name: "diagnosis-comparison")
        let aliased = try #require(diagnosis.variant(clone: false, zeroGrad: .inplace))
        let charts = DiagnosticCharts.overlapWindows(aliased.run, label: aliased.label)
        try SceneGolden.check(try LineChart.grid(charts, columns: 2, title: "overlap", width: 1200, height: 480), name: "diagnosis-overlap")
    }
}

/// Runs recorded elsewhere, as `trajviz trajectory --output` writes them.
@Suite struct RecordedDiagnosisTests {
    private func record(_ optimizer: String, zeroGrad: ZeroGradMode, function name: String = "rosenbrock", steps: Int = 60) throws -> (source: String, run: Trajectory) {
        let function = try FunctionCatalog().resolve(name, dimension: nil)
        let configuration = RunConfiguration(start: function.start, steps: steps, zeroGrad: zeroGrad)
        let run = try TrajectoryRunner.trajectory(of: function.objective, function: name, optimizer: try OptimizerSpec(parsing: optimizer), configuration: configuration)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-recorded-\(UUID().uuidString).json")
        try run.jsonData().write(to: url)
        return (url.path, try Diagnosis.recordedRun(at: url.path))
    }

    @Test(arguments: ["diffgrad", "diffrgrad", "diffmod"], ["rosenbrock", "rastrigin"])
    func aRecordedRunGetsTheSameVerdictAsTheBuiltIn(name: String, function: String) throws {
        let definition = try FunctionCatalog().resolve(function, dimension: nil)
        for zeroGrad in [ZeroGradMode.inplace, .none] {
            for clone in [false, true] {
                let recorded = try record("\(name)(lr=0.001, clone=\(clone))", zeroGrad: zeroGrad, function: function)
                let diagnosis = try Diagnosis(function: definition, recorded: [recorded])
                let aliasing = !clone && zeroGrad == .inplace
                #expect(diagnosis.finding == (aliasing ? .aliasing : .noAliasing), "\(name) clone=\(clone) \(zeroGrad)")
                #expect(diagnosis.variants[0].clone == clone)
                #expect(diagnosis.variants[0].zeroGrad == zeroGrad)
            }
        }
    }

    @Test func twoAndFourRunsMakeTheComparisonWithLabelsFromTheFiles() throws {
        let function = try FunctionCatalog().resolve("rosenbrock", dimension: nil)
        let runs = try [(false, ZeroGradMode.inplace), (true, .inplace), (false, .none), (true, .none)].map {
            try record("diffgrad(lr=0.01, clone=\($0.0))", zeroGrad: $0.1)
        }
        for count in [2, 4] {
            let diagnosis = try Diagnosis(function: function, recorded: Array(runs.prefix(count)))
            let figure = try diagnosis.comparisonFigure()
            #expect(figure.panels.count == 3 * count)
            #expect(figure.panels[0].title == "clone=false, inplace: ALIASED")
            #expect(figure.panels[3].title == "clone=true, inplace: correct")
            #expect(figure.columns == (count == 4 ? 6 : 3))
            #expect(diagnosis.finding == .aliasing)
            #expect(Set(diagnosis.featured(modes: []).map(\.suffix)).count == count, "one pair of files per run")
        }
    }

    @Test func aRunWithoutFrictionShowsGradientChangeAlone() throws {
        var recorded = try record("diffgrad(lr=0.01, clone=false)", zeroGrad: .inplace)
        recorded.run.friction = nil
        let diagnosis = try Diagnosis(function: try FunctionCatalog().resolve("rosenbrock", dimension: nil), recorded: [recorded])
        let dynamics = try diagnosis.dynamicsFigure(diagnosis.variants[0])
        #expect(dynamics.panels.count == 1)
        #expect(diagnosis.finding == .aliasing)
    }

    @Test func refusesRunsItCannotDiagnose() throws {
        let rosenbrock = try FunctionCatalog().resolve("rosenbrock", dimension: nil)
        var adam = try record("adam(lr=0.01)", zeroGrad: .inplace)
        #expect(throws: SceneError.self) { try Diagnosis(function: rosenbrock, recorded: [adam]) }
        adam = try record("diffgrad(lr=0.01)", zeroGrad: .inplace)
        let tenD = try FunctionCatalog().resolve("rosenbrock-n", dimension: 10)
        #expect(throws: SceneError.self) { try Diagnosis(function: tenD, recorded: [adam]) }
    }

    @Test func aMalformedFileGetsOneLineNamingTheFileAndField() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-bad-\(UUID().uuidString).json")
        try Data(#"{"function":"rosenbrock","optimizer":"diffgrad","start":[0,0],"steps":1,"zero_grad":"inplace","points":[[0,0]],"losses":[1],"gradients":[[1,"x"]]}"#.utf8).write(to: url)
        #expect {
            try Diagnosis.recordedRun(at: url.path)
        } throws: { error in
            let text = "\(error)"
            return text.contains(url.path) && text.contains("gradients") && !text.contains("\n")
        }
    }
}
