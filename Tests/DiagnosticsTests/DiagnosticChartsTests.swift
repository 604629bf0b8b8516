import Plotting
import Testing
import Trajectories
@testable import Diagnostics

@Suite struct DiagnosticChartsTests {
    /// A run whose g(t−1) as read is g(t) from step 2 on, as aliasing gives.
    func aliased(steps: Int, dimension: Int) -> Trajectory {
        var run = finiteRun(steps: steps, dimension: dimension)
        var previous = run.gradients.rows
        previous[0] = Array(repeating: 0, count: dimension)
        run.previousGradients = VectorSeries(previous)
        return run
    }

    @Test(arguments: [1, 2, 24, 25, 300])
    func exactZerosSitOnTheBandAtEveryStepAfterTheFirst(dimension: Int) throws {
        let chart = try #require(DiagnosticCharts.gradientChange(aliased(steps: 30, dimension: dimension), title: "t"))
        let range = try #require(chart.yRange)
        let band = ZeroBand(fitting: chart.series.flatMap(\.ys).filter { $0 >= range.lowerBound * 10 })
        let markers = chart.series.filter { $0.style.marker != nil }
        #expect(!markers.isEmpty)
        for series in markers {
            #expect(series.ys.dropFirst().allSatisfy { $0 == band.level }, "every step after the first is exactly zero")
        }
        let lines = chart.series.dropFirst().filter { $0.style.marker == nil }
        for series in lines { #expect(series.ys.dropFirst().allSatisfy { $0.isNaN }, "zeros have no place on the log axis") }
        #expect(chart.series[0].label?.contains("= 0") == true, "the legend names the band")
    }

    @Test(arguments: [25, 1000])
    func largeRunsDrawASampleAndSaySo(dimension: Int) throws {
        let run = aliased(steps: 20, dimension: dimension)
        let friction = try #require(DiagnosticCharts.friction(run, title: "ξ"))
        #expect(friction.series.count == ElementSample.sampleSize)
        #expect(friction.series.allSatisfy { $0.label == nil }, "no legend row per element")
        #expect(friction.title?.contains("12 of \(dimension) elements") == true)
        let change = try #require(DiagnosticCharts.gradientChange(run, title: "|Δg|"))
        #expect(change.series.compactMap(\.label).count == 3, "the band, the median and the largest")
        let fraction = try #require(DiagnosticCharts.zeroChangeFraction(run, title: "zeros"))
        #expect(fraction.series[0].ys == [0] + Array(repeating: 1, count: 19))
        for window in DiagnosticCharts.overlapWindows(run, label: "run") {
            #expect(window.title?.contains("12 of \(dimension) elements") == true)
            #expect(window.series[0].xs.count <= DiagnosticCharts.windowSteps * ElementSample.sampleSize)
        }
    }

    @Test func fewElementsGetALegendRowEach() throws {
        let friction = try #require(DiagnosticCharts.friction(aliased(steps: 5, dimension: 3), title: "ξ"))
        #expect(friction.series.map(\.label) == ["ξ element 0", "ξ element 1", "ξ element 2"])
        #expect(friction.title == "ξ")
    }

    @Test func summariesCountExactZerosAndTakeMedianAndLargest() throws {
        var run = finiteRun(steps: 2, dimension: 4)
        run.gradients = [[1, 2, 3, 4], [1, 1, 1, 1]]
        run.previousGradients = [[1, 0, -3, 4], [0, 5, 1, 1]]
        let change = try #require(GradientChange(run))
        #expect(change.zeroFractions == [0.5, 0.5])
        #expect(change.medianMagnitudes == [1, 0.5])
        #expect(change.maxMagnitudes == [6, 4])
    }
}
