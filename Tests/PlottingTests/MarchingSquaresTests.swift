import Foundation
import Testing
@testable import Plotting

@Suite struct MarchingSquaresTests {
    let circleGrid = try! ScalarGrid.sampling(xRange: -2...2, yRange: -2...2, columns: 81, rows: 81) { x, y in x * x + y * y }

    @Test func circleLevelSetsLieAtTheirRadius() {
        for radius in [0.5, 1.0, 1.7] {
            let lines = MarchingSquares.isolines(circleGrid, level: radius * radius)
            #expect(lines.count == 1)
            let line = lines[0]
            #expect(line.count > 20)
            #expect(line.first == line.last, "a circle is a closed curve")
            for p in line { #expect(abs((p.x * p.x + p.y * p.y).squareRoot() - radius) < 0.01) }
        }
    }

    @Test func levelOutsideTheRangeGivesNothing() {
        #expect(MarchingSquares.isolines(circleGrid, level: 100).isEmpty)
        #expect(MarchingSquares.isolines(circleGrid, level: -1).isEmpty)
    }

    /// One cell with v00 = v11 = 1 and v10 = v01 = 0: the centre (0.5) decides the saddle.
    @Test func saddleCellIsDecidedByTheCentre() throws {
        let cell = try ScalarGrid(xRange: 0...1, yRange: 0...1, columns: 2, rows: 2, values: [1, 0, 0, 1])
        // Centre above 0.4: the high corners join, cutting off the low corners (1, 0) and (0, 1).
        let low = MarchingSquares.isolines(cell, level: 0.4).map(Set.init)
        #expect(Set(low) == [Set([Point(0.6, 0), Point(1, 0.4)]), Set([Point(0, 0.6), Point(0.4, 1)])])
        // Centre below 0.6: the high corners (0, 0) and (1, 1) are cut off.
        let high = MarchingSquares.isolines(cell, level: 0.6).map(Set.init)
        #expect(Set(high) == [Set([Point(0, 0.4), Point(0.4, 0)]), Set([Point(1, 0.6), Point(0.6, 1)])])
    }

    @Test func maskedCellsBreakTheLine() throws {
        var values = circleGrid.values
        // Mask the sample at (1, 0), which sits on the unit circle.
        values[40 * 81 + 60] = .nan
        let masked = try ScalarGrid(xRange: -2...2, yRange: -2...2, columns: 81, rows: 81, values: values)
        let lines = MarchingSquares.isolines(masked, level: 1)
        #expect(lines.count == 1)
        #expect(lines[0].first != lines[0].last, "the circle is opened at the mask")
        for p in lines[0] { #expect(!(abs(p.x - 1) < 0.05 - 1e-9 && abs(p.y) < 0.05 - 1e-9), "no point inside the masked cells") }
    }

    @Test func interpolationIsNaNInMaskedCells() throws {
        let grid = try ScalarGrid(xRange: 0...1, yRange: 0...1, columns: 2, rows: 2, values: [0, .infinity, 1, 2])
        #expect(grid.interpolated(x: 0.5, y: 0.5).isNaN)
        #expect(grid.finiteRange == 0...2)
    }

    @Test func gridRejectsWrongCounts() {
        #expect(throws: PlotError.self) { try ScalarGrid(xRange: 0...1, yRange: 0...1, columns: 2, rows: 2, values: [0, 1, 2]) }
        #expect(throws: PlotError.self) { try ScalarGrid(xRange: 1...1, yRange: 0...1, columns: 2, rows: 2, values: [0, 1, 2, 3]) }
    }

    @Test func manyLevelsAtOnceGiveEachLevelsOwnLines() throws {
        // Levels that cross the same edges in turn: the shared edge table must start clean each time.
        let wavy = try ScalarGrid.sampling(xRange: -3...3, yRange: -3...3, columns: 61, rows: 61) { x, y in sin(x) * cos(y) + 0.1 * x }
        let levels = [-0.5, -0.2, 0, 0.2, 0.5, 0.2, 0]
        let together = MarchingSquares.isolines(wavy, levels: levels)
        #expect(together.count == levels.count)
        for (lines, level) in zip(together, levels) {
            #expect(lines == MarchingSquares.isolines(wavy, level: level), "level \(level)")
            #expect(!lines.isEmpty)
        }
    }
}
