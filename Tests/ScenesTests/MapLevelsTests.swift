import Objectives
import Plotting
import Testing
@testable import Scenes

/// A function whose definition asks for log levels but that goes negative on its domain would
/// have half its map painted as the lowest band: by default it takes symmetric-log levels.
@Suite struct MapLevelsTests {
    func map(expression: String, levels: ContourLevels? = nil) throws -> ContourMap {
        var definition = try FunctionCatalog().resolve(expression)
        definition.levelScale = .log
        definition.domain = Domain(x: -2...2, y: -2...2)
        return try MapScene(function: definition, paths: [], options: MapOptions(levels: levels)).contourMap()
    }

    @Test func logScaledFunctionsThatGoNegativeDefaultToSymlog() throws {
        let negative = try map(expression: "x^2 - y^2")
        #expect(negative.levels == .symlog(count: ContourLevels.defaultCount))
        guard case .symlog = try negative.colorScale().levels.scale else { Issue.record("not a symmetric-log colour scale"); return }
        #expect(try map(expression: "x^2 + y^2").levels == .log(count: ContourLevels.defaultCount), "non-negative: log as asked")
        #expect(throws: PlotError.self, "asked for explicitly, log is refused") { try map(expression: "x^2 - y^2", levels: .log(count: 14)).colorScale() }
    }
}
