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
    /// The layers as drawn, styled once for the legend and the draw pass (paths that wander
    /// through the whole plot hazed, see `PathWander`).
    public var layers: [Layer]
}

extension Figure {
    /// The layout pass: measures every text through `measurer` and places it. The title goes
    /// on top, the colorbar's room on the right, the panels in a grid of cells in between; each
    /// panel lays itself out in its cell, and legends that do not belong inside move below.
    public func layout(measurer: TextMeasuring) -> FigureLayout {
        let f = style.fontSize
        let pad = f * 0.9
        var top = pad
        var placedTitle: PlacedText?
        if let title {
            let s = TextStyle(size: style.figureTitleSize, bold: true)
            placedTitle = PlacedText(title, at: Point(Double(width) / 2, top), style: s, horizontal: .center, vertical: .top, extent: measurer.measure(title, style: s))
            top += placedTitle!.box.height + f * 0.6
        }
        // The colorbars' room on the right: the field's, then the paths'.
        let colorbarTicks = colorbar.map { ColorbarLayout.ticks(of: $0, height: Double(height) - top - pad, style: style, measurer: measurer) }
        let pathColorbarTicks = pathColorbar.map { ColorbarLayout.ticks(of: $0, height: Double(height) - top - pad, style: style, measurer: measurer) }
        let colorbarWidth = [zip(colorbar, colorbarTicks), zip(pathColorbar, pathColorbarTicks)].compactMap { $0 }
            .map { ColorbarLayout.width(of: $0, ticks: $1, style: style, measurer: measurer) }.reduce(0, +)
        let grid = PanelGrid(
            content: Rect(x: pad, y: top, width: Double(width) - pad - colorbarWidth - pad, height: Double(height) - pad - top),
            count: panels.count, columns: columns, style: style)

        var margins = AxesMargins.shared(by: axes, cellHeight: grid.cellHeight, style: style, measurer: measurer)
        // Panel titles centre on the plot, which sits right of the cell's centre by half the
        // difference of the margins: what fits is the cell less that difference.
        let titleRoom = grid.cellWidth - abs(margins.left - margins.right) - f * 0.5
        let titles = PanelTitles.fit(panels.map(\.title), width: titleRoom, largest: style.titleSize, smallest: f, measure: { measurer.measure($0, style: $1) })
        margins = margins.withTitles(
            titles, anyTitle: panels.contains { $0.title != nil }, colorbarAnnotated: colorbarTicks?.annotation != nil || pathColorbarTicks?.annotation != nil, style: style, measurer: measurer)
        func context(_ index: Int, reserveBelow: Double) -> PanelContext {
            PanelContext(style: style, measurer: measurer, margins: margins, titleLines: titles.lines[index], titleStyle: titles.style, reserveBelow: reserveBelow)
        }

        var layouts = panels.indices.map { panels[$0].layout(in: grid.cells[$0], context: context($0, reserveBelow: 0)) }
        layouts = LegendsBelow.arrange(layouts, of: panels, grid: grid, marginBottom: margins.bottom, style: style, measurer: measurer) { index, cell, reserve in
            panels[index].layout(in: cell, context: context(index, reserveBelow: reserve))
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
        // Beside the plots, clear of the texts level with them; the paths' bar right of the field's.
        var colorbarX = ColorbarLayout.left(beside: layouts, content: grid.content, style: style)
        let colorbarLayout = zip(colorbar, colorbarTicks).map { colorbar, ticks in
            ColorbarLayout.place(colorbar, ticks: ticks, x: colorbarX, beside: layouts, content: grid.content, style: style, measurer: measurer)
        }
        if let colorbarLayout { colorbarX = colorbarLayout.right + f * 1.1 }
        let pathColorbarLayout = zip(pathColorbar, pathColorbarTicks).map { colorbar, ticks in
            ColorbarLayout.place(colorbar, ticks: ticks, x: colorbarX, beside: layouts, content: grid.content, style: style, measurer: measurer)
        }

        // The smallest image for this figure: the size less the room that every part has beyond
        // the least it needs. Plot areas need `minimumPlotSide` ems (and two x tick labels side
        // by side), titles their widest line up to the plot's width (wider ones are cut short
        // with "…"), legends their widest word.
        let plotHeight = FigureLayout.minimumPlotSide * f
        let widestXTick = layouts.flatMap(\.xTicks).map { measurer.measure($0.label, style: style.tickStyle).width }.max() ?? 0
        let plotWidth = max(plotHeight, 2 * widestXTick + f)
        let widestTitle = titles.lines.flatMap { $0 }.map { min(measurer.measure($0, style: titles.style).width, plotWidth) }.max() ?? 0
        var spareWidths = layouts.map { $0.frame.width - plotWidth } + [titleRoom - widestTitle]
        spareWidths += layouts.compactMap(\.legend).map { grid.cellWidth - $0.minimumWidth }
        let spareWidth = (spareWidths.min() ?? 0) * Double(columns)
        let figureTitleSpare = placedTitle.map { Double(width) - 2 * pad - $0.box.width } ?? .infinity
        let spareHeight = (layouts.map { $0.frame.height - plotHeight }.min() ?? 0) * Double(grid.rows)
        let minimumSize = (width: Double(width) - min(spareWidth, figureTitleSpare), height: Double(height) - spareHeight)
        return FigureLayout(style: style, title: placedTitle, panels: layouts, colorbar: colorbarLayout, pathColorbar: pathColorbarLayout, minimumSize: minimumSize)
    }
}

/// Optional pairs.
func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
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
