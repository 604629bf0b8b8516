/// A polyline cut to a rectangle: the visible runs, and where the line leaves the rectangle.
public struct ClippedPolyline: Sendable {
    public var runs: [[Point]]
    /// Each exit point on the border and the direction of travel there.
    public var exits: [(point: Point, direction: Point)]
}

/// Clips each segment to `rect` (Liang–Barsky) and joins the visible pieces into runs.
public func clip(polyline: some Collection<Point>, to rect: Rect) -> ClippedPolyline {
    var result = ClippedPolyline(runs: [], exits: [])
    var current: [Point] = []
    let points = Array(polyline)
    if points.count == 1, rect.contains(points[0]) { return ClippedPolyline(runs: [points], exits: []) }
    for (a, b) in zip(points, points.dropFirst()) {
        let d = b - a
        var t0 = 0.0, t1 = 1.0
        var visible = true
        for (p, q) in [(-d.x, a.x - rect.minX), (d.x, rect.maxX - a.x), (-d.y, a.y - rect.minY), (d.y, rect.maxY - a.y)] {
            if p == 0 {
                if q < 0 { visible = false }
            } else {
                let r = q / p
                if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
            }
        }
        if !visible || t0 > t1 {
            if !current.isEmpty { result.runs.append(current); current = [] }
            continue
        }
        let start = a + d * t0, end = a + d * t1
        if t0 > 0 || current.isEmpty {
            if !current.isEmpty { result.runs.append(current) }
            current = [start]
        }
        current.append(end)
        if t1 < 1 {
            result.exits.append((end, d))
            result.runs.append(current)
            current = []
        }
    }
    if !current.isEmpty { result.runs.append(current) }
    return result
}
