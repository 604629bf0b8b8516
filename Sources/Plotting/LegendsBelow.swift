/// Legends set below their panels. A legend that would hide part of a line moves below the plot
/// (matplotlib's "best" would leave it on top), and so does one that does not fit inside at all;
/// `.inside` keeps a legend that fits inside regardless. When one panel's legend moves, every
/// automatic one does, so that the panels stay the same size.
///
/// Below its panel a legend is rewrapped to the cell's width and set in as many columns as that
/// holds. Panels in one row whose legends list the same entries share one legend, across the
/// row's width, centred under the row, rather than repeating it under each panel.
enum LegendsBelow {
    /// The panels laid out again with room below for the legends that move there; `relayout`
    /// lays panel `index` out in a cell with `reserve` kept free at its bottom.
    static func arrange(
        _ layouts: [PanelLayout], of panels: [any Panel], grid: PanelGrid, marginBottom: Double, style: FigureStyle, measurer: TextMeasuring,
        relayout: (_ index: Int, _ cell: Rect, _ reserve: Double) -> PanelLayout
    ) -> [PanelLayout] {
        let f = style.fontSize
        let firstLegends = layouts.map(\.legend)
        let movesBelow = panels.indices.map { index in
            panels[index].legendPlacement != .inside || firstLegends[index]?.covered == Int.max
        }
        let anyBelow = panels.indices.contains { index in
            guard let legend = firstLegends[index] else { return false }
            return panels[index].legendPlacement == .below || legend.covered == Int.max
                || (panels[index].legendPlacement == .automatic && legend.covered > 2)
        }
        guard anyBelow else { return layouts }
        func belowLegend(_ entries: [LegendEntry], width: Double) -> LegendLayout? { shortest(entries, width: width, style: style, measurer: measurer) }
        var shared: LegendLayout?
        if grid.rows == 1, panels.count > 1, movesBelow.allSatisfy({ $0 }), let first = firstLegends[0],
            firstLegends.allSatisfy({ $0?.entries == first.entries })
        {
            shared = belowLegend(first.entries, width: grid.content.width)
        }
        let belowLegends = panels.indices.map { index in
            shared == nil && movesBelow[index] ? firstLegends[index].flatMap { belowLegend($0.entries, width: grid.cellWidth) } : nil
        }
        // Each row makes room for the tallest legend below its own panels, and a row without
        // one makes none, so no band is left empty.
        let reserves = (0..<grid.rows).map { row -> Double in
            let tallest = row == 0 && shared != nil ? [shared!.box.height] : panels.indices.filter { $0 / grid.columns == row }.compactMap { belowLegends[$0]?.box.height }
            return tallest.max().map { $0 + f * 0.5 } ?? 0
        }
        let cells = grid.cells(reserving: reserves)
        var arranged = layouts
        for index in panels.indices {
            let cell = cells[index]
            var layout = relayout(index, cell, reserves[index / grid.columns])
            if movesBelow[index] { layout.legend = nil }
            if var legend = belowLegends[index] {
                legend.box.x = min(max(layout.plot.center.x - legend.box.width / 2, cell.minX), cell.maxX - legend.box.width)
                legend.box.y = layout.plot.maxY + marginBottom + f * 0.2
                layout.legend = legend
            }
            arranged[index] = layout
        }
        if var shared {
            let left = arranged[0].plot.minX, right = arranged[arranged.count - 1].plot.maxX
            shared.box.x = min(max((left + right) / 2 - shared.box.width / 2, grid.content.minX), grid.content.maxX - shared.box.width)
            shared.box.y = arranged[0].plot.maxY + marginBottom + f * 0.2
            arranged[0].legend = shared
        }
        return arranged
    }

    /// Of the legends wrapped for one to four columns (no word cut short), the shortest, where
    /// each line wrapped beyond the fewest counts as a row: columns that save height only by
    /// breaking every entry lose to fewer, whole ones.
    static func shortest(_ entries: [LegendEntry], width: Double, style: FigureStyle, measurer: TextMeasuring) -> LegendLayout? {
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
}
