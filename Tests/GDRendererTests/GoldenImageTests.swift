import Foundation
import Testing
import Plotting
@testable import GDRenderer

/// Each figure kind against its golden image (decoded pixels with a tolerance).
@Suite struct GoldenImageTests {
    @Test func contourMapWithPaths() throws {
        try GoldenImage.check(try SampleFigures.contourMap().figure(width: 900, height: 760), name: "contour-map")
    }

    @Test func smoothFieldMap() throws {
        try GoldenImage.check(try SampleFigures.contourMap(paths: 2, fill: .smooth).figure(width: 700, height: 600), name: "contour-map-smooth")
    }

    @Test func smallMultiples() throws {
        let map = try SampleFigures.contourMap()
        let groups = map.paths.map { (title: $0.label, paths: [$0]) }
        var shared = map
        shared.title = "Rosenbrock, one optimizer per panel"
        try GoldenImage.check(try shared.smallMultiples(groups, width: 1100, height: 1000), name: "small-multiples")
    }

    @Test func animationFrame() throws {
        let frames = try SampleFigures.contourMap(paths: 2).frames(width: 600, height: 520, steps: [40])
        try GoldenImage.check(frames[0], name: "animation-frame")
    }

    @Test func overlapChartGrid() throws {
        try GoldenImage.check(try SampleFigures.overlapCharts(), name: "overlap-grid")
    }

    @Test func lossChart() throws {
        try GoldenImage.check(try SampleFigures.lossChart(), name: "loss-chart")
    }
}
