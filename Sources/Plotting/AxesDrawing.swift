import Foundation

extension Axes {
    /// Draws the panel: grid lines, the layers clipped to the plot (paths in `drawingOrder`),
    /// markers whole over the frame, the frame with outward ticks, texts and legend.
    public func draw(_ geometry: PanelLayout, style: FigureStyle, on renderer: Renderer) {
        let ink = Color(hex: 0x222222)
        let u = style.unit
        let plot = geometry.plot
        let t = geometry.transform
        if gridLines {
            let grid = StrokeStyle(width: 0.8 * u, color: Color(hex: 0xE2E2E2))
            for tick in geometry.xTicks { let x = t.x.pixel(tick.value); renderer.stroke(polyline: [Point(x, plot.minY), Point(x, plot.maxY)], style: grid) }
            for tick in geometry.yTicks { let y = t.y.pixel(tick.value); renderer.stroke(polyline: [Point(plot.minX, y), Point(plot.maxX, y)], style: grid) }
        }
        let layers = Self.drawingOrder(geometry.layers, transform: t)
        renderer.clip(to: plot)
        for layer in layers { draw(layer, transform: t, plot: plot, style: style, on: renderer) }
        renderer.clip(to: nil)
        // Markers are drawn whole, even where they overhang the frame.
        for layer in layers { drawMarkers(layer, transform: t, plot: plot, style: style, on: renderer) }
        // Frame and outward ticks.
        let frame = StrokeStyle(width: 1.0 * u, color: ink)
        renderer.stroke(polyline: [Point(plot.minX, plot.minY), Point(plot.maxX, plot.minY), Point(plot.maxX, plot.maxY), Point(plot.minX, plot.maxY)], style: frame, closed: true)
        let tickLength = style.tickLength
        for tick in geometry.xTicks {
            let x = t.x.pixel(tick.value)
            renderer.stroke(polyline: [Point(x, plot.maxY), Point(x, plot.maxY + tickLength)], style: frame)
        }
        for tick in geometry.yTicks {
            let y = t.y.pixel(tick.value)
            renderer.stroke(polyline: [Point(plot.minX, y), Point(plot.minX - tickLength, y)], style: frame)
        }
        for text in geometry.texts { text.draw(on: renderer) }
        geometry.legend?.draw(style: style, on: renderer)
    }

    func draw(_ layer: Layer, transform t: PlotTransform, plot: Rect, style: FigureStyle, on renderer: Renderer) {
        let u = style.unit
        switch layer {
        case .field(let grid, let scale):
            renderer.draw(raster: FieldRaster.render(grid, scale: scale, transform: t, in: plot, maskColor: style.maskColor), in: plot)
        case .isolines(let grid, let levels, let lineStyle):
            var scaled = lineStyle
            scaled.width *= u
            for lines in MarchingSquares.isolines(grid, levels: levels) {
                for line in lines { renderer.stroke(polyline: line.map(t.pixel), style: scaled) }
            }
        case .path(let path):
            drawPath(path, transform: t, plot: plot, style: style, on: renderer)
        case .series(let series):
            let s = series.style
            if let band = series.band { drawBand(xs: series.xs, lower: band.lower, upper: band.upper, color: s.color, transform: t, on: renderer) }
            var run: [Point] = []
            var runs: [[Point]] = []
            for (x, y) in zip(series.xs, series.ys) {
                let p = t.pixel(Point(x, y))
                if p.isFinite { run.append(p) } else if !run.isEmpty { runs.append(run); run = [] }
            }
            if !run.isEmpty { runs.append(run) }
            if s.width > 0 {
                let stroke = StrokeStyle(width: s.width * u, color: s.color.opacity(s.opacity), dash: s.dash.map { $0 * s.width * u })
                for r in runs { renderer.stroke(polyline: r, style: stroke) }
            }
            if let marker = s.marker {
                for (i, (x, y)) in zip(series.xs, series.ys).enumerated() where i % s.markerEvery == 0 {
                    let p = t.pixel(Point(x, y))
                    guard p.isFinite, plot.inset(by: -s.markerSize * u).contains(p) else { continue }
                    marker.draw(on: renderer, at: p, size: s.markerSize * u, fill: s.color.opacity(s.opacity), edge: .white, edgeWidth: 0.6 * u)
                }
            }
        case .minima:
            break
        case .arrows(let field):
            field.draw(transform: t, unit: u, on: renderer)
        case .horizontalLine(let y, let lineStyle, _):
            var scaled = lineStyle
            scaled.width *= u
            scaled.dash = lineStyle.dash.map { $0 * u }
            let py = t.y.pixel(y)
            if py.isFinite { renderer.stroke(polyline: [Point(plot.minX, py), Point(plot.maxX, py)], style: scaled) }
        }
    }

    /// The layers in the order they are drawn: as given, except that paths swap places among
    /// themselves so that the longest (in pixels) goes underneath and the shortest on
    /// top. A path that zig-zags through the whole plot then no longer hides the short, smooth
    /// ones; the legend keeps the given order.
    static func drawingOrder(_ layers: [Layer], transform t: PlotTransform) -> [Layer] {
        var pathSlots: [Int] = []
        var paths: [(layer: Layer, length: Double)] = []
        for (index, layer) in layers.enumerated() {
            guard case .path(let path) = layer else { continue }
            // The whole path, not the steps an animation frame shows: the order stays put as
            // the paths grow from frame to frame.
            let pixels = path.points.prefix(while: \.isFinite).map(t.pixel)
            pathSlots.append(index)
            paths.append((layer, pixels.polylineLength))
        }
        var ordered = layers
        // A stable sort: paths of equal length keep their order.
        let byLength = paths.enumerated().sorted { ($0.element.length, $1.offset) > ($1.element.length, $0.offset) }
        for (slot, path) in zip(pathSlots, byLength) { ordered[slot] = path.element.layer }
        return ordered
    }

    /// A hazed path's line (see `PathWander`): under half the width, at 55 % opacity.
    static func haze(_ color: Color, width: Double) -> StrokeStyle {
        StrokeStyle(width: max(width * 0.45, 1), color: color.opacity(0.55))
    }

    /// A series' band: one translucent polygon per stretch where both edges have a position.
    func drawBand(xs: [Double], lower: [Double], upper: [Double], color: Color, transform t: PlotTransform, on renderer: Renderer) {
        var top: [Point] = [], bottom: [Point] = []
        func flush() {
            if top.count > 1 { renderer.fill(polygon: top + bottom.reversed(), color: color.opacity(Self.bandOpacity)) }
            top = []
            bottom = []
        }
        for index in xs.indices where index < lower.count && index < upper.count {
            let high = t.pixel(Point(xs[index], upper[index])), low = t.pixel(Point(xs[index], lower[index]))
            if high.isFinite && low.isFinite {
                top.append(high)
                bottom.append(low)
            } else {
                flush()
            }
        }
        flush()
    }

    /// The opacity of a series' band.
    static let bandOpacity = 0.2

    /// A fan line: a quarter of the path's width (at least one pixel), a third opaque, so that
    /// where many runs agree the colour builds up.
    static func fanLine(_ color: Color, width: Double) -> StrokeStyle {
        StrokeStyle(width: max(width * 0.25, 1), color: color.opacity(0.33))
    }

    /// A path's lines: its fan, then a white casing under the coloured line (one colour per
    /// step with `stepColors`), or a haze, clipped to the plot.
    func drawPath(_ path: PathOverlay, transform t: PlotTransform, plot: Rect, style: FigureStyle, on renderer: Renderer) {
        let u = style.unit
        let w = path.width * u
        for run in path.drawnFan {
            for line in clip(polyline: run.map(t.pixel), to: plot).runs { renderer.stroke(polyline: line, style: Self.fanLine(path.color, width: w)) }
        }
        let pixels = path.drawnPoints.map(t.pixel)
        guard !pixels.isEmpty else { return }
        let clipped = clip(polyline: pixels, to: plot)
        if path.drawnAsHaze {
            for run in clipped.runs { renderer.stroke(polyline: run, style: Self.haze(path.color, width: w)) }
            return
        }
        let casing = StrokeStyle(width: w + 2.2 * u, color: Color.white.opacity(0.9))
        for run in clipped.runs { renderer.stroke(polyline: run, style: casing) }
        guard let colors = path.stepColors else {
            for run in clipped.runs { renderer.stroke(polyline: run, style: StrokeStyle(width: w, color: path.color)) }
            return
        }
        for step in 1..<pixels.count where step - 1 < colors.count {
            let segment = StrokeStyle(width: w, color: colors[step - 1])
            for run in clip(polyline: [pixels[step - 1], pixels[step]], to: plot).runs { renderer.stroke(polyline: run, style: segment) }
        }
    }

    /// Markers drawn after the clip is lifted: minima stars; for paths, a darker dot every k
    /// steps (thinned where the path slows down or oscillates, so that dots never overlap), an arrow where the path leaves the plot, a hollow start circle, and a filled end
    /// circle or, for a diverged path, an X (at the last exit when the end lies outside).
    func drawMarkers(_ layer: Layer, transform t: PlotTransform, plot: Rect, style: FigureStyle, on renderer: Renderer) {
        let u = style.unit
        switch layer {
        case .minima(let minima):
            for m in minima where plot.contains(t.pixel(m)) {
                MarkerShape.star.draw(on: renderer, at: t.pixel(m), size: style.fontSize * 1.8, fill: .white, edge: .black, edgeWidth: 1.4 * u)
            }
        case .path(let path):
            let w = path.width * u
            let pixels = path.drawnPoints.map(t.pixel)
            guard !pixels.isEmpty else { return }
            let clipped = clip(polyline: pixels, to: plot)
            let length = pixels.polylineLength
            let every = path.markerEvery ?? PathOverlay.automaticMarkerEvery(steps: pixels.count - 1, pixelLength: length, minimumSpacing: 3.5 * w)
            let dot = path.color.mixed(with: .black, 0.45)
            let dotSize = w * 1.55
            if every > 0, !path.drawnAsHaze {
                // Where the path slows down or oscillates in place, step dots would pile up into
                // a blot: a dot closer than two dot widths to any dot drawn is left out.
                var dots = SpacedPoints(spacing: 2 * dotSize)
                for i in stride(from: every, to: pixels.count - 1, by: every) where plot.contains(pixels[i]) {
                    guard dots.accept(pixels[i]) else { continue }
                    MarkerShape.circle.draw(on: renderer, at: pixels[i], size: dotSize, fill: dot, edge: .clear, edgeWidth: 0)
                }
            }
            let end = pixels[pixels.count - 1]
            let endInside = plot.contains(end)
            for (index, exit) in clipped.exits.enumerated() where endInside || index < clipped.exits.count - 1 || !path.endsDiverged {
                let head = arrowHead(tip: exit.point, direction: exit.direction, length: w * 4.2)
                renderer.fill(polygon: head, color: path.color)
                renderer.stroke(polyline: head, style: StrokeStyle(width: 0.9 * u, color: .white), closed: true)
            }
            if let start = pixels.first, plot.contains(start) {
                MarkerShape.circle.draw(on: renderer, at: start, size: w * 3.6, fill: .white, edge: path.color, edgeWidth: w * 0.9)
            }
            if path.endsDiverged {
                if let at = endInside ? end : clipped.exits.last?.point {
                    MarkerShape.cross.draw(on: renderer, at: at, size: w * 4.5, fill: path.color, edge: .white, edgeWidth: 1.2 * u)
                }
            } else if endInside {
                MarkerShape.circle.draw(on: renderer, at: end, size: w * 3.4, fill: path.color, edge: .white, edgeWidth: 1.2 * u)
            }
        default: break
        }
    }
}
