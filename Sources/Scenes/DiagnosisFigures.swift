import Diagnostics
import Foundation
import GDRenderer
import Optimizers
import Plotting
import Trajectories
import _AtomicWrite

/// The pictures and the report of a `Diagnosis`, written into one folder.
extension Diagnosis {
    /// Writes, for each zero-grad mode in `modes`, `overlap-<mode>.png` (g(t) and g(t-1) for the
    /// spec's own clone setting, two windows) and `friction-<mode>.png` (Δg and ξ); then
    /// `comparison.png` (the 2x2 of clone × zero-grad, each with its overlap and its ξ),
    /// `paths.png` (the four paths on the contour map, for functions of x and y) and
    /// `verdict.json`. Returns the files written.
    public func write(to folder: URL, modes: [ZeroGradMode]) throws -> [URL] {
        let clone = spec.settings[.clone]
        var written: [URL] = []
        func save(_ figure: Figure, _ name: String) throws {
            let url = folder.appendingPathComponent(name)
            try FigureRenderer.writePNG(figure, to: url)
            written.append(url)
        }
        for mode in modes {
            let chosen = variant(clone: clone, zeroGrad: mode)
            let charts = DiagnosticCharts.overlapWindows(chosen.run, label: chosen.label)
            try save(try Self.grid(charts, columns: charts.count, title: "\(chosen.spec) on \(function.title): \(chosen.verdict.finding.headline)", width: 1400, height: 560), "overlap-\(mode.rawValue).png")
            let dynamics = [
                DiagnosticCharts.gradientChange(chosen.run, title: "Δg, \(chosen.label)"),
                DiagnosticCharts.friction(chosen.run, title: "ξ, \(chosen.label)"),
            ].compactMap { $0 }
            try save(try Self.grid(dynamics, columns: 2, title: "\(chosen.spec) on \(function.title)", width: 1400, height: 560), "friction-\(mode.rawValue).png")
        }
        try save(try comparisonFigure(), "comparison.png")
        if function.dimension == 2 {
            let paths = variants.map { variant in
                PlottedPath(label: variant.label, points: variant.run.points.rows, finalLoss: variant.run.losses.last ?? nil, divergedAtStep: variant.run.divergedAtStep)
            }
            try save(try MapScene(function: function, paths: paths, options: MapOptions(title: "\(spec.name) on \(function.title): four variants")).figure(), "paths.png")
        }
        let report = folder.appendingPathComponent("verdict.json")
        try writeAtomically(try reportJSON(), to: report)
        written.append(report)
        return written
    }

    /// Clone false/true across, zero-grad inplace/none down; each cell its first-steps overlap and its ξ.
    public func comparisonFigure() throws -> Figure {
        var charts: [LineChart] = []
        for mode in [ZeroGradMode.inplace, .none] {
            for clone in [false, true] {
                let cell = variant(clone: clone, zeroGrad: mode)
                let title = "clone=\(clone), \(mode.rawValue): \(cell.verdict.finding.shortHeadline)"
                if let overlap = DiagnosticCharts.overlap(cell.run, window: 0..<min(DiagnosticCharts.windowSteps, cell.run.gradients.count), title: title) {
                    charts.append(overlap)
                }
                if let friction = DiagnosticCharts.friction(cell.run, title: "ξ, clone=\(clone), \(mode.rawValue)") { charts.append(friction) }
            }
        }
        return try Self.grid(charts, columns: 4, title: "\(spec.name) on \(function.title): g(t) against the g(t−1) it read, and friction ξ (rows: zero-grad inplace, none)", width: 2200, height: 900)
    }

    /// Charts in a grid of `columns` columns where each legend appears once: a chart whose legend
    /// rows (by text) repeat an earlier chart's shows none, so a grid of the same kinds of chart
    /// carries one legend per kind, under its first panel, instead of one per panel.
    static func grid(_ charts: [LineChart], columns: Int, title: String, width: Int, height: Int) throws -> Figure {
        var shown: Set<[String]> = []
        let panels = charts.map { chart -> Axes in
            var axes = chart.axes()
            axes.showsLegend = shown.insert(axes.legendEntries().map(\.text)).inserted
            return axes
        }
        return try Figure(width: width, height: height, title: title, panels: panels, columns: columns)
    }

    /// The verdict of every variant with its numbers, as JSON.
    public func reportJSON() throws -> Data {
        struct Entry: Encodable {
            let spec: String
            let clone: Bool
            let zeroGrad: String
            let finding: String
            let summary: String
            let comparedSteps: Int
            let overlappingSteps: Int
            let shiftedSteps: Int
            let overlapFraction: Double
            let shiftFraction: Double
            let halfFrictionFromStep: Int?
            let finalLoss: Double?
        }
        struct Report: Encodable {
            let function: String
            let optimizer: String
            let steps: Int
            let elementsPerStep: Int
            let variants: [Entry]
        }
        let entries = variants.map { variant in
            Entry(
                spec: variant.spec.description, clone: variant.clone, zeroGrad: variant.zeroGrad.rawValue,
                finding: variant.verdict.finding.rawValue, summary: variant.verdict.summary,
                comparedSteps: variant.verdict.overlap.comparedSteps, overlappingSteps: variant.verdict.overlap.overlappingSteps,
                shiftedSteps: variant.verdict.overlap.shiftedSteps, overlapFraction: variant.verdict.overlap.overlapFraction,
                shiftFraction: variant.verdict.overlap.shiftFraction, halfFrictionFromStep: variant.verdict.overlap.halfFrictionFromStep,
                finalLoss: variant.run.losses.last ?? nil)
        }
        let report = Report(
            function: function.name, optimizer: spec.description, steps: variants.first?.run.steps ?? 0,
            elementsPerStep: variants.first?.run.gradients.dimension ?? 0, variants: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(report) + Data("\n".utf8)
    }
}

extension AliasingVerdict.Finding {
    /// A short title: "ALIASED: g(t−1) is g(t)" or "correct: g(t−1) is g(t) one step earlier".
    var headline: String {
        switch self {
        case .aliasing: "ALIASED, g(t−1) is g(t)"
        case .noAliasing: "correct, g(t−1) lags one step"
        case .inconclusive: "inconclusive"
        }
    }

    /// One or two words for a small panel's title.
    var shortHeadline: String {
        switch self {
        case .aliasing: "ALIASED"
        case .noAliasing: "correct"
        case .inconclusive: "inconclusive"
        }
    }
}
