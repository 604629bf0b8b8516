import Foundation

extension Figure {
    /// The draw pass: lays the figure out with the renderer's text measures and draws it.
    public func draw(on renderer: Renderer) {
        let layout = layout(measurer: renderer)
        draw(layout, on: renderer)
    }

    /// Draws a computed layout.
    public func draw(_ layout: FigureLayout, on renderer: Renderer) {
        renderer.clip(to: nil)
        renderer.fill(rect: Rect(x: 0, y: 0, width: Double(width), height: Double(height)), color: style.background)
        for (panel, geometry) in zip(panels, layout.panels) { panel.draw(geometry, style: style, on: renderer) }
        if let colorbar, let bar = layout.colorbar { bar.draw(colorbar, style: style, on: renderer) }
        if let pathColorbar, let bar = layout.pathColorbar { bar.draw(pathColorbar, style: style, on: renderer) }
        if let title = layout.title { title.draw(on: renderer) }
    }
}

extension PlacedText {
    func draw(on renderer: Renderer) {
        renderer.text(text, at: anchor, style: style, horizontal: horizontal, vertical: vertical, rotation: rotation)
    }
}

extension LegendLayout {
    func draw(style: FigureStyle, on renderer: Renderer) {
        let u = style.unit
        let legend = self
        let box = legend.box
        renderer.fill(rect: box, color: Color.white.opacity(0.88))
        renderer.stroke(polyline: [Point(box.minX, box.minY), Point(box.maxX, box.minY), Point(box.maxX, box.maxY), Point(box.minX, box.maxY)], style: StrokeStyle(width: 0.8 * u, color: Color(hex: 0xAAAAAA)), closed: true)
        for (i, entry) in legend.entries.enumerated() {
            let origin = legend.origin(ofEntry: i)
            let y = origin.y
            let x0 = origin.x, x1 = x0 + legend.swatchWidth
            let mid = Point((x0 + x1) / 2, y)
            switch entry.swatch {
            case .path(let color, haze: true):
                renderer.stroke(polyline: [Point(x0, y), Point(x1, y)], style: Axes.haze(color, width: 2.5 * u))
            case .path(let color, haze: false):
                renderer.stroke(polyline: [Point(x0, y), Point(x1, y)], style: StrokeStyle(width: 2.5 * u, color: color))
                MarkerShape.circle.draw(on: renderer, at: mid, size: 2.5 * u * 1.55, fill: color.mixed(with: .black, 0.45), edge: .clear, edgeWidth: 0)
            case .line(let stroke, let marker):
                if stroke.width > 0 {
                    renderer.stroke(polyline: [Point(x0, y), Point(x1, y)], style: StrokeStyle(width: stroke.width * u, color: stroke.color, dash: stroke.dash.map { $0 * stroke.width * u }))
                }
                if let marker { marker.draw(on: renderer, at: mid, size: 5 * u, fill: stroke.color, edge: .white, edgeWidth: 0.6 * u) }
            case .arrow(let color, let casing):
                ArrowField.drawArrow(from: Point(x0, y), to: Point(x1, y), color: color, casing: casing, unit: u, on: renderer)
            case .marker(let shape, let fill, let edge):
                shape.draw(on: renderer, at: mid, size: style.fontSize * 1.3, fill: fill, edge: edge, edgeWidth: 1.2 * u)
            }
            for (line, text) in legend.lines[i].enumerated() {
                let at = Point(x1 + LegendLayout.textGap(textSize: legend.textStyle.size), y + Double(line) * legend.lineSpacing)
                renderer.text(text, at: at, style: legend.textStyle, horizontal: .left, vertical: .middle, rotation: 0)
            }
        }
    }
}

extension ColorbarLayout {
    func draw(_ colorbar: Colorbar, style: FigureStyle, on renderer: Renderer) {
        let u = style.unit
        let layout = self
        let bar = layout.bar
        let scale = colorbar.scale
        let height = max(1, Int(bar.height.rounded()))
        var pixels: [Color] = []
        pixels.reserveCapacity(height)
        for row in 0..<height {
            let v = layout.transform.value(atPixel: bar.minY + (Double(row) + 0.5) * bar.height / Double(height))
            pixels.append(scale.color(of: v))
        }
        renderer.draw(raster: Raster(width: 1, height: height, pixels: pixels), in: bar)
        let ink = StrokeStyle(width: 1.0 * u, color: Color(hex: 0x222222))
        if scale.fill == .bands {  // thin separators between bands
            for level in scale.levels.values.dropFirst().dropLast() {
                let y = layout.transform.pixel(level)
                renderer.stroke(polyline: [Point(bar.minX, y), Point(bar.maxX, y)], style: StrokeStyle(width: 0.5 * u, color: Color.white.opacity(0.5)))
            }
        }
        renderer.stroke(polyline: [Point(bar.minX, bar.minY), Point(bar.maxX, bar.minY), Point(bar.maxX, bar.maxY), Point(bar.minX, bar.maxY)], style: ink, closed: true)
        for tick in layout.ticks {
            let y = layout.transform.pixel(tick.value)
            renderer.stroke(polyline: [Point(bar.maxX, y), Point(bar.maxX + style.fontSize * 0.35, y)], style: ink)
        }
        for text in layout.texts { text.draw(on: renderer) }
    }
}

extension PathOverlay {
    /// The smallest k in 1, 2, 5, 10, 20, 50, ... with `pixelLength / steps * k >= minimumSpacing`;
    /// 0 (no step markers) for paths of fewer than 2 steps.
    public static func automaticMarkerEvery(steps: Int, pixelLength: Double, minimumSpacing: Double) -> Int {
        guard steps >= 2, pixelLength > 0 else { return 0 }
        let perStep = pixelLength / Double(steps)
        var k = 1
        var i = 0
        while perStep * Double(k) < minimumSpacing, k < steps {
            k = [1, 2, 5][i % 3] * Int(pow(10, Double(i / 3)))
            i += 1
        }
        return k >= steps ? 0 : k
    }
}
