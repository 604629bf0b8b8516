/// One legend row: a swatch and its text.
public struct LegendEntry: Hashable, Sendable {
    public enum Swatch: Hashable, Sendable {
        case line(StrokeStyle, marker: MarkerShape?)
        /// A path's line with a step dot, or its haze (see `PathWander`).
        case path(Color, haze: Bool)
        case marker(MarkerShape, fill: Color, edge: Color)
        /// An arrow of the given colour over its casing.
        case arrow(Color, casing: Color)
    }

    public var text: String
    public var swatch: Swatch
}

/// A placed legend: its box, rows and the score of the chosen position.
///
/// An entry too wide for the room given is wrapped at its spaces onto further lines; a word
/// wider than the room on its own is cut short with "…". So the box is never wider than the
/// room it was made for, and `FigureLayout` keeps it inside the image.
public struct LegendLayout: Sendable {
    public var box: Rect
    public var entries: [LegendEntry]
    /// Each entry's text as drawn, one string per line.
    public var lines: [[String]]
    /// The height of an entry's first line; each further line adds `lineSpacing`.
    public var rowHeight: Double
    public var lineSpacing: Double
    public var swatchWidth: Double
    public var textStyle: TextStyle
    /// How many obstacle samples (path and series pixels, markers, minima) the box covers.
    public var covered: Int
    /// The entries fill `columns` columns top to bottom, then left to right (1 by default).
    public var columns = 1
    /// Each entry's width: swatch, gap and its longest line. A column is as wide as its widest entry.
    public var entryWidths: [Double]
    /// The narrowest column that shows every word whole: swatch, gap and the widest word.
    public var minimumColumnWidth: Double

    /// The gap between columns.
    var columnGap: Double { Self.columnGap(textSize: textStyle.size) }
    /// The gap between columns of a legend whose text is `textSize` points.
    static func columnGap(textSize: Double) -> Double { textSize * 1.5 }
    /// The inner margin of the box.
    var padding: Double { Self.padding(textSize: textStyle.size) }
    /// The inner margin of a box whose text is `textSize` points.
    static func padding(textSize: Double) -> Double { textSize * 0.55 }
    /// The gap between the swatch and the text.
    static func textGap(textSize: Double) -> Double { textSize * 0.5 }
    /// The entries in each column but perhaps the last.
    var rowsPerColumn: Int { (entries.count + columns - 1) / columns }
    /// The entries of column `column`.
    func entries(inColumn column: Int) -> Range<Int> {
        min(column * rowsPerColumn, entries.count)..<min((column + 1) * rowsPerColumn, entries.count)
    }
    /// The width of each column.
    var columnWidths: [Double] { (0..<columns).map { entries(inColumn: $0).map { entryWidths[$0] }.max() ?? 0 } }
    /// The width of a box of `columns` columns.
    var boxWidth: Double { 2 * padding + columnWidths.reduce(0, +) + Double(columns - 1) * columnGap }
    /// The narrowest box that shows every word whole, in one column.
    public var minimumWidth: Double { 2 * padding + minimumColumnWidth }

    /// The lines of text in all.
    var lineCount: Int { lines.reduce(0) { $0 + $1.count } }

    /// The height of entry `index`.
    func height(ofEntry index: Int) -> Double { rowHeight + Double(lines[index].count - 1) * lineSpacing }

    /// The height of the tallest column.
    var contentHeight: Double {
        (0..<columns).map { entries(inColumn: $0).reduce(0) { $0 + height(ofEntry: $1) } }.max() ?? 0
    }

    /// The centre-left point of entry `index`'s swatch, level with its first line.
    func origin(ofEntry index: Int) -> Point {
        let column = index / rowsPerColumn
        let above = (column * rowsPerColumn..<index).reduce(0) { $0 + height(ofEntry: $1) }
        let left = columnWidths.prefix(column).reduce(0) { $0 + $1 + columnGap }
        return Point(box.minX + padding + left, box.minY + padding + above + rowHeight * 0.5)
    }

    /// The same legend in as many columns (at most one per entry) as fit in `width`, each as
    /// wide as its widest entry, the box resized and kept at its origin; the columns are balanced
    /// (9 entries in 4 columns of at most 3 become 3 columns of 3).
    func inColumns(fitting width: Double) -> LegendLayout {
        var legend = self
        for columns in stride(from: entries.count, through: 1, by: -1) {
            legend.columns = columns
            legend.columns = (entries.count + legend.rowsPerColumn - 1) / legend.rowsPerColumn
            if legend.boxWidth <= width { break }
        }
        legend.box.width = legend.boxWidth
        legend.box.height = 2 * padding + legend.contentHeight
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

    /// A legend of `entries` in one column, at most `maxWidth` wide (entries wrapped to fit),
    /// with its box at the origin.
    public static func make(entries: [LegendEntry], style: FigureStyle, measurer: TextMeasuring, maxWidth: Double) -> LegendLayout? {
        guard !entries.isEmpty else { return nil }
        let textStyle = TextStyle(size: style.legendSize)
        let f = style.legendSize
        let padding = padding(textSize: f)
        let swatchWidth = f * 2.2
        let textWidth = max(maxWidth - 2 * padding - swatchWidth - textGap(textSize: f), 0)
        let measure = { (text: String) in measurer.measure(text, style: textStyle).width }
        let lines = entries.map { LegendText.wrap($0.text, width: textWidth, measure: measure) }
        let widestWord = entries.flatMap { LegendText.words($0.text) }.map(measure).max() ?? 0
        let textHeight = max(measurer.measure("Ag", style: textStyle).height, f)
        var legend = LegendLayout(
            box: Rect(x: 0, y: 0, width: 0, height: 0), entries: entries, lines: lines, rowHeight: textHeight * 1.3,
            lineSpacing: textHeight * 1.05, swatchWidth: swatchWidth, textStyle: textStyle, covered: 0,
            entryWidths: lines.map { swatchWidth + textGap(textSize: f) + ($0.map(measure).max() ?? 0) },
            minimumColumnWidth: swatchWidth + textGap(textSize: f) + widestWord)
        legend.box.width = legend.boxWidth
        legend.box.height = 2 * padding + legend.contentHeight
        return legend
    }

    /// The legend inside the plot, where it hides the fewest obstacles; `covered` is
    /// `Int.max` when it does not fit inside at all.
    static func place(entries: [LegendEntry], in layout: PanelLayout, panel: Axes, style: FigureStyle, measurer: TextMeasuring) -> LegendLayout? {
        let inset = style.fontSize * 0.6
        guard var legend = make(entries: entries, style: style, measurer: measurer, maxWidth: layout.plot.width - 2 * inset) else { return nil }
        let size = (legend.box.width, legend.box.height)
        let (box, covered) = bestPosition(size: size, in: layout.plot, inset: inset, obstacles: panel.obstacles(layout.transform, spacing: style.unit * 3))
        let fits = legend.box.height <= layout.plot.height - 2 * inset && legend.minimumWidth <= layout.plot.width - 2 * inset
        legend.box = box
        legend.covered = fits ? covered : Int.max
        return legend
    }
}

/// Legend text broken into lines of a given width.
enum LegendText {
    /// The words of `text`, split at spaces.
    static func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }

    /// `text` in lines no wider than `width`: broken first where its parts meet (two spaces,
    /// as in "adam(lr=0.1)  loss 0.5"), then greedily at spaces; a word wider than `width` alone
    /// is cut short with "…".
    static func wrap(_ text: String, width: Double, measure: (String) -> Double) -> [String] {
        guard measure(text) > width else { return [text] }
        let parts = text.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return parts.flatMap { wrapWords($0, width: width, measure: measure) }
    }

    /// `text` broken greedily at spaces into lines no wider than `width`.
    static func wrapWords(_ text: String, width: Double, measure: (String) -> Double) -> [String] {
        guard measure(text) > width else { return [text] }
        // Pieces that end with the spaces after them: "adam(lr=0.1, ", "beta1=0.9)  ", "loss ", "0.5".
        var pieces: [String] = []
        var piece = ""
        for character in text {
            if character != " ", piece.last == " " {
                pieces.append(piece)
                piece = ""
            }
            piece.append(character)
        }
        pieces.append(piece)
        var lines: [String] = []
        var line = ""
        for piece in pieces {
            let candidate = line + piece
            if line.isEmpty || measure(trimmed(candidate)) <= width {
                line = candidate
            } else {
                lines.append(trimmed(line))
                line = piece
            }
        }
        lines.append(trimmed(line))
        return lines.map { abbreviated($0, width: width, measure: measure) }
    }

    static func trimmed(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }

    /// `text`, or as much of it as fits in `width` followed by "…".
    static func abbreviated(_ text: String, width: Double, measure: (String) -> Double) -> String {
        guard measure(text) > width else { return text }
        var kept = text
        while !kept.isEmpty, measure(kept + "…") > width { kept.removeLast() }
        return kept + "…"
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
            case .arrows(let field):
                entries.append(LegendEntry(text: field.legendText, swatch: .arrow(field.color, casing: field.casing)))
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
