import Foundation

extension SurfacePanel {
    /// The quads per side of the mesh: one per 7 pixels of the box's width, 40 to 110.
    static func meshCells(boxWidth: Double) -> Int { min(max(Int(boxWidth / 7), 40), 110) }

    /// The light, fixed to the box: from azimuth 315°, altitude 45°.
    static let light = Vector3(cos(315 * Double.pi / 180) * cos(Double.pi / 4), sin(315 * Double.pi / 180) * cos(Double.pi / 4), sin(Double.pi / 4))

    /// Draws the panel as described in the type's doc comment. The surface takes the colour
    /// scale's colours smoothly whatever its fill: bands would follow the quads in steps.
    public func draw(_ layout: PanelLayout, style: FigureStyle, on renderer: Renderer) {
        let u = style.unit
        let t = layout.transform
        func pixel(_ p: Vector3) -> Point { t.pixel(view.screen(p)) }
        let boxWidth = abs(t.x.end - t.x.start)
        let mesh = SurfaceMesh(field, cells: Self.meshCells(boxWidth: boxWidth))
        drawBackWalls(pixel: pixel, style: style, on: renderer)

        // The mesh, back to front.
        var quads: [(depth: Double, corners: [Vector3])] = []
        quads.reserveCapacity(mesh.cells * mesh.cells)
        for j in 0..<mesh.cells {
            for i in 0..<mesh.cells {
                let corners = [mesh.vertex(i, j), mesh.vertex(i + 1, j), mesh.vertex(i + 1, j + 1), mesh.vertex(i, j + 1)]
                guard corners.allSatisfy({ $0.z.isFinite }) else { continue }
                let centre = corners.reduce(Vector3(0, 0, 0), +) * 0.25
                quads.append((view.depth(centre), corners))
            }
        }
        quads.sort { $0.depth < $1.depth }
        for quad in quads {
            let c = quad.corners
            var normal = (c[2] - c[0]).cross(c[3] - c[1]).normalized
            if normal.z < 0 { normal = normal * -1 }
            let lambert = max(0, normal.dot(Self.light))
            let height = c.reduce(0) { $0 + $1.z } / 4
            let colour = scale.colormap.color(at: scale.levels.fraction(mesh.value(atHeight: height))).mixed(with: .black, 0.45 * (1 - lambert))
            let polygon = c.map(pixel)
            renderer.fill(polygon: polygon, color: colour)
            // A hairline of the same colour closes the anti-aliased seams between neighbours.
            renderer.stroke(polyline: polygon, style: StrokeStyle(width: 0.6 * u, color: colour), closed: true)
        }
        drawFrontEdgesAndTicks(layout, pixel: pixel, style: style, on: renderer)
        for path in Axes.drawingOrder(paths.map(Layer.path), transform: t).compactMap(\.path) {
            drawPath(path, mesh: mesh, pixel: pixel, style: style, on: renderer)
        }
        for minimum in minima {
            let p = boxPoint(minimum, z: 0)
            let on = Vector3(p.x, p.y, mesh.height(x: p.x, y: p.y) + 0.005)
            guard on.z.isFinite, mesh.isVisible(on, from: view) else { continue }
            MarkerShape.star.draw(on: renderer, at: pixel(on), size: style.fontSize * 1.8, fill: .white, edge: .black, edgeWidth: 1.4 * u)
        }
        for text in layout.texts { text.draw(on: renderer) }
        layout.legend?.draw(style: style, on: renderer)
    }

    /// The floor and the two walls behind the surface, light grey, with grid lines at the ticks.
    func drawBackWalls(pixel: (Vector3) -> Point, style: FigureStyle, on renderer: Renderer) {
        let h = SurfaceView.boxHeight, bx = -frontX, by = -frontY
        let pane = Color(hex: 0xF1F1F1), edge = StrokeStyle(width: 0.8 * style.unit, color: Color(hex: 0xB8B8B8))
        let grid = StrokeStyle(width: 0.6 * style.unit, color: Color(hex: 0xDADADA))
        let walls = [
            [Vector3(-1, -1, 0), Vector3(1, -1, 0), Vector3(1, 1, 0), Vector3(-1, 1, 0)],
            [Vector3(bx, -1, 0), Vector3(bx, 1, 0), Vector3(bx, 1, h), Vector3(bx, -1, h)],
            [Vector3(-1, by, 0), Vector3(1, by, 0), Vector3(1, by, h), Vector3(-1, by, h)],
        ]
        for wall in walls {
            renderer.fill(polygon: wall.map(pixel), color: pane)
            renderer.stroke(polyline: wall.map(pixel), style: edge, closed: true)
        }
        for mark in tickMarks() {
            let p = mark.at
            switch mark.axis {
            case 0: renderer.stroke(polyline: [Vector3(p.x, -1, 0), Vector3(p.x, 1, 0), Vector3(p.x, by, h)].map(pixel), style: grid)
            case 1: renderer.stroke(polyline: [Vector3(-1, p.y, 0), Vector3(1, p.y, 0), Vector3(bx, p.y, h)].map(pixel), style: grid)
            default: renderer.stroke(polyline: [Vector3(-bx, by, p.z), Vector3(bx, by, p.z), Vector3(bx, -by, p.z)].map(pixel), style: grid)
            }
        }
    }

    /// The tick marks on the front edges of the floor and the z edge.
    func drawFrontEdgesAndTicks(_ layout: PanelLayout, pixel: (Vector3) -> Point, style: FigureStyle, on renderer: Renderer) {
        let ink = StrokeStyle(width: 1.0 * style.unit, color: Color(hex: 0x222222))
        let z = zEdge
        renderer.stroke(polyline: [Vector3(-1, frontY, 0), Vector3(1, frontY, 0)].map(pixel), style: ink)
        renderer.stroke(polyline: [Vector3(frontX, -1, 0), Vector3(frontX, 1, 0)].map(pixel), style: ink)
        renderer.stroke(polyline: [Vector3(z.x, z.y, 0), Vector3(z.x, z.y, SurfaceView.boxHeight)].map(pixel), style: ink)
        for mark in tickMarks() {
            let base = pixel(mark.at), out = pixel(mark.at + mark.outward) - base
            let length = max(out.x.magnitude, out.y.magnitude, 1e-9)
            renderer.stroke(polyline: [base, base + Point(out.x / length, out.y / length) * style.tickLength], style: ink)
        }
    }

    /// A path on the surface, in the pieces that are in sight: a white casing under the
    /// coloured line (each step in its own colour with `stepColors`), the start as a hollow circle, the end as a filled one (a cross if it
    /// diverged), each only where visible.
    func drawPath(_ path: PathOverlay, mesh: SurfaceMesh, pixel: (Vector3) -> Point, style: FigureStyle, on renderer: Renderer) {
        let u = style.unit, w = path.width * u
        let lift = 0.004 * SurfaceView.boxHeight
        func onSurface(_ p: Vector3) -> Vector3? {
            let h = mesh.height(x: p.x, y: p.y)
            return h.isFinite ? Vector3(p.x, p.y, h + lift) : nil
        }
        let points = path.drawnPoints.map { boxPoint($0, z: 0) }
        // Visible runs of pixels, each pixel with the step whose segment it ends (0 for the start).
        var runs: [[(pixel: Point, step: Int)]] = []
        var run: [(pixel: Point, step: Int)] = []
        func sample(_ p: Vector3, step: Int) {
            if let q = onSurface(p), mesh.isVisible(q, from: view) {
                run.append((pixel(q), step))
            } else if !run.isEmpty {
                runs.append(run)
                run = []
            }
        }
        let pieceLength = 1 / Double(mesh.cells)
        if let first = points.first { sample(first, step: 0) }
        for (index, (a, b)) in zip(points, points.dropFirst()).enumerated() {
            let d = b - a
            let length = (d.x * d.x + d.y * d.y).squareRoot()
            guard length.isFinite else { continue }
            let pieces = min(Int((length / pieceLength).rounded(.up)), 4000)
            for k in stride(from: 1, through: max(pieces, 1), by: 1) { sample(a + d * (Double(k) / Double(max(pieces, 1))), step: index + 1) }
        }
        if !run.isEmpty { runs.append(run) }
        let casing = StrokeStyle(width: w + 2.2 * u, color: Color.white.opacity(0.9))
        for r in runs where r.count > 1 { renderer.stroke(polyline: r.map(\.pixel), style: casing) }
        for r in runs where r.count > 1 {
            guard let colors = path.stepColors else {
                renderer.stroke(polyline: r.map(\.pixel), style: StrokeStyle(width: w, color: path.color))
                continue
            }
            // One polyline per step, from the last pixel of the step before.
            var start = 0
            while start < r.count - 1 {
                let step = r[start + 1].step
                var end = start + 1
                while end + 1 < r.count && r[end + 1].step == step { end += 1 }
                let color = step - 1 < colors.count ? colors[max(step - 1, 0)] : path.color
                renderer.stroke(polyline: r[start...end].map(\.pixel), style: StrokeStyle(width: w, color: color))
                start = end
            }
        }
        func visible(_ p: Vector3?) -> Point? {
            guard let p, let q = onSurface(p), mesh.isVisible(q, from: view) else { return nil }
            return pixel(q)
        }
        if let start = visible(points.first) {
            MarkerShape.circle.draw(on: renderer, at: start, size: w * 3.6, fill: .white, edge: path.color, edgeWidth: w * 0.9)
        }
        if let end = visible(points.last(where: { onSurface($0) != nil })) {
            if path.endsDiverged {
                MarkerShape.cross.draw(on: renderer, at: end, size: w * 4.5, fill: path.color, edge: .white, edgeWidth: 1.2 * u)
            } else {
                MarkerShape.circle.draw(on: renderer, at: end, size: w * 3.4, fill: path.color, edge: .white, edgeWidth: 1.2 * u)
            }
        }
    }
}

extension Layer {
    /// The path of a path layer.
    var path: PathOverlay? {
        if case .path(let p) = self { return p }
        return nil
    }
}
