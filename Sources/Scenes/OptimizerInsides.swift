import Plotting

/// A vector of the optimizer's insides that a map can show as arrows along each path, at every
/// k-th point i (from the point the step starts at):
/// - `gradient`: −∇f(xᵢ), as step i + 1 received it (after clipping);
/// - `momentum`: −m after step i + 1, the first moment (Adam family) or momentum buffer (SGD),
///   negated so that it points the way it moves the point, as the others do;
/// - `step`: xᵢ₊₁ − xᵢ, the step actually taken.
public enum InsideVector: String, Codable, Sendable, CaseIterable {
    case step, momentum, gradient

    var label: String {
        switch self {
        case .step: "step Δx"
        case .momentum: "−m (first moment / momentum)"
        case .gradient: "−∇f"
        }
    }

    /// Black under white, white under black, Okabe & Ito's yellow under black: apart from the
    /// path palette and from each other on any field.
    var colors: (arrow: Color, casing: Color) {
        switch self {
        case .gradient: (Color(hex: 0x111111), .white)
        case .momentum: (.white, Color(hex: 0x111111))
        case .step: (Color(hex: 0xF0E442), Color(hex: 0x111111))
        }
    }

    /// The vector at point `i` of `path`, or nil when the path does not record it.
    func vector(at i: Int, of path: PlottedPath) -> Point? {
        switch self {
        case .step:
            return i + 1 < path.points.count ? point(path.points[i + 1]) - point(path.points[i]) : nil
        case .gradient:
            guard let gradients = path.gradients, i < gradients.count, i + 1 < path.points.count else { return nil }
            return point(gradients[i]) * -1
        case .momentum:
            guard let moments = path.firstMoments, i < moments.count else { return nil }
            return point(moments[i]) * -1
        }
    }

    /// The arrows of each kind along every path at every `every`-th point (default: about 15
    /// arrows along the longest path), each kind to one scale (`ArrowField.scale`) for a
    /// domain of the given diagonal.
    static func arrows(_ kinds: [InsideVector], along paths: [PlottedPath], every: Int?, diagonal: Double) -> [ArrowField] {
        let longest = paths.map { $0.points.count - 1 }.max() ?? 0
        let every = every ?? max(1, Int((Double(longest) / 15).rounded()))
        return kinds.map { kind in
            var origins: [Point] = [], vectors: [Point] = []
            for path in paths {
                for i in stride(from: 0, to: path.points.count - 1, by: every) {
                    guard let vector = kind.vector(at: i, of: path), vector.isFinite else { continue }
                    origins.append(point(path.points[i]))
                    vectors.append(vector)
                }
            }
            let (arrow, casing) = kind.colors
            return ArrowField(
                label: kind.label, color: arrow, casing: casing, origins: origins, vectors: vectors,
                scale: ArrowField.scale(for: vectors, diagonal: diagonal))
        }
    }
}
