/// The kinds of image the gallery makes; `trajviz gallery --figures maps,curves` picks some.
public enum GalleryFigure: String, Sendable, CaseIterable, Codable {
    /// One map per optimizer and function (the existing galleries' picture).
    case maps
    /// Per function: the Adam family, the DiffGrad family against Adam, and every optimizer.
    case overlays
    /// Per function: loss and distance to the minimum over the steps.
    case curves
    /// Per function: DiffGrad's aliasing diagnosis, clone × zero-grad.
    case diagnostics

    /// Parses names such as `maps,curves`; an unknown one is an error that lists the kinds.
    public static func parseList(_ names: [String]) throws(SceneError) -> Set<GalleryFigure> {
        var kinds = Set<GalleryFigure>()
        for name in names {
            guard let kind = GalleryFigure(rawValue: name) else {
                throw SceneError("unknown figure kind '\(name)': give some of \(allCases.map(\.rawValue).joined(separator: ", "))")
            }
            kinds.insert(kind)
        }
        return kinds
    }
}
