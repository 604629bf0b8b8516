import Diagnostics
import Foundation
import GDRenderer
import Optimizers
import Plotting
import Trajectories
import _AtomicWrite

/// The pictures and the report of a `Diagnosis`, written into one folder.
extension Diagnosis {
    /// The runs that get figures of their own, with the suffix of their file names: for a
    /// built-in optimizer its own clone setting in each of `modes` (suffix "inplace", "none");
    /// for recorded runs every run, by its file name (a number added where names repeat).
    public func featured(modes: [ZeroGradMode]) -> [(variant: Variant, suffix: String)] {
        if let spec {
            let clone = spec.settings[.clone]
            return modes.compactMap { mode in variant(clone: clone, zeroGrad: mode).map { ($0, mode.rawValue) } }
        }
        let stems = variants.map { URL(fileURLWithPath: $0.source ?? "run").deletingPathExtension().lastPathComponent }
        return variants.indices.map { index in
            let repeated = stems.filter { $0 == stems[index] }.count > 1
            return (variants[index], OutputName.make([stems[index]] + (repeated ? ["\(index + 1)"] : [])))
        }
    }

    /// Writes, for each featured run, `overlap-<suffix>.png` (g(t) and g(t-1) in two windows)
    /// and `friction-<suffix>.png` (|Δg|, ξ when recorded, and for large runs the fraction of
    /// elements with Δg = 0); with two or more runs `comparison.png`; `paths.png` (the paths on
    /// the contour map, for functions of x and y); and `verdict.json`. Returns the files written.
    public func write(to folder: URL, modes: [ZeroGradMode]) throws -> [URL] {
        var written: [URL] = []
        func save(_ figure: Figure, _ name: String) throws {
            let url = folder.appendingPathComponent(name)
            try FigureRenderer.writePNG(figure, to: url)
            written.append(url)
        }
        for (variant, suffix) in featured(modes: modes) {
            try save(try overlapFigure(variant), "overlap-\(suffix).png")
            try save(try dynamicsFigure(variant), "friction-\(suffix).png")
        }
        if variants.count >= 2 { try save(try comparisonFigure(), "comparison.png") }
        if let paths = try pathsFigure() { try save(paths, "paths.png") }
        let report = folder.appendingPathComponent("verdict.json")
        try writeAtomically(try reportJSON(), to: report)
        written.append(report)
        return written
    }

    /// g(t) against the g(t−1) `variant` read: its first steps and as many from its middle.
    public func overlapFigure(_ variant: Variant) throws -> Figure {
        let charts = DiagnosticCharts.overlapWindows(variant.run, label: variant.label)
        return try Self.grid(
            charts, columns: charts.count, title: "\(variant.optimizer) on \(function.title): \(variant.verdict.finding.headline)\(variant.divergenceNote)",
            width: 1400, height: 560)
    }

    /// |Δg| on a log scale, ξ when the run recorded it, and for a sampled run the fraction of
    /// elements with Δg = 0.
    public func dynamicsFigure(_ variant: Variant) throws -> Figure {
        let sampled = ElementSample(total: variant.run.gradients.dimension).isSampled
        let charts = [
            DiagnosticCharts.gradientChange(variant.run, title: "|Δg|, \(variant.label)"),
            sampled ? DiagnosticCharts.zeroChangeFraction(variant.run, title: "elements with Δg = 0") : nil,
            DiagnosticCharts.friction(variant.run, title: "ξ, \(variant.label)"),
        ].compactMap { $0 }
        return try Self.grid(charts, columns: charts.count, title: "\(variant.optimizer) on \(function.title)\(variant.divergenceNote)", width: 700 * charts.count, height: 560)
    }

    /// Every run in a row of its own, or four runs two to a row (built-in: clone=false left,
    /// clone=true right; zero-grad inplace above, none below); each its first-steps overlap, its
    /// |Δg| on a log scale (where exact zeros, the mark of aliasing, sit on their own band) and
    /// its ξ. Panels of 450 × 460 pixels with 15-pixel tick labels, so that six across stay legible.
    public func comparisonFigure() throws -> Figure {
        var charts: [LineChart] = []
        var panelsPerRun = 0
        for cell in variants {
            let window = 0..<min(DiagnosticCharts.windowSteps, cell.run.gradients.count)
            let panels = [
                DiagnosticCharts.overlap(cell.run, window: window, title: "\(cell.shortLabel): \(cell.verdict.finding.shortHeadline)"),
                DiagnosticCharts.gradientChange(cell.run, title: cell.divergedAtStep.map { "|Δg|, diverged at step \($0)" } ?? "|Δg|, \(cell.shortLabel)"),
                DiagnosticCharts.friction(cell.run, title: "ξ, \(cell.shortLabel)"),
            ].compactMap { $0 }
            panelsPerRun = max(panelsPerRun, panels.count)
            charts += panels
        }
        var panels = Self.legendOnce(charts)
        for index in panels.indices { panels[index].legendPlacement = .inside }
        let sample = ElementSample(total: function.dimension)
        let arrangement = (spec == nil ? "" : " (left: clone=false, right: clone=true; rows: zero-grad inplace, none)")
            + (sample.isSampled ? "; \(sample.description) drawn" : "")
        let runsPerRow = variants.count == 4 ? 2 : 1
        let rows = (variants.count + runsPerRow - 1) / runsPerRow
        let width = 450 * panelsPerRun * runsPerRow, height = 80 + 460 * rows
        return try Figure(
            width: width, height: height, title: "\(optimizerName) on \(function.title): g(t) against the g(t−1) it read, |Δg| and ξ\(arrangement)",
            panels: panels, columns: panelsPerRun * runsPerRow, style: FigureStyle(fontSize: 15))
    }

    /// The paths of every run on the contour map; `nil` unless the function is of x and y.
    public func pathsFigure() throws -> Figure? {
        guard function.dimension == 2 else { return nil }
        let paths = variants.map { PlottedPath($0.run, label: $0.label) }
        let scene = try MapScene(function: function, paths: paths, options: MapOptions(title: "\(optimizerName) on \(function.title)\(variants.count > 1 ? ": \(variants.count) runs" : "")"))
        return try scene.figure()
    }

    /// Charts in a grid of `columns` columns where each legend appears once.
    static func grid(_ charts: [LineChart], columns: Int, title: String, width: Int, height: Int) throws -> Figure {
        try Figure(width: width, height: height, title: title, panels: legendOnce(charts), columns: columns)
    }

    /// The charts' axes, where a chart whose legend rows (by text) repeat an earlier chart's
    /// shows none: a grid of the same kinds of chart carries one legend per kind, under its
    /// first panel, instead of one per panel.
    static func legendOnce(_ charts: [LineChart]) -> [Axes] {
        var shown: Set<[String]> = []
        return charts.map { chart -> Axes in
            var axes = chart.axes()
            axes.showsLegend = shown.insert(axes.legendEntries().map(\.text)).inserted
            return axes
        }
    }

    /// The overall finding: aliasing when any run aliases, no-aliasing when every run is
    /// clean, else inconclusive.
    public var finding: AliasingVerdict.Finding {
        let findings = variants.map(\.verdict.finding)
        if findings.contains(.aliasing) { return .aliasing }
        return findings.allSatisfy { $0 == .noAliasing } ? .noAliasing : .inconclusive
    }

    /// One line per run that diverged or whose verdict rests on few steps.
    public var warnings: [String] {
        variants.flatMap { variant in
            [
                variant.divergedAtStep.map { "\(variant.label) diverged at step \($0); its panels and verdict cover steps 1–\($0 - 1)" },
                variant.verdict.warning.map { "\(variant.label): \($0)" },
            ].compactMap { $0 }
        }
    }

    /// The overall finding, the warnings, and the verdict of every run with its numbers, as JSON.
    public func reportJSON() throws -> Data {
        struct Entry: Encodable {
            let spec: String
            let source: String?
            let clone: Bool?
            let zeroGrad: String
            let finding: String
            let summary: String
            let warning: String?
            let divergedAtStep: Int?
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
            let finding: String
            let warnings: [String]
            let minimumComparedSteps: Int
            let steps: Int
            let elementsPerStep: Int
            let variants: [Entry]
        }
        let entries = variants.map { variant in
            let overlap = variant.verdict.overlap
            return Entry(
                spec: variant.optimizer, source: variant.source, clone: variant.clone, zeroGrad: variant.run.zeroGrad,
                finding: variant.verdict.finding.rawValue, summary: variant.verdict.summary, warning: variant.verdict.warning,
                divergedAtStep: variant.divergedAtStep, comparedSteps: overlap.comparedSteps, overlappingSteps: overlap.overlappingSteps,
                shiftedSteps: overlap.shiftedSteps, overlapFraction: overlap.overlapFraction, shiftFraction: overlap.shiftFraction,
                halfFrictionFromStep: overlap.halfFrictionFromStep, finalLoss: variant.run.losses.last ?? nil)
        }
        let report = Report(
            function: function.name, optimizer: spec?.description ?? optimizerName, finding: finding.rawValue, warnings: warnings,
            minimumComparedSteps: AliasingVerdict.minimumComparedSteps, steps: variants.first?.run.steps ?? 0,
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
