import Foundation

/// The pixel geometry of a figure, computed from measured text: where every plot area, tick,
/// label, title, legend and the colorbar go.
public struct FigureLayout: Sendable {
    public var style: FigureStyle
    public var title: PlacedText?
    public var panels: [PanelLayout]
    public var colorbar: ColorbarLayout?

    /// Every text box of the figure (ticks, labels, titles), for overlap checks.
    public var textBoxes: [Rect] {
        var boxes = title.map { [$0.box] } ?? []
        for panel in panels { boxes += panel.texts.map(\.box) }
        if let colorbar { boxes += colorbar.texts.map(\.box) }
        return boxes
    }
}

/// A string with its anchor and the box it covers once drawn.
public struct PlacedText: Sendable {
    public var text: String
    public var anchor: Point
    public var style: TextStyle
    public var horizontal: HorizontalAnchor
    public var vertical: VerticalAnchor
    public var rotation: Double
    public var box: Rect

    init(_ text: String, at anchor: Point, style: TextStyle, horizontal: HorizontalAnchor, vertical: VerticalAnchor, rotation: Double = 0, extent: TextExtent) {
        self.text = text
        self.anchor = anchor
        self.style = style
        self.horizontal = horizontal
        self.vertical = vertical
        self.rotation = rotation
        let w = extent.width, h = extent.height
        // Box along the text direction, relative to the anchor.
        let x0: Double = horizontal == .left ? 0 : horizontal == .center ? -w / 2 : -w
        let y0: Double = vertical == .top ? 0 : vertical == .middle ? -h / 2 : vertical == .baseline ? -extent.ascent : -h
        if rotation == 90 {  // reads bottom to top: text x runs up, text y runs right
            box = Rect(x: anchor.x + y0, y: anchor.y - x0 - w, width: h, height: w)
        } else {
            box = Rect(x: anchor.x + x0, y: anchor.y + y0, width: w, height: h)
        }
    }
}

/// One panel's geometry.
public struct PanelLayout: Sendable {
    public var plot: Rect
    public var transform: PlotTransform
    public var xTicks: [Tick]
    public var yTicks: [Tick]
    public var texts: [PlacedText]
    public var legend: LegendLayout?
}

/// The colorbar's geometry: the bar, its ticks (at pixel y) and its texts.
public struct ColorbarLayout: Sendable {
    public var bar: Rect
    public var transform: AxisTransform
    public var ticks: [Tick]
    public var texts: [PlacedText]
}

extension Figure {
    /// The layout pass: measures every text through `measurer` and places it.
    public func layout(measurer: TextMeasuring) -> FigureLayout {
        let f = style.fontSize
        let tickStyle = TextStyle(size: f)
        let labelStyle = TextStyle(size: style.labelSize)
        let pad = f * 0.9
        let tickLength = f * 0.35
        func measure(_ text: String, _ s: TextStyle) -> TextExtent { measurer.measure(text, style: s) }
        let lineHeight = measure("Ag", tickStyle).height

        var top = pad
        var placedTitle: PlacedText?
        if let title {
            let s = TextStyle(size: style.figureTitleSize, bold: true)
            placedTitle = PlacedText(title, at: Point(Double(width) / 2, top), style: s, horizontal: .center, vertical: .top, extent: measure(title, s))
            top += placedTitle!.box.height + f * 0.6
        }

        // Colorbar reservation on the right.
        var right = Double(width) - pad
        var colorbarTicks: [Tick] = []
        var colorbarWidth = 0.0
        let barWidth = f * 1.2
        if let colorbar {
            let levels = colorbar.scale.levels
            let lo = levels.values[0], hi = levels.values[levels.values.count - 1]
            let available = Double(height) - top - pad
            colorbarTicks = Ticks.forScale(levels.scale, lower: lo, upper: hi, maxCount: max(3, min(9, Int(available / (lineHeight * 2.4)))))
            let labelWidth = colorbarTicks.map { measure($0.label, tickStyle).width }.max() ?? 0
            colorbarWidth = f * 1.1 + barWidth + tickLength + f * 0.3 + labelWidth
            if let label = colorbar.label { colorbarWidth += f * 0.5 + measure(label, labelStyle).height }
            right -= colorbarWidth
        }

        // The panel grid.
        let rows = (panels.count + columns - 1) / columns
        let gapX = f * 1.6, gapY = f * 1.1
        let content = Rect(x: pad, y: top, width: right - pad, height: Double(height) - pad - top)
        let cellWidth = (content.width - gapX * Double(columns - 1)) / Double(columns)
        let cellHeight = (content.height - gapY * Double(rows - 1)) / Double(rows)

        // Ranges and ticks per panel, then margins shared by all panels so they align.
        let ranges = panels.map { $0.resolvedRanges() }
        let hasYLabel = panels.contains { $0.yLabel != nil }, hasXLabel = panels.contains { $0.xLabel != nil }
        let hasTitle = panels.contains { $0.title != nil }
        let labelHeight = measure("Ag", labelStyle).height
        let yTickCount = max(3, min(8, Int(cellHeight / (lineHeight * 2.6))))
        var yTicks = zip(panels, ranges).map { panel, r in Ticks.forScale(panel.y.scale, lower: r.y.lowerBound, upper: r.y.upperBound, maxCount: yTickCount) }
        let yTickWidth = yTicks.flatMap { $0 }.map { measure($0.label, tickStyle).width }.max() ?? 0
        let marginLeft = (hasYLabel ? labelHeight + f * 0.5 : 0) + yTickWidth + tickLength + f * 0.3
        let marginBottom = tickLength + f * 0.3 + lineHeight + (hasXLabel ? f * 0.4 + labelHeight : 0)
        let marginRight = f * 0.8
        // Panel titles centre on the plot, which sits right of the cell's centre by half the
        // difference of the margins: what fits is the cell less that difference.
        let titles = PanelTitles.fit(
            panels.map(\.title), width: cellWidth - abs(marginLeft - marginRight) - f * 0.5, largest: style.titleSize,
            smallest: f, measure: { measure($0, $1) })
        let titleStyle = titles.style
        let marginTop = hasTitle ? measure("Ag", titleStyle).height * Double(titles.lineCount) + f * 0.5 : f * 0.4

        var layouts: [PanelLayout] = []
        func placePanel(_ index: Int, _ panel: Axes, cell: Rect, reserveBelow: Double) -> PanelLayout {
            var plot = Rect(x: cell.x + marginLeft, y: cell.y + marginTop, width: max(cell.width - marginLeft - marginRight, 10), height: max(cell.height - marginTop - marginBottom - reserveBelow, 10))
            let r = ranges[index]
            if panel.equalAspect, panel.x.scale == .linear, panel.y.scale == .linear {
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
                x: AxisTransform(scale: panel.x.scale, lower: r.x.lowerBound, upper: r.x.upperBound, start: plot.minX, end: plot.maxX),
                y: AxisTransform(scale: panel.y.scale, lower: r.y.lowerBound, upper: r.y.upperBound, start: plot.maxY, end: plot.minY))
            if panel.equalAspect {  // the plot may have shrunk: refit the y ticks to its height
                yTicks[index] = Ticks.forScale(panel.y.scale, lower: r.y.lowerBound, upper: r.y.upperBound, maxCount: max(3, min(8, Int(plot.height / (lineHeight * 2.6)))))
            }
            // x ticks: as many as fit with a gap of one em between labels.
            var xTicks: [Tick] = []
            for maxCount in stride(from: max(3, min(9, Int(plot.width / (f * 4)))), through: 2, by: -1) {
                xTicks = Ticks.forScale(panel.x.scale, lower: r.x.lowerBound, upper: r.x.upperBound, maxCount: maxCount)
                let boxes = xTicks.map { tick -> (Double, Double) in
                    let w = measure(tick.label, tickStyle).width
                    let x = transform.x.pixel(tick.value)
                    return (x - w / 2, x + w / 2)
                }
                if zip(boxes, boxes.dropFirst()).allSatisfy({ $0.1 + f * 0.8 <= $1.0 }) { break }
            }
            var texts: [PlacedText] = []
            for tick in xTicks {
                let p = Point(transform.x.pixel(tick.value), plot.maxY + tickLength + f * 0.3)
                texts.append(PlacedText(tick.label, at: p, style: tickStyle, horizontal: .center, vertical: .top, extent: measure(tick.label, tickStyle)))
            }
            for tick in yTicks[index] {
                let p = Point(plot.minX - tickLength - f * 0.3, transform.y.pixel(tick.value))
                texts.append(PlacedText(tick.label, at: p, style: tickStyle, horizontal: .right, vertical: .middle, extent: measure(tick.label, tickStyle)))
            }
            if let xLabel = panel.xLabel {
                let p = Point(plot.center.x, plot.maxY + tickLength + f * 0.3 + lineHeight + f * 0.4)
                texts.append(PlacedText(xLabel, at: p, style: labelStyle, horizontal: .center, vertical: .top, extent: measure(xLabel, labelStyle)))
            }
            if let yLabel = panel.yLabel {
                let p = Point(plot.minX - tickLength - f * 0.3 - yTickWidth - f * 0.5, plot.center.y)
                texts.append(PlacedText(yLabel, at: p, style: labelStyle, horizontal: .center, vertical: .bottom, rotation: 90, extent: measure(yLabel, labelStyle)))
            }
            var titleBottom = plot.minY - f * 0.5
            for line in titles.lines[index].reversed() {
                let placed = PlacedText(line, at: Point(plot.center.x, titleBottom), style: titleStyle, horizontal: .center, vertical: .bottom, extent: measure(line, titleStyle))
                texts.append(placed)
                titleBottom -= placed.box.height
            }
            var layout = PanelLayout(plot: plot, transform: transform, xTicks: xTicks, yTicks: yTicks[index], texts: texts, legend: nil)
            if panel.showsLegend {
                var shown = panel
                shown.layers = PathWander.hazing(panel.layers, transform: transform, plot: plot)
                layout.legend = LegendLayout.place(entries: shown.legendEntries(), in: layout, panel: shown, style: style, measurer: measurer)
            }
            return layout
        }

        let cells = panels.indices.map { index in
            Rect(x: content.x + Double(index % columns) * (cellWidth + gapX), y: content.y + Double(index / columns) * (cellHeight + gapY), width: cellWidth, height: cellHeight)
        }
        layouts = panels.enumerated().map { placePanel($0.offset, $0.element, cell: cells[$0.offset], reserveBelow: 0) }
        // A legend that would hide part of a line moves below the plot (matplotlib's "best"
        // would leave it on top); `.inside` keeps it inside regardless. When one panel's legend
        // moves, every automatic one does, so that the panels stay the same size.
        let anyBelow = zip(panels, layouts).contains { panel, layout in
            guard let legend = layout.legend else { return false }
            return panel.legendPlacement == .below || (panel.legendPlacement == .automatic && legend.covered > 2)
        }
        if anyBelow {
            // Panels in one row whose legends list the same entries share one legend, in as
            // many columns as the row's width holds, centred under the row, rather than
            // repeating it under each panel.
            var shared: LegendLayout?
            if rows == 1, panels.count > 1, panels.allSatisfy({ $0.legendPlacement != .inside }), let first = layouts[0].legend,
                layouts.allSatisfy({ $0.legend?.entries == first.entries })
            {
                shared = first.inColumns(fitting: content.width)
            }
            // Each row makes room for the tallest legend below its own panels, and a row without
            // one makes none, so no band is left empty; the plots all keep one height.
            let reserves = (0..<rows).map { row -> Double in
                let below = panels.indices.filter { $0 / columns == row && panels[$0].legendPlacement != .inside }
                let tallest = shared.map { [$0.box.height] } ?? below.compactMap { layouts[$0].legend?.box.height }
                return tallest.max().map { $0 + f * 0.5 } ?? 0
            }
            let rowHeight = (content.height - gapY * Double(rows - 1) - reserves.reduce(0, +)) / Double(rows)
            let rowTops = reserves.indices.map { row in
                content.y + reserves[..<row].reduce(0, +) + Double(row) * (rowHeight + gapY)
            }
            for (index, panel) in panels.enumerated() {
                let row = index / columns
                let cell = Rect(x: cells[index].x, y: rowTops[row], width: cellWidth, height: rowHeight + reserves[row])
                var layout = placePanel(index, panel, cell: cell, reserveBelow: reserves[row])
                guard panel.legendPlacement != .inside, var legend = layouts[index].legend else {
                    layouts[index] = layout
                    continue
                }
                legend.box.x = min(max(layout.plot.center.x - legend.box.width / 2, cell.minX), cell.maxX - legend.box.width)
                legend.box.y = layout.plot.maxY + marginBottom + f * 0.2
                legend.covered = 0
                layout.legend = legend
                layouts[index] = layout
            }
            if var shared {
                let left = layouts[0].plot.minX, right = layouts[layouts.count - 1].plot.maxX
                shared.box.x = min(max((left + right) / 2 - shared.box.width / 2, content.minX), content.maxX - shared.box.width)
                shared.box.y = layouts[0].plot.maxY + marginBottom + f * 0.2
                shared.covered = 0
                for index in layouts.indices { layouts[index].legend = nil }
                layouts[0].legend = shared
            }
        }

        var colorbarLayout: ColorbarLayout?
        if let colorbar {
            let top = layouts.map(\.plot.minY).min() ?? content.minY
            let bottom = layouts.map(\.plot.maxY).max() ?? content.maxY
            let x = (layouts.map(\.plot.maxX).max() ?? right) + f * 1.1
            let bar = Rect(x: x, y: top, width: barWidth, height: bottom - top)
            let levels = colorbar.scale.levels
            let transform = AxisTransform(scale: levels.scale, lower: levels.values[0], upper: levels.values[levels.values.count - 1], start: bar.maxY, end: bar.minY)
            var texts: [PlacedText] = []
            var labelRight = bar.maxX
            for tick in colorbarTicks {
                let p = Point(bar.maxX + tickLength + f * 0.3, transform.pixel(tick.value))
                let placed = PlacedText(tick.label, at: p, style: tickStyle, horizontal: .left, vertical: .middle, extent: measure(tick.label, tickStyle))
                labelRight = max(labelRight, placed.box.maxX)
                texts.append(placed)
            }
            if let label = colorbar.label {
                let p = Point(labelRight + f * 0.5, bar.center.y)
                texts.append(PlacedText(label, at: p, style: labelStyle, horizontal: .center, vertical: .top, rotation: 90, extent: measure(label, labelStyle)))
            }
            colorbarLayout = ColorbarLayout(bar: bar, transform: transform, ticks: colorbarTicks, texts: texts)
        }
        return FigureLayout(style: style, title: placedTitle, panels: layouts, colorbar: colorbarLayout)
    }
}

extension Axes {
    /// The data ranges: the declared ones, else fitted to the layers (fields and minima exactly,
    /// series and paths with a 5% margin on the axis scale).
    public func resolvedRanges() -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        var xr = x.range, yr = y.range
        for layer in layers {
            if case .field(let grid, _) = layer {
                xr = xr ?? grid.xRange
                yr = yr ?? grid.yRange
            }
        }
        func fit(_ values: [Double], scale: AxisScale) -> ClosedRange<Double> {
            let usable = values.filter { scale.forward($0).isFinite }
            guard let lo = usable.min(), let hi = usable.max() else { return scale == .log ? 1...10 : 0...1 }
            let a = scale.forward(lo), b = scale.forward(hi)
            let margin = b > a ? (b - a) * 0.05 : (a == 0 ? 1 : abs(a) * 0.1)
            let low = scale.inverse(a - margin), high = scale.inverse(b + margin)
            // A margin past the largest double (a loss near overflow), or below the smallest on a log axis, stops at the data.
            return (low.isFinite && (scale != .log || low > 0) ? low : lo)...(high.isFinite ? high : hi)
        }
        var xs: [Double] = [], ys: [Double] = []
        for layer in layers {
            switch layer {
            case .series(let s):
                xs += s.xs
            case .path(let p):
                xs += p.points.filter(\.isFinite).map(\.x)
                ys += p.points.filter(\.isFinite).map(\.y)
            case .minima(let m):
                xs += m.map(\.x)
                ys += m.map(\.y)
            default: break
            }
        }
        let xRange = xr ?? fit(xs, scale: x.scale)
        if yr == nil {  // series y values inside the x window only
            for layer in layers {
                if case .series(let s) = layer {
                    for (a, b) in zip(s.xs, s.ys) where a >= xRange.lowerBound && a <= xRange.upperBound { ys.append(b) }
                }
                if case .horizontalLine(let y, _, _) = layer { ys.append(y) }
            }
        }
        return (xRange, yr ?? fit(ys, scale: y.scale))
    }
}
