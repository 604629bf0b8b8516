import Foundation
import GDRenderer
import Plotting
import SnapshotTesting

extension Snapshotting where Value == Figure, Format == Data {
    /// A TrajViz figure rendered to PNG (`FigureRenderer.png`) and compared as
    /// `Snapshotting<Data, Data>.pixelmatch`; a figure that cannot be rendered fails with the
    /// renderer's message.
    public static func pixelmatch(maxDiffPercent: Double = 0, threshold: Double = 0.1) -> Snapshotting {
        Snapshotting<Data, Data>.pixelmatch(maxDiffPercent: maxDiffPercent, threshold: threshold).pullback(renderedPNG)
    }

    /// A TrajViz figure rendered to PNG and compared as `Snapshotting<Data, Data>.rms`.
    public static func rms(tolerance: Double = 2) -> Snapshotting {
        Snapshotting<Data, Data>.rms(tolerance: tolerance).pullback(renderedPNG)
    }
}

/// The figure's PNG, or the renderer's error as text (which the comparison quotes).
private func renderedPNG(_ figure: Figure) -> Data {
    do {
        return try FigureRenderer.png(figure)
    } catch {
        return Data("could not render the figure: \(error)".utf8)
    }
}
