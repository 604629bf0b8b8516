/// Iso-lines of a `ScalarGrid` by marching squares.
///
/// Each cell whose four corners are finite is classified by which corners lie above the level
/// (`v > level`). Crossings sit on the cell edges, placed by linear interpolation
/// `t = (level - a) / (b - a)`. The two ambiguous saddle cases (diagonal corners above) are
/// decided by the cell centre, the mean of the four corners: if the centre is above, the above
/// corners are joined through the middle. Cells with any non-finite corner are masked and
/// produce nothing, so lines end at the mask. Segments are joined through their shared edges
/// into polylines; closed curves repeat their first point at the end.
public enum MarchingSquares {
    /// The iso-lines at `level`, in data coordinates.
    public static func isolines(_ grid: ScalarGrid, level: Double) -> [[Point]] {
        isolines(grid, levels: [level])[0]
    }

    /// The iso-lines at each of `levels` (one list of lines per level). One pass over the cells
    /// finds, from each cell's smallest and largest corner, the levels that cross it; each level
    /// then visits only its own cells. The levels share one edge table.
    public static func isolines(_ grid: ScalarGrid, levels: [Double]) -> [[[Point]]] {
        let edges = EdgeTable(count: 2 * grid.columns * grid.rows)
        let crossed = crossedCells(grid, levels: levels)
        return zip(levels, crossed).map { level, cells in
            join(segments(grid, level: level, cells: cells), edges: edges).map { chain in chain.map { point(onEdge: $0, grid: grid, level: level) } }
        }
    }

    /// For each level, the cells it crosses in row-major order, each as the index of its lower-left
    /// sample: cells whose four corners are finite with `min <= level < max` (some corner at or
    /// below the level and some above it).
    static func crossedCells(_ grid: ScalarGrid, levels: [Double]) -> [[Int32]] {
        let columns = grid.columns, rows = grid.rows
        let order = levels.indices.filter { levels[$0].isFinite }.sorted { levels[$0] < levels[$1] }
        let sorted = order.map { levels[$0] }
        var cells = [[Int32]](repeating: [], count: levels.count)
        guard !sorted.isEmpty else { return cells }
        grid.values.withUnsafeBufferPointer { values in
            for r in 0..<(rows - 1) {
                let row = values.baseAddress! + r * columns
                for c in 0..<(columns - 1) {
                    let v00 = row[c], v10 = row[c + 1], v01 = row[c + columns], v11 = row[c + columns + 1]
                    guard v00.isFinite, v10.isFinite, v01.isFinite, v11.isFinite else { continue }
                    let lo = min(min(v00, v10), min(v01, v11)), hi = max(max(v00, v10), max(v01, v11))
                    guard lo < hi else { continue }
                    // The first level at or above the smallest corner.
                    var first = 0, last = sorted.count
                    while first < last {
                        let mid = (first + last) >> 1
                        if sorted[mid] < lo { first = mid + 1 } else { last = mid }
                    }
                    while first < sorted.count, sorted[first] < hi {
                        cells[order[first]].append(Int32(r * columns + c))
                        first += 1
                    }
                }
            }
        }
        return cells
    }

    /// The segments of `cells` (lower-left sample indices) at `level`, each a pair of edge ids.
    static func segments(_ grid: ScalarGrid, level: Double, cells: [Int32]) -> [(Int, Int)] {
        let columns = grid.columns
        // An edge id: horizontal edge from (c, r) to (c + 1, r) is 2 (r * columns + c);
        // vertical edge from (c, r) to (c, r + 1) is 2 (r * columns + c) + 1.
        var segments: [(Int, Int)] = []
        segments.reserveCapacity(cells.count)
        grid.values.withUnsafeBufferPointer { values in
            for cell in cells {
                let i = Int(cell)
                let v00 = values[i], v10 = values[i + 1], v01 = values[i + columns], v11 = values[i + columns + 1]
                let index = (v00 > level ? 1 : 0) | (v10 > level ? 2 : 0) | (v11 > level ? 4 : 0) | (v01 > level ? 8 : 0)
                let bottom = 2 * i, left = 2 * i + 1, top = 2 * (i + columns), right = 2 * (i + 1) + 1
                switch index {
                case 1, 14: segments.append((left, bottom))
                case 2, 13: segments.append((bottom, right))
                case 3, 12: segments.append((left, right))
                case 4, 11: segments.append((right, top))
                case 6, 9: segments.append((bottom, top))
                case 7, 8: segments.append((left, top))
                case 5:  // v00 and v11 above
                    if (v00 + v10 + v01 + v11) / 4 > level {
                        segments.append((bottom, right))
                        segments.append((left, top))
                    } else {
                        segments.append((left, bottom))
                        segments.append((right, top))
                    }
                default:  // 10: v10 and v01 above
                    if (v00 + v10 + v01 + v11) / 4 > level {
                        segments.append((left, bottom))
                        segments.append((right, top))
                    } else {
                        segments.append((bottom, right))
                        segments.append((left, top))
                    }
                }
            }
        }
        return segments
    }

    /// The crossing of `level` on edge `id`.
    static func point(onEdge id: Int, grid: ScalarGrid, level: Double) -> Point {
        let i = id >> 1
        let c = i % grid.columns, r = i / grid.columns
        let a = grid.values[i]
        let b = id & 1 == 0 ? grid.values[i + 1] : grid.values[i + grid.columns]
        let t = b == a ? 0.5 : (level - a) / (b - a)
        if id & 1 == 0 { return Point(grid.x(column: Double(c) + t), grid.y(row: Double(r))) }
        return Point(grid.x(column: Double(c)), grid.y(row: Double(r) + t))
    }

    /// For each edge id, the (at most two) segments that end on it, -1 for none: one table per
    /// grid, reset after each level by clearing only the entries that level used.
    final class EdgeTable {
        let firstSegment: UnsafeMutablePointer<Int32>
        let secondSegment: UnsafeMutablePointer<Int32>

        init(count: Int) {
            firstSegment = .allocate(capacity: count)
            firstSegment.initialize(repeating: -1, count: count)
            secondSegment = .allocate(capacity: count)
            secondSegment.initialize(repeating: -1, count: count)
        }

        deinit {
            firstSegment.deallocate()
            secondSegment.deallocate()
        }
    }

    /// Chains segments that share edge ids into maximal polylines of edge ids.
    static func join(_ segments: [(Int, Int)], edges: EdgeTable) -> [[Int]] {
        // Each edge is shared by at most two segments (one per adjacent cell).
        let firstSegment = edges.firstSegment, secondSegment = edges.secondSegment
        defer {
            for (a, b) in segments {
                firstSegment[a] = -1
                secondSegment[a] = -1
                firstSegment[b] = -1
                secondSegment[b] = -1
            }
        }
        for (s, (a, b)) in segments.enumerated() {
            if firstSegment[a] < 0 { firstSegment[a] = Int32(s) } else { secondSegment[a] = Int32(s) }
            if firstSegment[b] < 0 { firstSegment[b] = Int32(s) } else { secondSegment[b] = Int32(s) }
        }
        let byEdge = { (edge: Int) -> (Int, Int)? in
            firstSegment[edge] < 0 ? nil : (Int(firstSegment[edge]), Int(secondSegment[edge]))
        }
        var used = [Bool](repeating: false, count: segments.count)
        func next(from edge: Int, after segment: Int) -> Int? {
            guard let (s0, s1) = byEdge(edge) else { return nil }
            let candidate = s0 == segment ? s1 : s0
            return candidate >= 0 && !used[candidate] ? candidate : nil
        }
        var chains: [[Int]] = []
        for start in segments.indices where !used[start] {
            used[start] = true
            var forward = [segments[start].0, segments[start].1]
            var current = start
            while let s = next(from: forward[forward.count - 1], after: current) {
                used[s] = true
                let (a, b) = segments[s]
                forward.append(a == forward[forward.count - 1] ? b : a)
                current = s
            }
            var backward: [Int] = []
            current = start
            var head = forward[0]
            while let s = next(from: head, after: current) {
                used[s] = true
                let (a, b) = segments[s]
                head = a == head ? b : a
                backward.append(head)
                current = s
            }
            chains.append(backward.reversed() + forward)
        }
        return chains
    }
}
