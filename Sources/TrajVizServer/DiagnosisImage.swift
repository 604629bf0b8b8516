import Foundation
import GDRenderer
import Optimizers
import Scenes

/// What the diagnosis endpoints answer: the overlap or the friction figure of the run with the
/// spec's own clone setting in the chosen zero-grad mode (as `trajviz diagnose` names them
/// overlap-<mode>.png and friction-<mode>.png), or the verdict of all four runs.
enum DiagnosisImage: Sendable {
    case overlap, friction, verdict

    func answer(_ diagnosis: Diagnosis, zeroGrad: ZeroGradMode, warnings: [String]) throws -> Answer {
        if self == .verdict { return Answer(body: try diagnosis.reportJSON(), contentType: "application/json", warnings: warnings) }
        guard let variant = diagnosis.featured(modes: [zeroGrad]).first?.variant else {
            throw DiagnosisImageError.noRun
        }
        let figure = self == .overlap ? try diagnosis.overlapFigure(variant) : try diagnosis.dynamicsFigure(variant)
        return .png(try FigureRenderer.png(figure, compression: ExplorerServer.compression), warnings: warnings)
    }
}

/// A diagnosis without the run asked for; cannot happen for a built-in spec, which runs all four.
enum DiagnosisImageError: Error { case noRun }
