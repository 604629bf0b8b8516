import Foundation

extension SurfacePanel {
    /// The box fitted into the cell below the titles, with room around it for the tick labels
    /// and axis labels; `plot` is the frame a 2-D plot in the same cell would have, so that a
    /// legend below and a neighbouring map line up. The layout's transform maps screen
    /// coordinates of the view (`SurfaceView.screen`) to pixels.
    public func layout(in cell: Rect, context: PanelContext) -> PanelLayout {
        let style = context.style, margins = context.margins, f = style.fontSize
        let plot = Rect(
            x: cell.x + margins.left, y: cell.y + margins.top, width: cell.width - margins.left - margins.right,
            height: cell.height - margins.top - margins.bottom - context.reserveBelow)
        let region = Rect(x: cell.x, y: cell.y + margins.top, width: cell.width, height: cell.height - margins.top - context.reserveBelow)
        // Fitted twice: the box in the region, then shrunk by as much as its labels overhang.
        var room = region
        var (transform, texts) = placeBox(in: room, context: context)
        for _ in 0..<2 {
            let boxes = texts.map(\.box) + [Self.corners.map { transform.pixel(view.screen($0)) }.bounds]
            let used = boxes.dropFirst().reduce(boxes[0]) { $0.union($1) }
            let pad = f * 0.3
            room = Rect(
                x: room.minX + max(0, region.minX + pad - used.minX), y: room.minY + max(0, region.minY + pad - used.minY),
                width: room.width - max(0, region.minX + pad - used.minX) - max(0, used.maxX - region.maxX + pad),
                height: room.height - max(0, region.minY + pad - used.minY) - max(0, used.maxY - region.maxY + pad))
            room.width = max(room.width, 10)
            room.height = max(room.height, 10)
            (transform, texts) = placeBox(in: room, context: context)
        }
        texts += PanelTitles.place(context.titleLines, centredAt: plot.center.x, bottom: plot.minY - f * 0.5 - margins.yAnnotationLine, style: context.titleStyle, measurer: context.measurer)
        var layout = PanelLayout(plot: plot, frame: plot, transform: transform, xTicks: AxisTicks(), yTicks: AxisTicks(), texts: texts, legend: nil, layers: paths.map(Layer.path))
        if showsLegend {
            layout.legend = LegendLayout.make(entries: legendEntries(), style: style, measurer: context.measurer, maxWidth: plot.width - f * 1.2)
            layout.legend?.box.x = plot.minX
            layout.legend?.box.y = plot.minY
        }
        return layout
    }

    /// The box as large as fits in `room`, centred, with its tick and axis labels: the
    /// transform from view screen coordinates to pixels, and the texts. A tick label that would
    /// overlap one placed before it is left out.
    func placeBox(in room: Rect, context: PanelContext) -> (PlotTransform, [PlacedText]) {
        let style = context.style, f = style.fontSize
        let screens = Self.corners.map(view.screen)
        let u0 = screens.map(\.x).min()!, u1 = screens.map(\.x).max()!, v0 = screens.map(\.y).min()!, v1 = screens.map(\.y).max()!
        let s = min(room.width / (u1 - u0), room.height / (v1 - v0))
        let cx = room.center.x, cy = room.center.y
        let transform = PlotTransform(
            x: AxisTransform(scale: .linear, lower: u0, upper: u1, start: cx - s * (u1 - u0) / 2, end: cx + s * (u1 - u0) / 2),
            y: AxisTransform(scale: .linear, lower: v0, upper: v1, start: cy + s * (v1 - v0) / 2, end: cy - s * (v1 - v0) / 2))
        func pixel(_ p: Vector3) -> Point { transform.pixel(view.screen(p)) }

        var texts: [PlacedText] = []
        func place(_ text: String, _ textStyle: TextStyle, at p: Point, away direction: Point, rotation: Double = 0) -> PlacedText {
            // Anchored on the side facing the box: a label to the left ends at its anchor.
            let h: HorizontalAnchor = direction.x < -0.35 ? .right : direction.x > 0.35 ? .left : .center
            let v: VerticalAnchor = direction.y > 0.35 ? .top : direction.y < -0.35 ? .bottom : .middle
            return PlacedText(text, at: p, style: textStyle, horizontal: h, vertical: v, rotation: rotation, extent: context.measure(text, textStyle))
        }
        let tickStyle = style.tickStyle, labelStyle = style.axisLabelStyle
        // How far each axis's tick labels reach out from their ticks, along the outward direction.
        var reach: [Int: (distance: Double, direction: Point)] = [:]
        for mark in tickMarks() {
            let base = pixel(mark.at), out = pixel(mark.at + mark.outward) - base
            let length = max(out.x.magnitude, out.y.magnitude, 1e-9), d = Point(out.x / length, out.y / length)
            let anchor = base + d * (style.tickLength + f * 0.4)
            let placed = place(mark.tick.label, tickStyle, at: anchor, away: d)
            guard !texts.contains(where: { $0.box.inset(by: -f * 0.3).intersects(placed.box) }) else { continue }
            texts.append(placed)
            let distance = style.tickLength + f * 0.9 + d.x.magnitude * placed.box.width + d.y.magnitude * placed.box.height
            reach[mark.axis] = (max(distance, reach[mark.axis]?.distance ?? 0), d)
        }
        // Axis labels beyond the middle of their tick labels.
        let zt = ticks().z
        for (axis, label) in [(0, xLabel), (1, yLabel), (2, zLabel)] {
            guard let label, let (distance, d) = reach[axis] else { continue }
            let middle: Vector3
            switch axis {
            case 0: middle = Vector3(0, frontY, 0)
            case 1: middle = Vector3(frontX, 0, 0)
            default: middle = Vector3(zEdge.x, zEdge.y, SurfaceView.boxHeight / 2)
            }
            let at = pixel(middle) + d * distance
            if axis == 2 {  // reads upwards, beside the z tick labels
                texts.append(PlacedText(label, at: at, style: labelStyle, horizontal: .center, vertical: d.x < 0 ? .bottom : .top, rotation: 90, extent: context.measure(label, labelStyle)))
            } else {
                texts.append(place(label, labelStyle, at: at, away: d))
            }
        }
        if let annotation = zt.annotation {
            let top = pixel(Vector3(zEdge.x, zEdge.y, SurfaceView.boxHeight))
            texts.append(PlacedText(annotation, at: Point(top.x, top.y - f * 0.5), style: tickStyle, horizontal: .center, vertical: .bottom, extent: context.measure(annotation, tickStyle)))
        }
        return (transform, texts)
    }
}

extension Array<Point> {
    /// The smallest rectangle holding the points.
    var bounds: Rect {
        let xs = map(\.x), ys = map(\.y)
        return Rect(x: xs.min() ?? 0, y: ys.min() ?? 0, width: (xs.max() ?? 0) - (xs.min() ?? 0), height: (ys.max() ?? 0) - (ys.min() ?? 0))
    }
}
