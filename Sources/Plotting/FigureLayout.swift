import Foundation

/// The pixel geometry of a figure, computed from measured text: where every plot area, tick,
/// label, title, legend and the colorbar go.
public struct FigureLayout: Sendable {
    public var style: FigureStyle
    public var title: PlacedText?
    public var panels: [PanelLayout]
    public var colorbar: ColorbarLayout?
    /// The paths' colorbar, right of the field's.
    public var pathColorbar: ColorbarLayout?
    /// The smallest image that holds this figure as laid out here: every panel's plot area at
    /// least `minimumPlotSide` ems (wider when its x tick labels need it), every title and
    /// legend word whole. `Figure.checkSize(measurer:)` refuses an image smaller than this.
    public var minimumSize: (width: Double, height: Double)

    /// The smallest side of a plot area, in ems of the tick font.
    public static let minimumPlotSide = 6.0

    /// Every text box of the figure (ticks, labels, titles), for overlap checks.
    public var textBoxes: [Rect] {
        var boxes = title.map { [$0.box] } ?? []
        for panel in panels { boxes += panel.texts.map(\.box) }
        for colorbar in [colorbar, pathColorbar].compactMap({ $0 }) { boxes += colorbar.texts.map(\.box) }
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
    /// The room the plot was given, before an equal aspect shrank it (may be empty or
    /// negative when the image is too small).
    public var frame: Rect
    public var transform: PlotTransform
    /// The ticks; labels that share an offset or a power of ten say so in an annotation at the
    /// axis end (right of the x axis under its labels, above the y axis).
    public var xTicks: AxisTicks
    public var yTicks: AxisTicks
    public var texts: [PlacedText]
    public var legend: LegendLayout?
}

/// The colorbar's geometry: the bar, its ticks (at pixel y) and its texts.
public struct ColorbarLayout: Sendable {
    public var bar: Rect
    public var transform: AxisTransform
    /// The ticks; their annotation, if any, sits above the bar.
    public var ticks: AxisTicks
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

        // Colorbar reservation on the right: the field's, then the paths'.
        var right = Double(width) - pad
        let barWidth = f * 1.2
        func reserve(_ colorbar: Colorbar?) -> AxisTicks {
            guard let colorbar else { return AxisTicks() }
            let levels = colorbar.scale.levels
            let lo = levels.values[0], hi = levels.values[levels.values.count - 1]
            let available = Double(height) - top - pad
            let ticks = Ticks.forScale(levels.scale, lower: lo, upper: hi, maxCount: max(3, min(9, Int(available / (lineHeight * 2.4)))))
            let labelWidth = ticks.map { measure($0.label, tickStyle).width }.max() ?? 0
            var colorbarWidth = f * 1.1 + barWidth + tickLength + f * 0.3 + labelWidth
            if let label = colorbar.label { colorbarWidth += f * 0.5 + measure(label, labelStyle).height }
            if let annotation = ticks.annotation { colorbarWidth = max(colorbarWidth, f * 1.1 + measure(annotation, tickStyle).width) }
            right -= colorbarWidth
            return ticks
        }
        let colorbarTicks = reserve(colorbar)
        let pathColorbarTicks = reserve(pathColorbar)

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
        // The offset and power of ten of a linear axis follow from its range alone, so the lines
        // for the annotations are known before the x ticks are fitted to the plot's width.
        let xAnnotated = zip(panels, ranges).contains { panel, r in
            Ticks.forScale(panel.x.scale, lower: r.x.lowerBound, upper: r.x.upperBound, maxCount: 5).annotation != nil
        }
        let yAnnotationLine = yTicks.contains { $0.annotation != nil } ? lineHeight + f * 0.3 : 0
        let marginLeft = (hasYLabel ? labelHeight + f * 0.5 : 0) + yTickWidth + tickLength + f * 0.3
        let marginBottom = tickLength + f * 0.3 + lineHeight + (hasXLabel || xAnnotated ? f * 0.4 + labelHeight : 0)
        let marginRight = f * 0.8
        // Panel titles centre on the plot, which sits right of the cell's centre by half the
        // difference of the margins: what fits is the cell less that difference.
        let titles = PanelTitles.fit(
            panels.map(\.title), width: cellWidth - abs(marginLeft - marginRight) - f * 0.5, largest: style.titleSize,
            smallest: f, measure: { measure($0, $1) })
        let titleStyle = titles.style
        var marginTop = hasTitle ? measure("Ag", titleStyle).height * Double(titles.lineCount) + f * 0.5 + yAnnotationLine : max(f * 0.4, yAnnotationLine + f * 0.3)
        if colorbarTicks.annotation != nil || pathColorbarTicks.annotation != nil { marginTop = max(marginTop, lineHeight + f * 0.5) }

        var layouts: [PanelLayout] = []
        func placePanel(_ index: Int, _ panel: Axes, cell: Rect, reserveBelow: Double) -> PanelLayout {
            let frame = Rect(x: cell.x + marginLeft, y: cell.y + marginTop, width: cell.width - marginLeft - marginRight, height: cell.height - marginTop - marginBottom - reserveBelow)
            var plot = Rect(x: frame.x, y: frame.y, width: max(frame.width, 10), height: max(frame.height, 10))
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
            var xTicks = AxisTicks()
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
            let labelLine = plot.maxY + tickLength + f * 0.3 + lineHeight + f * 0.4
            var labelRight = Double.infinity  // where the x label must end: left of the annotation
            if let annotation = xTicks.annotation {
                let placed = PlacedText(annotation, at: Point(plot.maxX, labelLine), style: tickStyle, horizontal: .right, vertical: .top, extent: measure(annotation, tickStyle))
                texts.append(placed)
                labelRight = placed.box.minX - f
            }
            if let xLabel = panel.xLabel {
                let extent = measure(xLabel, labelStyle)
                let p = Point(min(plot.center.x, labelRight - extent.width / 2), labelLine)
                texts.append(PlacedText(xLabel, at: p, style: labelStyle, horizontal: .center, vertical: .top, extent: extent))
            }
            if let annotation = yTicks[index].annotation {
                let p = Point(plot.minX, plot.minY - f * 0.3)
                texts.append(PlacedText(annotation, at: p, style: tickStyle, horizontal: .left, vertical: .bottom, extent: measure(annotation, tickStyle)))
            }
            if let yLabel = panel.yLabel {
                let p = Point(plot.minX - tickLength - f * 0.3 - yTickWidth - f * 0.5, plot.center.y)
                texts.append(PlacedText(yLabel, at: p, style: labelStyle, horizontal: .center, vertical: .bottom, rotation: 90, extent: measure(yLabel, labelStyle)))
            }
            var titleBottom = plot.minY - f * 0.5 - yAnnotationLine
            for line in titles.lines[index].reversed() {
                let placed = PlacedText(line, at: Point(plot.center.x, titleBottom), style: titleStyle, horizontal: .center, vertical: .bottom, extent: measure(line, titleStyle))
                texts.append(placed)
                titleBottom -= placed.box.height
            }
            var layout = PanelLayout(plot: plot, frame: frame, transform: transform, xTicks: xTicks, yTicks: yTicks[index], texts: texts, legend: nil)
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
        // would leave it on top), and so does one that does not fit inside at all; `.inside`
        // keeps a legend that fits inside regardless. When one panel's legend moves, every
        // automatic one does, so that the panels stay the same size.
        let firstLegends = layouts.map(\.legend)
        let movesBelow = panels.indices.map { index in
            panels[index].legendPlacement != .inside || firstLegends[index]?.covered == Int.max
        }
        let anyBelow = panels.indices.contains { index in
            guard let legend = firstLegends[index] else { return false }
            return panels[index].legendPlacement == .below || legend.covered == Int.max
                || (panels[index].legendPlacement == .automatic && legend.covered > 2)
        }
        if anyBelow {
            // Below its panel a legend is rewrapped to the cell's width and set in as many
            // columns as that holds. Panels in one row whose legends list the same entries share
            // one legend, across the row's width, centred under the row, rather than repeating
            // it under each panel.
            // Of the legends wrapped for one to four columns (no word cut short), the shortest,
            // where each line wrapped beyond the fewest counts as a row: columns that save height
            // only by breaking every entry lose to fewer, whole ones.
            func belowLegend(_ entries: [LegendEntry], width: Double) -> LegendLayout? {
                let gap = LegendLayout.columnGap(textSize: style.legendSize)
                let options = (1...max(1, min(4, entries.count))).compactMap { columns -> LegendLayout? in
                    let columnWidth = (width - gap * Double(columns - 1)) / Double(columns)
                    guard let legend = LegendLayout.make(entries: entries, style: style, measurer: measurer, maxWidth: columnWidth) else { return nil }
                    return columns == 1 || legend.minimumWidth <= columnWidth ? legend.inColumns(fitting: width) : nil
                }
                let fewestLines = options.map(\.lineCount).min() ?? 0
                func cost(_ legend: LegendLayout) -> Double { legend.box.height + Double(legend.lineCount - fewestLines) * legend.rowHeight }
                return options.min { cost($0) < cost($1) }
            }
            var shared: LegendLayout?
            if rows == 1, panels.count > 1, movesBelow.allSatisfy({ $0 }), let first = firstLegends[0],
                firstLegends.allSatisfy({ $0?.entries == first.entries })
            {
                shared = belowLegend(first.entries, width: content.width)
            }
            let belowLegends = panels.indices.map { index in
                shared == nil && movesBelow[index] ? firstLegends[index].flatMap { belowLegend($0.entries, width: cellWidth) } : nil
            }
            // Each row makes room for the tallest legend below its own panels, and a row without
            // one makes none, so no band is left empty; the plots all keep one height.
            let reserves = (0..<rows).map { row -> Double in
                let tallest = row == 0 && shared != nil ? [shared!.box.height] : panels.indices.filter { $0 / columns == row }.compactMap { belowLegends[$0]?.box.height }
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
                if movesBelow[index] { layout.legend = nil }
                if var legend = belowLegends[index] {
                    legend.box.x = min(max(layout.plot.center.x - legend.box.width / 2, cell.minX), cell.maxX - legend.box.width)
                    legend.box.y = layout.plot.maxY + marginBottom + f * 0.2
                    layout.legend = legend
                }
                layouts[index] = layout
            }
            if var shared {
                let left = layouts[0].plot.minX, right = layouts[layouts.count - 1].plot.maxX
                shared.box.x = min(max((left + right) / 2 - shared.box.width / 2, content.minX), content.maxX - shared.box.width)
                shared.box.y = layouts[0].plot.maxY + marginBottom + f * 0.2
                layouts[0].legend = shared
            }
        }
        // Whatever the room, no legend leaves the image; one larger than the image is left out
        // (`checkSize` refuses such a size).
        for index in layouts.indices {
            guard var legend = layouts[index].legend else { continue }
            guard legend.box.width <= Double(width), legend.box.height <= Double(height) else {
                layouts[index].legend = nil
                continue
            }
            legend.box.x = max(0, min(legend.box.x, Double(width) - legend.box.width))
            legend.box.y = max(0, min(legend.box.y, Double(height) - legend.box.height))
            layouts[index].legend = legend
        }

        // Beside the plots, and clear of the texts level with them (the title of a lower row's
        // plot that an equal aspect made narrow reaches further right than the plot); the
        // paths' bar right of the field's.
        func place(_ colorbar: Colorbar, ticks colorbarTicks: AxisTicks, x: Double) -> ColorbarLayout {
            let top = layouts.map(\.plot.minY).min() ?? content.minY
            let bottom = layouts.map(\.plot.maxY).max() ?? content.maxY
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
            if let annotation = colorbarTicks.annotation {
                texts.append(PlacedText(annotation, at: Point(bar.minX, bar.minY - f * 0.3), style: tickStyle, horizontal: .left, vertical: .bottom, extent: measure(annotation, tickStyle)))
            }
            return ColorbarLayout(bar: bar, transform: transform, ticks: colorbarTicks, texts: texts)
        }
        let plotsRight = (layouts.map(\.plot.maxX).max() ?? right) + f * 1.1
        let plotsTop = layouts.map(\.plot.minY).min() ?? content.minY
        let plotsBottom = layouts.map(\.plot.maxY).max() ?? content.maxY
        let level = layouts.flatMap(\.texts).map(\.box).filter { $0.maxY > plotsTop && $0.minY < plotsBottom }
        var colorbarX = max(plotsRight, (level.map(\.maxX).max() ?? 0) + f * 0.5)
        let colorbarLayout = colorbar.map { place($0, ticks: colorbarTicks, x: colorbarX) }
        if let colorbarLayout { colorbarX = (colorbarLayout.texts.map(\.box.maxX).max() ?? colorbarLayout.bar.maxX) + f * 1.1 }
        let pathColorbarLayout = pathColorbar.map { place($0, ticks: pathColorbarTicks, x: colorbarX) }

        // The smallest image for this figure: the size less the room that every part has beyond
        // the least it needs. Plot areas need `minimumPlotSide` ems (and two x tick labels side
        // by side), titles their widest line up to the plot's width (wider ones are cut short
        // with "…"), legends their widest word.
        let plotHeight = FigureLayout.minimumPlotSide * f
        let widestXTick = layouts.flatMap(\.xTicks).map { measure($0.label, tickStyle).width }.max() ?? 0
        let plotWidth = max(plotHeight, 2 * widestXTick + f)
        let titleRoom = cellWidth - abs(marginLeft - marginRight) - f * 0.5
        let widestTitle = titles.lines.flatMap { $0 }.map { min(measure($0, titleStyle).width, plotWidth) }.max() ?? 0
        var spareWidths = layouts.map { $0.frame.width - plotWidth } + [titleRoom - widestTitle]
        spareWidths += layouts.compactMap(\.legend).map { cellWidth - $0.minimumWidth }
        let spareWidth = (spareWidths.min() ?? 0) * Double(columns)
        let figureTitleSpare = placedTitle.map { Double(width) - 2 * pad - $0.box.width } ?? .infinity
        let spareHeight = (layouts.map { $0.frame.height - plotHeight }.min() ?? 0) * Double(rows)
        let minimumSize = (width: Double(width) - min(spareWidth, figureTitleSpare), height: Double(height) - spareHeight)
        return FigureLayout(style: style, title: placedTitle, panels: layouts, colorbar: colorbarLayout, pathColorbar: pathColorbarLayout, minimumSize: minimumSize)
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
            let range = Ticks.nonsingular(lower: lo, upper: hi, scale: scale)
            let a = scale.forward(range.lowerBound), b = scale.forward(range.upperBound)
            let margin = (b - a) * 0.05
            let low = scale.inverse(a - margin), high = scale.inverse(b + margin)
            // A margin past the largest double (a loss near overflow), or below the smallest on a log axis, stops at the data.
            return (low.isFinite && (scale != .log || low > 0) ? low : range.lowerBound)...(high.isFinite ? high : range.upperBound)
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
        // A declared range too narrow to label is widened like a fitted one.
        xr = xr.map { Ticks.nonsingular(lower: $0.lowerBound, upper: $0.upperBound, scale: x.scale) }
        yr = yr.map { Ticks.nonsingular(lower: $0.lowerBound, upper: $0.upperBound, scale: y.scale) }
        let xRange = xr ?? fit(xs, scale: x.scale)
        if yr == nil {  // series y values inside the x window only
            for layer in layers {
                if case .series(let s) = layer {
                    for (a, b) in zip(s.xs, s.ys) where a >= xRange.lowerBound && a <= xRange.upperBound { ys.append(b) }
                    if let band = s.band {
                        for (index, a) in s.xs.enumerated() where a >= xRange.lowerBound && a <= xRange.upperBound {
                            if index < band.lower.count { ys.append(band.lower[index]) }
                            if index < band.upper.count { ys.append(band.upper[index]) }
                        }
                    }
                }
                if case .horizontalLine(let y, _, _) = layer { ys.append(y) }
            }
        }
        return (xRange, yr ?? fit(ys, scale: y.scale))
    }
}

/// An image too small to hold its figure, and the smallest size that holds it.
public struct FigureTooSmall: Error, CustomStringConvertible, Equatable {
    public let width: Int
    public let height: Int
    public let minimumWidth: Int
    public let minimumHeight: Int

    public var description: String {
        "an image of \(width)x\(height) pixels is too small for this figure: it needs at least \(minimumWidth)x\(minimumHeight)"
    }
}

extension Figure {
    /// Throws when the image is too small to hold the figure (`FigureLayout.minimumSize`),
    /// naming a size that holds it: the minimum the layout asks for, grown until the layout at
    /// that size asks for no more (a narrower image may set its legend in fewer columns).
    public func checkSize(measurer: TextMeasuring) throws(FigureTooSmall) {
        func needed(_ width: Int, _ height: Int) -> (width: Int, height: Int) {
            var probe = self
            probe.width = width
            probe.height = height
            let size = probe.layout(measurer: measurer).minimumSize
            return (Int(size.width.rounded(.up)), Int(size.height.rounded(.up)))
        }
        var need = needed(width, height)
        guard need.width > width || need.height > height else { return }
        for _ in 0..<8 {
            let more = needed(need.width, need.height)
            if more.width <= need.width, more.height <= need.height { break }
            need = (max(need.width, more.width), max(need.height, more.height))
        }
        throw FigureTooSmall(width: width, height: height, minimumWidth: need.width, minimumHeight: need.height)
    }
}
