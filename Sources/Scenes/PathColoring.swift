import Plotting

/// What `render --color-by` colours each path's steps by, on a second colorbar (plasma, so
/// that it stands apart from the field's colormap): the step number (linear), or the lr the
/// step used (log when the lrs span more than a decade, else linear; a run without a schedule
/// has one lr throughout).
public enum PathColoring: String, Sendable, CaseIterable {
    case step, lr

    /// The colormap of the paths' colorbar.
    static let colormap = Colormap.plasma

    /// The values a path's steps are coloured by.
    func values(of path: PlottedPath) -> [Double] {
        switch self {
        case .step: (1..<max(path.points.count, 1)).map(Double.init)
        case .lr: path.learningRates ?? []
        }
    }

    /// The colour scale over every path's values: plasma, smooth, from the least to the greatest
    /// (widened around a single value).
    func scale(for paths: [PlottedPath]) throws(PlotError) -> ColorScale {
        let values = paths.flatMap(values(of:)).filter(\.isFinite)
        guard var low = values.min(), var high = values.max() else {
            throw PlotError("--color-by \(rawValue) has nothing to colour by: no path has \(self == .lr ? "a known lr" : "a step")")
        }
        let logarithmic = self == .lr && low > 0 && high / low > 10
        if low == high {
            (low, high) = self == .lr ? (low / 2, high * 2) : (low - 1, high + 1)
        }
        let levels = try ColorLevels(values: [low, high], scale: logarithmic ? .log : .linear)
        return ColorScale(levels: levels, colormap: Self.colormap, fill: .smooth)
    }

    /// The colorbar's label.
    var label: String { self == .step ? "step" : "learning rate" }
}
