import Testing
@testable import Plotting

@Suite struct ContourLevelsTests {
    @Test func linearLevelsCoverTheRangeWithNiceSteps() throws {
        let levels = try ContourLevels.linear(count: 10).resolve(range: 0.3...9.7, smallestPositive: 0.3)
        #expect(levels.values == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        #expect(levels.scale == .linear)
    }

    @Test func logLevelsForRosenbrockAreDecadesAndThirds() throws {
        let levels = try ContourLevels.log(count: 14).resolve(range: 0...2509, smallestPositive: 2e-4)
        // Six decades below the maximum at most: from 10^-3 (2509 × 1e-6 rounded down) to 10^4.
        #expect(levels.values.first == 1e-3 && levels.values.last == 1e4)
        #expect(levels.values.contains(3) && levels.values.contains(100))
        #expect(levels.scale == .log)
        #expect(zip(levels.values, levels.values.dropFirst()).allSatisfy { $0 < $1 })
    }

    /// `--levels log` on a field with negative values painted them all as the lowest band: it is
    /// refused and names the symmetric-log scale, which shows both signs.
    @Test func logLevelsRefuseNegativeValuesAndNameSymlog() throws {
        #expect(throws: PlotError("log-spaced levels cannot show this function's negative values (down to −78.3 on the plotted domain): use --levels symlog (symmetric log) or --levels linear")) {
            try ContourLevels.log(count: 14).resolve(range: -78.3...250, smallestPositive: 0.01)
        }
        // Rounding below a zero minimum is no reason to refuse: it belongs to the lowest band.
        #expect(throws: Never.self) { try ContourLevels.log(count: 14).resolve(range: -1e-15...2509, smallestPositive: 1e-6) }
    }

    /// The class: for fields of both signs, one sign, or near zero, symmetric-log levels rise
    /// strictly, include 0, cover the data, and the field's values keep their order in colour.
    @Test func symlogLevelsCoverBothSigns() throws {
        for range in [-78.3...250, -1e6...3, -5...(-0.5), 0.001...1e4, -1e-9...1e-9, -2...2] {
            let levels = try ContourLevels.symlog(count: 14).resolve(range: range, smallestPositive: nil)
            let values = levels.values
            guard case .symlog(let c) = levels.scale else { Issue.record("scale \(levels.scale)"); continue }
            #expect(c > 0)
            #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 }, "\(values)")
            #expect(values.contains(0))
            #expect(values.first! <= min(range.lowerBound, 0) && values.last! >= max(range.upperBound, 0), "\(range): \(values)")
            #expect(values.count >= 3 && values.count <= 40, "\(range): \(values.count) levels")
            let samples = (0...50).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / 50 }
            let fractions = samples.map(levels.fraction)
            #expect(zip(fractions, fractions.dropFirst()).allSatisfy { $0 <= $1 }, "\(range)")
        }
        #expect(try ContourLevels(parsing: "symlog") == .symlog(count: ContourLevels.defaultCount))
        #expect(try ContourLevels(parsing: "symlog:20") == .symlog(count: 20))
    }

    @Test func bandsOfValues() throws {
        let levels = try ColorLevels(values: [0, 1, 10, 100], scale: .linear)
        #expect(levels.band(of: -5) == 0 && levels.band(of: 0.5) == 0 && levels.band(of: 1) == 1 && levels.band(of: 50) == 2 && levels.band(of: 1e9) == 2)
    }

    @Test func badLevelsAreClearErrors() {
        #expect(throws: PlotError("contour levels [1.0, 1.0] are not strictly increasing: list them from low to high without repeats")) {
            try ContourLevels.explicit([1, 1]).resolve(range: 0...1, smallestPositive: nil)
        }
        #expect(throws: PlotError.self) { try ContourLevels.log(count: 5).resolve(range: -3 ... -1, smallestPositive: nil) }
        #expect(throws: PlotError.self) { try ColorLevels(values: [0, 1], scale: .log) }
    }

    @Test func fullyMaskedFieldIsAnError() throws {
        let grid = try ScalarGrid(xRange: 0...1, yRange: 0...1, columns: 2, rows: 2, values: [.nan, .nan, .infinity, .nan])
        #expect(throws: PlotError.self) { try ContourMap(field: grid).colorScale() }
    }

    @Test func bandedRasterShowsMaskAndBands() throws {
        let grid = try ScalarGrid(xRange: 0...2, yRange: 0...1, columns: 3, rows: 2, values: [0, 1, .nan, 0, 1, .nan])
        let scale = ColorScale(levels: try ColorLevels(values: [0, 0.5, 1], scale: .linear))
        let plot = Rect(x: 0, y: 0, width: 20, height: 10)
        let t = PlotTransform(x: AxisTransform(scale: .linear, lower: 0, upper: 2, start: 0, end: 20), y: AxisTransform(scale: .linear, lower: 0, upper: 1, start: 10, end: 0))
        let mask = Color(hex: 0xABCDEF)
        let raster = FieldRaster.render(grid, scale: scale, transform: t, in: plot, maskColor: mask)
        #expect(raster.width == 20 && raster.height == 10)
        #expect(raster.pixels[5 * 20 + 1] == scale.bandColor(0))
        #expect(raster.pixels[5 * 20 + 8] == scale.bandColor(1))
        #expect(raster.pixels[5 * 20 + 15] == mask, "the right cell touches NaN and is masked")
    }
}

@Suite struct ContourLevelsParsingTests {
    @Test func parsesCountsKindsAndLists() throws {
        #expect(try ContourLevels(parsing: "12") == .linear(count: 12))
        #expect(try ContourLevels(parsing: "log") == .log(count: ContourLevels.defaultCount))
        #expect(try ContourLevels(parsing: "linear") == .linear(count: ContourLevels.defaultCount))
        #expect(try ContourLevels(parsing: "linear:8") == .linear(count: 8))
        #expect(try ContourLevels(parsing: "LOG:14") == .log(count: 14))
        #expect(try ContourLevels(parsing: "0.1, 1, 10, 100") == .explicit([0.1, 1, 10, 100], scale: .log))
        #expect(try ContourLevels(parsing: "-1,0,1") == .explicit([-1, 0, 1], scale: .linear))
    }

    @Test func rejectsBadOptions() {
        #expect(throws: PlotError.self) { try ContourLevels(parsing: "log:0") }
        #expect(throws: PlotError.self) { try ContourLevels(parsing: "1,x,3") }
        #expect(throws: PlotError.self) { try ContourLevels(parsing: "3,2,1") }
        #expect(throws: PlotError.self) { try ContourLevels(parsing: "1,,2") }
        #expect(throws: PlotError.self) { try ContourLevels(parsing: "cubic:5") }
    }
}
