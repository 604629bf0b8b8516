import Foundation

/// Composite marker shapes built from renderer polygons and strokes. `size` is the marker's
/// outer diameter in pixels.
public enum MarkerShape: Hashable, Sendable {
    case circle
    case square
    case diamond
    case triangle
    /// A five-pointed star (inner radius 0.45 of the outer), used for global minima.
    case star
    /// An X of two strokes, used for diverged path ends.
    case cross

    /// The outline of the shape centred at `center` (not used for `.cross`).
    public func outline(at center: Point, size: Double) -> [Point] {
        let r = size / 2
        func ring(_ count: Int, radius: (Int) -> Double, phase: Double) -> [Point] {
            (0..<count).map { i in
                let a = phase + 2 * Double.pi * Double(i) / Double(count)
                return Point(center.x + radius(i) * cos(a), center.y - radius(i) * sin(a))
            }
        }
        switch self {
        case .circle, .cross: return ring(max(12, Int(size * 1.5)), radius: { _ in r }, phase: 0)
        case .square: return ring(4, radius: { _ in r }, phase: .pi / 4)
        case .diamond: return ring(4, radius: { _ in r }, phase: .pi / 2)
        case .triangle: return ring(3, radius: { _ in r }, phase: .pi / 2)
        case .star: return ring(10, radius: { $0 % 2 == 0 ? r : r * 0.45 }, phase: .pi / 2)
        }
    }

    /// Draws the shape filled with `fill` and outlined with `edge` (line width `edgeWidth`).
    public func draw(on renderer: Renderer, at center: Point, size: Double, fill: Color, edge: Color, edgeWidth: Double) {
        if self == .cross {
            let r = size / 2
            let arms = [[Point(center.x - r, center.y - r), Point(center.x + r, center.y + r)],
                        [Point(center.x - r, center.y + r), Point(center.x + r, center.y - r)]]
            for arm in arms { renderer.stroke(polyline: arm, style: StrokeStyle(width: size * 0.26 + 2 * edgeWidth, color: edge)) }
            for arm in arms { renderer.stroke(polyline: arm, style: StrokeStyle(width: size * 0.26, color: fill)) }
            return
        }
        let points = outline(at: center, size: size)
        renderer.fill(polygon: points, color: fill)
        if edgeWidth > 0 { renderer.stroke(polyline: points, style: StrokeStyle(width: edgeWidth, color: edge), closed: true) }
    }
}

/// A filled triangle pointing along `direction` with its tip at `tip`: the indicator drawn where
/// a path leaves the plotted domain.
public func arrowHead(tip: Point, direction: Point, length: Double) -> [Point] {
    let norm = (direction.x * direction.x + direction.y * direction.y).squareRoot()
    guard norm > 0 else { return [] }
    let ux = direction.x / norm, uy = direction.y / norm
    let base = Point(tip.x - ux * length, tip.y - uy * length)
    let half = length * 0.6
    return [tip, Point(base.x - uy * half, base.y + ux * half), Point(base.x + uy * half, base.y - ux * half)]
}
