import Foundation

/// The margins around every 2-D plot of a figure, shared so that the plots align: room for the
/// widest y tick label and the y label on the left, the x tick labels, x label and annotations
/// below, the titles and the y annotation above.
public struct AxesMargins: Sendable {
    public var left: Double
    public var right: Double
    public var top: Double
    public var bottom: Double
    /// The y tick count a plot of the cell's height holds, and the widest of those labels.
    var yTickCount: Int
    var yTickWidth: Double
    /// The line above the plots for y annotations (0 when no axis has one).
    var yAnnotationLine: Double

    /// The margins for `axes` in cells `cellHeight` high; `top` is completed by `withTitles`.
    static func shared(by axes: [Axes], cellHeight: Double, style: FigureStyle, measurer: TextMeasuring) -> AxesMargins {
        let f = style.fontSize
        let lineHeight = measurer.measure("Ag", style: style.tickStyle).height
        let labelHeight = measurer.measure("Ag", style: style.axisLabelStyle).height
        let ranges = axes.map { $0.resolvedRanges() }
        let yTickCount = max(3, min(8, Int(cellHeight / (lineHeight * 2.6))))
        let yTicks = zip(axes, ranges).map { panel, r in Ticks.forScale(panel.y.scale, lower: r.y.lowerBound, upper: r.y.upperBound, maxCount: yTickCount) }
        let yTickWidth = yTicks.flatMap { $0 }.map { measurer.measure($0.label, style: style.tickStyle).width }.max() ?? 0
        // The offset and power of ten of a linear axis follow from its range alone, so the lines
        // for the annotations are known before the x ticks are fitted to the plot's width.
        let xAnnotated = zip(axes, ranges).contains { panel, r in
            Ticks.forScale(panel.x.scale, lower: r.x.lowerBound, upper: r.x.upperBound, maxCount: 5).annotation != nil
        }
        let hasYLabel = axes.contains { $0.yLabel != nil }, hasXLabel = axes.contains { $0.xLabel != nil }
        let yAnnotationLine = yTicks.contains { $0.annotation != nil } ? lineHeight + f * 0.3 : 0
        return AxesMargins(
            left: (hasYLabel ? labelHeight + f * 0.5 : 0) + yTickWidth + style.tickLength + f * 0.3, right: f * 0.8, top: 0,
            bottom: style.tickLength + f * 0.3 + lineHeight + (hasXLabel || xAnnotated ? f * 0.4 + labelHeight : 0),
            yTickCount: yTickCount, yTickWidth: yTickWidth, yAnnotationLine: yAnnotationLine)
    }

    /// The top margin: the panel titles' lines (or a little room) and the y annotation line,
    /// at least a line for the colorbar's annotation when it has one.
    func withTitles(_ titles: PanelTitles, anyTitle: Bool, colorbarAnnotated: Bool, style: FigureStyle, measurer: TextMeasuring) -> AxesMargins {
        let f = style.fontSize
        var margins = self
        margins.top = anyTitle
            ? measurer.measure("Ag", style: titles.style).height * Double(titles.lineCount) + f * 0.5 + yAnnotationLine
            : max(f * 0.4, yAnnotationLine + f * 0.3)
        if colorbarAnnotated { margins.top = max(margins.top, measurer.measure("Ag", style: style.tickStyle).height + f * 0.5) }
        return margins
    }
}

extension FigureStyle {
    var tickStyle: TextStyle { TextStyle(size: fontSize) }
    var axisLabelStyle: TextStyle { TextStyle(size: labelSize) }
    /// The length of an outward tick mark.
    var tickLength: Double { fontSize * 0.35 }
}

extension Axes: Panel {
    /// The plot in the cell less the shared margins (narrowed or flattened to an equal aspect),
    /// its ticks, texts, and the legend inside it.
    public func layout(in cell: Rect, context: PanelContext) -> PanelLayout {
        let style = context.style, margins = context.margins
        let f = style.fontSize, tickStyle = style.tickStyle, labelStyle = style.axisLabelStyle, tickLength = style.tickLength
        let lineHeight = context.measure("Ag", tickStyle).height
        let frame = Rect(
            x: cell.x + margins.left, y: cell.y + margins.top, width: cell.width - margins.left - margins.right,
            height: cell.height - margins.top - margins.bottom - context.reserveBelow)
        var plot = Rect(x: frame.x, y: frame.y, width: max(frame.width, 10), height: max(frame.height, 10))
        let r = resolvedRanges()
        if equalAspect, x.scale == .linear, y.scale == .linear {
            let aspect = (r.x.upperBound - r.x.lowerBound) / (r.y.upperBound - r.y.lowerBound)
            if plot.width / plot.height > aspect {
                let w = plot.height * aspect
                plot = Rect(x: plot.x + (plot.width - w) / 2, y: plot.y, width: w, height: plot.height)
            } else {
                let h = plot.width / aspect
                plot = Rect(x: plot.x, y: plot.y + (plot.height - h) / 2, width: plot.width, height: h)
            }
        }
        let transform = PlotTransform(
            x: AxisTransform(scale: x.scale, lower: r.x.lowerBound, upper: r.x.upperBound, start: plot.minX, end: plot.maxX),
            y: AxisTransform(scale: y.scale, lower: r.y.lowerBound, upper: r.y.upperBound, start: plot.maxY, end: plot.minY))
        // An equal aspect may have shrunk the plot: then the y ticks are refitted to its height.
        let yTickCount = equalAspect ? max(3, min(8, Int(plot.height / (lineHeight * 2.6)))) : margins.yTickCount
        let yTicks = Ticks.forScale(y.scale, lower: r.y.lowerBound, upper: r.y.upperBound, maxCount: yTickCount)
        // x ticks: as many as fit with a gap of one em between labels.
        var xTicks = AxisTicks()
        for maxCount in stride(from: max(3, min(9, Int(plot.width / (f * 4)))), through: 2, by: -1) {
            xTicks = Ticks.forScale(x.scale, lower: r.x.lowerBound, upper: r.x.upperBound, maxCount: maxCount)
            let boxes = xTicks.map { tick -> (Double, Double) in
                let w = context.measure(tick.label, tickStyle).width
                let x = transform.x.pixel(tick.value)
                return (x - w / 2, x + w / 2)
            }
            if zip(boxes, boxes.dropFirst()).allSatisfy({ $0.1 + f * 0.8 <= $1.0 }) { break }
        }
        var texts: [PlacedText] = []
        func place(_ text: String, at p: Point, _ s: TextStyle, _ h: HorizontalAnchor, _ v: VerticalAnchor, rotation: Double = 0) -> PlacedText {
            PlacedText(text, at: p, style: s, horizontal: h, vertical: v, rotation: rotation, extent: context.measure(text, s))
        }
        for tick in xTicks {
            texts.append(place(tick.label, at: Point(transform.x.pixel(tick.value), plot.maxY + tickLength + f * 0.3), tickStyle, .center, .top))
        }
        for tick in yTicks {
            texts.append(place(tick.label, at: Point(plot.minX - tickLength - f * 0.3, transform.y.pixel(tick.value)), tickStyle, .right, .middle))
        }
        let labelLine = plot.maxY + tickLength + f * 0.3 + lineHeight + f * 0.4
        var labelRight = Double.infinity  // where the x label must end: left of the annotation
        if let annotation = xTicks.annotation {
            let placed = place(annotation, at: Point(plot.maxX, labelLine), tickStyle, .right, .top)
            texts.append(placed)
            labelRight = placed.box.minX - f
        }
        if let xLabel {
            let width = context.measure(xLabel, labelStyle).width
            texts.append(place(xLabel, at: Point(min(plot.center.x, labelRight - width / 2), labelLine), labelStyle, .center, .top))
        }
        if let annotation = yTicks.annotation {
            texts.append(place(annotation, at: Point(plot.minX, plot.minY - f * 0.3), tickStyle, .left, .bottom))
        }
        if let yLabel {
            let p = Point(plot.minX - tickLength - f * 0.3 - margins.yTickWidth - f * 0.5, plot.center.y)
            texts.append(place(yLabel, at: p, labelStyle, .center, .bottom, rotation: 90))
        }
        texts += PanelTitles.place(context.titleLines, centredAt: plot.center.x, bottom: plot.minY - f * 0.5 - margins.yAnnotationLine, style: context.titleStyle, measurer: context.measurer)
        // The styled layers, resolved once here for the legend and the draw pass.
        let layers = PathWander.hazing(self.layers, transform: transform, plot: plot)
        var layout = PanelLayout(plot: plot, frame: frame, transform: transform, xTicks: xTicks, yTicks: yTicks, texts: texts, legend: nil, layers: layers)
        if showsLegend {
            var shown = self
            shown.layers = layers
            layout.legend = LegendLayout.place(entries: shown.legendEntries(), in: layout, panel: shown, style: style, measurer: context.measurer)
        }
        return layout
    }
}

extension PanelTitles {
    /// A panel's title lines stacked upwards from `bottom`, centred on `x`.
    static func place(_ lines: [String], centredAt x: Double, bottom: Double, style: TextStyle, measurer: TextMeasuring) -> [PlacedText] {
        var texts: [PlacedText] = []
        var bottom = bottom
        for line in lines.reversed() {
            let placed = PlacedText(line, at: Point(x, bottom), style: style, horizontal: .center, vertical: .bottom, extent: measurer.measure(line, style: style))
            texts.append(placed)
            bottom -= placed.box.height
        }
        return texts
    }
}
