/// One legend row: a swatch and its text.
public struct LegendEntry: Hashable, Sendable {
    public enum Swatch: Hashable, Sendable {
        case line(StrokeStyle, marker: MarkerShape?)
        /// A path's line with a step dot, or its haze (see `PathWander`).
        case path(Color, haze: Bool)
        case marker(MarkerShape, fill: Color, edge: Color)
    }

    public var text: String
    public var swatch: Swatch
}

/// A placed legend: its box, rows and the score of the chosen position.
public struct LegendLayout: Sendable {
    public var box: Rect
    public var entries: [LegendEntry]
    public var rowHeight: Double
    public var swatchWidth: Double
    public var textStyle: TextStyle
    /// How many obstacle samples (path and series pixels, markers, minima) the box covers.
    public var covered: Int
    /// The entries fill `columns` columns top to bottom, then left to right (1 by default).
    public var columns = 1
    /// The width of one column: swatch, gap and the longest text.
    public var columnWidth: Double

    /// The gap between columns.
    var columnGap: Double { textStyle.size * 1.5 }
    /// The inner margin of the box.
    var padding: Double { Self.padding(textSize: textStyle.size) }
    /// The inner margin of a box whose text is `textSize` points.
    static func padding(textSize: Double) -> Double { textSize * 0.55 }
    /// The entries in each column but perhaps the last.
    var rowsPerColumn: Int { (entries.count + columns - 1) / columns }

    /// The centre-left point of entry `index`'s swatch.
    func origin(ofEntry index: Int) -> Point {
        let column = index / rowsPerColumn, row = index % rowsPerColumn
        return Point(box.minX + padding + Double(column) * (columnWidth + columnGap), box.minY + padding + rowHeight * (Double(row) + 0.5))
    }

    /// The same legend in as many columns (at most one per entry) as fit in `width`, the box
    /// resized and kept at its origin; the columns are balanced (9 entries in 4 columns of at most
    /// 3 become 3 columns of 3).
    func inColumns(fitting width: Double) -> LegendLayout {
        let fitting = Int(((width - 2 * padding + columnGap) / (columnWidth + columnGap)).rounded(.down))
        var legend = self
        legend.columns = max(1, min(entries.count, fitting))
        legend.columns = (entries.count + legend.rowsPerColumn - 1) / legend.rowsPerColumn
        legend.box.width = 2 * padding + Double(legend.columns) * columnWidth + Double(legend.columns - 1) * columnGap
        legend.box.height = 2 * padding + rowHeight * Double(legend.rowsPerColumn)
        return legend
    }

    /// The candidate positions, in order of preference for ties: the four corners, then the
    /// middles of the edges, each inset from the plot frame.
    static func candidates(for size: (Double, Double), in plot: Rect, inset: Double) -> [Rect] {
        let (w, h) = size
        let left = plot.minX + inset, right = plot.maxX - inset - w, centerX = plot.center.x - w / 2
        let top = plot.minY + inset, bottom = plot.maxY - inset - h, centerY = plot.center.y - h / 2
        let origins = [(right, top), (left, top), (left, bottom), (right, bottom), (centerX, top), (centerX, bottom), (left, centerY), (right, centerY)]
        return origins.map { Rect(x: $0.0, y: $0.1, width: w, height: h) }
    }

    /// Chooses the candidate rectangle of `size` covering the fewest obstacle points (earlier
    /// candidates win ties), like matplotlib's `loc="best"`.
    public static func bestPosition(size: (Double, Double), in plot: Rect, inset: Double, obstacles: [Point]) -> (Rect, Int) {
        var best: (Rect, Int)?
        for candidate in candidates(for: size, in: plot, inset: inset) {
            let grown = candidate.inset(by: -inset * 0.5)
            let count = obstacles.reduce(0) { $0 + (grown.contains($1) ? 1 : 0) }
            if best == nil || count < best!.1 { best = (candidate, count) }
        }
        return best!
    }

    static func place(entries: [LegendEntry], in layout: PanelLayout, panel: Axes, style: FigureStyle, measurer: TextMeasuring) -> LegendLayout? {
        guard !entries.isEmpty else { return nil }
        let textStyle = TextStyle(size: style.legendSize)
        let f = style.legendSize
        let extents = entries.map { measurer.measure($0.text, style: textStyle) }
        let rowHeight = max(extents.map(\.height).max() ?? f, f) * 1.3
        let swatchWidth = f * 2.2
        let padding = padding(textSize: f)
        let width = padding * 2 + swatchWidth + f * 0.5 + (extents.map(\.width).max() ?? 0)
        let height = padding * 2 + rowHeight * Double(entries.count)
        let (box, covered) = bestPosition(size: (width, height), in: layout.plot, inset: style.fontSize * 0.6, obstacles: panel.obstacles(layout.transform, spacing: style.unit * 3))
        return LegendLayout(
            box: box, entries: entries, rowHeight: rowHeight, swatchWidth: swatchWidth, textStyle: textStyle, covered: covered,
            columnWidth: width - padding * 2)
    }
}

extension Axes {
    /// The legend rows of the labelled layers, in layer order; minima get one row.
    public func legendEntries() -> [LegendEntry] {
        var entries: [LegendEntry] = []
        var minimaListed = false
        for layer in layers {
            switch layer {
            case .path(let p): entries.append(LegendEntry(text: p.legendText, swatch: .path(p.color, haze: p.drawnAsHaze)))
            case .series(let s):
                if let label = s.label {
                    entries.append(LegendEntry(text: label, swatch: .line(StrokeStyle(width: s.style.width, color: s.style.color.opacity(s.style.opacity), dash: s.style.dash), marker: s.style.marker)))
                }
            case .minima(let m) where !m.isEmpty && !minimaListed:
                minimaListed = true
                entries.append(LegendEntry(text: m.count > 1 ? "global minima" : "global minimum", swatch: .marker(.star, fill: .white, edge: .black)))
            case .horizontalLine(_, let style, let label?):
                entries.append(LegendEntry(text: label, swatch: .line(style, marker: nil)))
            default: break
            }
        }
        return entries
    }

    /// Pixel samples of everything a legend should not hide: path and series lines every
    /// `spacing` pixels (a hazed path's line excepted), and their markers and minima (weighted
    /// by repetition).
    public func obstacles(_ transform: PlotTransform, spacing: Double) -> [Point] {
        var points: [Point] = []
        func sample(_ line: [Point]) {
            for (a, b) in zip(line, line.dropFirst()) where a.isFinite && b.isFinite {
                // A diverged path spans astronomically many pixels (or overflows to infinity): cap before converting.
                let length = a.distance(to: b) / spacing
                let steps = length < 2000 ? Int(length) : 2000
                for i in 0...steps {
                    let point = a + (b - a) * (Double(i) / Double(max(steps, 1)))
                    if point.isFinite { points.append(point) }
                }
            }
            if line.count == 1, let only = line.first, only.isFinite { points.append(only) }
        }
        for layer in layers {
            switch layer {
            case .path(let p):
                let pixels = p.drawnPoints.map(transform.pixel)
                if !p.drawnAsHaze { sample(pixels) }
                for end in [pixels.first, pixels.last].compactMap({ $0 }) { points += Array(repeating: end, count: 20) }
            case .series(let s):
                sample(zip(s.xs, s.ys).map { transform.pixel(Point($0, $1)) })
            case .minima(let m):
                for p in m { points += Array(repeating: transform.pixel(p), count: 40) }
            default: break
            }
        }
        return points
    }
}
