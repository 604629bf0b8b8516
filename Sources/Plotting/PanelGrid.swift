/// The grid of a figure's panels: `rows` x `columns` equal cells in the content area, rows
/// filling top to bottom, with gaps of 1.6 ems between columns and 1.1 ems between rows.
struct PanelGrid {
    let content: Rect
    let rows: Int
    let columns: Int
    let gapX: Double
    let gapY: Double
    let cellWidth: Double
    let cellHeight: Double
    /// Each panel's cell, in panel order.
    let cells: [Rect]

    init(content: Rect, count: Int, columns: Int, style: FigureStyle) {
        self.content = content
        self.columns = columns
        rows = (count + columns - 1) / columns
        gapX = style.fontSize * 1.6
        gapY = style.fontSize * 1.1
        cellWidth = (content.width - gapX * Double(columns - 1)) / Double(columns)
        let cellHeight = (content.height - gapY * Double(rows - 1)) / Double(rows)
        self.cellHeight = cellHeight
        cells = (0..<count).map { [content, gapX, gapY, cellWidth] index in
            Rect(x: content.x + Double(index % columns) * (cellWidth + gapX), y: content.y + Double(index / columns) * (cellHeight + gapY), width: cellWidth, height: cellHeight)
        }
    }

    /// The cells when each row keeps `reserves[row]` free under its plots: the rows share what
    /// is left equally, so the plots all keep one height.
    func cells(reserving reserves: [Double]) -> [Rect] {
        let rowHeight = (content.height - gapY * Double(rows - 1) - reserves.reduce(0, +)) / Double(rows)
        let rowTops = reserves.indices.map { row in content.y + reserves[..<row].reduce(0, +) + Double(row) * (rowHeight + gapY) }
        return cells.indices.map { index in
            let row = index / columns
            return Rect(x: cells[index].x, y: rowTops[row], width: cellWidth, height: rowHeight + reserves[row])
        }
    }
}
