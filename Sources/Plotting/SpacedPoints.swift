/// Points kept at least `spacing` apart: `accept` takes a point only if no point taken before
/// lies closer than `spacing`. Used to thin a path's step dots, so that a path that crawls or
/// oscillates in place leaves a few separate dots rather than a blot.
///
/// Taken points are filed in square cells `spacing` wide, so each test looks at the 3 × 3 cells
/// around the point only.
struct SpacedPoints {
    /// The least distance between two taken points, > 0.
    let spacing: Double
    private var cells: [Cell: [Point]] = [:]

    private struct Cell: Hashable {
        let column: Int
        let row: Int
    }

    init(spacing: Double) {
        self.spacing = spacing
    }

    /// Takes `point` and returns true if it is at least `spacing` from every point taken so far;
    /// otherwise leaves it out and returns false.
    mutating func accept(_ point: Point) -> Bool {
        let cell = Cell(column: Int((point.x / spacing).rounded(.down)), row: Int((point.y / spacing).rounded(.down)))
        for column in cell.column - 1...cell.column + 1 {
            for row in cell.row - 1...cell.row + 1 {
                if let taken = cells[Cell(column: column, row: row)], taken.contains(where: { $0.distance(to: point) < spacing }) {
                    return false
                }
            }
        }
        cells[cell, default: []].append(point)
        return true
    }
}
