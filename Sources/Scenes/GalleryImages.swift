import Diagnostics
import Objectives
import Optimizers
import Plotting
import Trajectories

/// One picture of the gallery: where it goes, what it shows, and how to draw it.
struct GalleryImage: Sendable {
    /// The path relative to the gallery folder, e.g. `maps/rosenbrock/adam.png`.
    let path: String
    /// The function it belongs to.
    let function: String
    /// What the index calls it.
    let caption: String
    let figure: @Sendable () throws -> Figure
}

extension Gallery {
    /// Every image of the gallery of the kinds `settings.figures` asks for, in a fixed order:
    /// per function, its overlays, its curves, its DiffGrad diagnosis, then one map per optimizer.
    func imageTasks(_ entries: [GalleryEntry]) -> [GalleryImage] {
        var images: [GalleryImage] = []
        for function in functions {
            let mine = entries.filter { $0.function.name == function.name }
            // An overlay's title says how its paths were tuned when they all were tuned alike.
            let tunings = Set(mine.map { $0.tuning.map { "\($0.objective), \($0.budget) evaluations" } })
            let tuned = tunings.count == 1 ? (tunings.first!).map { ", tuned by " + $0 } ?? "" : ""
            let slug = OutputName.slug(function.name)
            let figures = settings.figures
            for overlay in FamilyOverlay.all where figures.contains(.overlays) {
                let members = mine.filter { overlay.includes($0.spec) }
                guard members.count >= 2 else { continue }
                let title = "\(function.title): \(overlay.subject)\(tuned)"
                images.append(GalleryImage(path: "overlays/\(slug)-\(overlay.slug).png", function: function.name, caption: title) {
                    try MapScene(function: function, paths: members.map(\.plottedPath), options: MapOptions(title: title)).figure()
                })
            }
            if mine.count >= 2 && figures.contains(.overlays) {
                let title = "\(function.title): every optimizer\(tuned)"
                images.append(GalleryImage(path: "overlays/\(slug)-all.png", function: function.name, caption: title) {
                    let options = MapOptions(width: 1800, height: 1500, layout: .grid, title: title)
                    return try MapScene(function: function, paths: mine.map(\.plottedPath), options: options).figure()
                })
            }
            if mine.count >= 2 && figures.contains(.curves) {
                let groups = mine.chunked(into: PathPalette.colors.count)
                for (part, group) in groups.enumerated() {
                    let suffix = groups.count > 1 ? "-\(part + 1)" : ""
                    images.append(GalleryImage(path: "curves/\(slug)\(suffix).png", function: function.name, caption: "\(function.title): loss and distance to the minimum\(groups.count > 1 ? " (\(part + 1) of \(groups.count))" : "")") {
                        try CurvesScene(function: function, runs: group.map { ($0.label, $0.run) }).figure()
                    })
                }
            }
            if figures.contains(.diagnostics), let diffgrad = mine.first(where: { $0.spec.name == "diffgrad" }) {
                images.append(GalleryImage(path: "diagnostics/\(slug)-diffgrad.png", function: function.name, caption: "\(function.title): DiffGrad's aliasing, clone × zero-grad") {
                    let configuration = RunConfiguration(
                        start: function.start, steps: min(settings.steps, 200), zeroGrad: .inplace, clipGradNorm: settings.clipGradNorm)
                    return try Diagnosis(function: function, functionArgument: function.name, spec: diffgrad.spec, configuration: configuration).comparisonFigure()
                })
            }
            for entry in mine where figures.contains(.maps) {
                let title = entry.title
                images.append(GalleryImage(path: "maps/\(slug)/\(OutputName.forOptimizer(entry.requested)).png", function: function.name, caption: entry.label) {
                    try MapScene(function: function, paths: [entry.plottedPath], options: MapOptions(width: 800, height: 680, title: title)).figure()
                })
            }
        }
        return images
    }
}

extension GalleryEntry {
    /// The final path, labelled with the tuned spec's readable name.
    var plottedPath: PlottedPath { PlottedPath(run, label: label) }
}

extension Array {
    /// Consecutive slices of at most `size` elements, as even as possible.
    func chunked(into size: Int) -> [[Element]] {
        guard count > size else { return [self] }
        let parts = (count + size - 1) / size
        let base = count / parts, extra = count % parts
        var result: [[Element]] = []
        var start = 0
        for part in 0..<parts {
            let length = base + (part < extra ? 1 : 0)
            result.append(Array(self[start..<(start + length)]))
            start += length
        }
        return result
    }
}
