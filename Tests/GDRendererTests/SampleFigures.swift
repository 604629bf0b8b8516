import Foundation
import Plotting

/// Figures built from data computed here (no function catalog or optimizers needed):
/// Rosenbrock's field, and paths from a few lines of Adam and momentum SGD.
enum SampleFigures {
    static func rosenbrock(_ x: Double, _ y: Double) -> Double { (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
    static func gradient(_ x: Double, _ y: Double) -> (Double, Double) {
        (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x))
    }

    static func grid(columns: Int = 240) throws -> ScalarGrid {
        try ScalarGrid.sampling(xRange: -2...2, yRange: -1...3, columns: columns, rows: columns, rosenbrock)
    }

    /// Adam (β = 0.9, 0.999, ε = 1e-8) from (-2, 2).
    static func adamPath(lr: Double, steps: Int) -> [Point] {
        var p = (-2.0, 2.0), m = (0.0, 0.0), v = (0.0, 0.0)
        var points = [Point(p.0, p.1)]
        for t in 1...steps {
            let g = gradient(p.0, p.1)
            m = (0.9 * m.0 + 0.1 * g.0, 0.9 * m.1 + 0.1 * g.1)
            v = (0.999 * v.0 + 0.001 * g.0 * g.0, 0.999 * v.1 + 0.001 * g.1 * g.1)
            let c1 = 1 - pow(0.9, Double(t)), c2 = 1 - pow(0.999, Double(t))
            p.0 -= lr * (m.0 / c1) / ((v.0 / c2).squareRoot() + 1e-8)
            p.1 -= lr * (m.1 / c1) / ((v.1 / c2).squareRoot() + 1e-8)
            points.append(Point(p.0, p.1))
        }
        return points
    }

    /// SGD with momentum from `start`; large rates leave the domain or diverge to non-finite.
    static func momentumPath(lr: Double, momentum: Double, steps: Int, start: (Double, Double) = (-2, 2)) -> [Point] {
        var p = start, b = (0.0, 0.0)
        var points = [Point(p.0, p.1)]
        for _ in 0..<steps {
            let g = gradient(p.0, p.1)
            b = (momentum * b.0 + g.0, momentum * b.1 + g.1)
            p.0 -= lr * b.0
            p.1 -= lr * b.1
            points.append(Point(p.0, p.1))
        }
        return points
    }

    static func contourMap(paths: Int = 4, steps: Int = 500, fill: FieldFill = .bands) throws -> ContourMap {
        let specs: [(String, [Point])] = [
            ("adam(lr=0.05)", adamPath(lr: 0.05, steps: steps)),
            ("adam(lr=0.2)", adamPath(lr: 0.2, steps: steps)),
            ("sgd(lr=0.0005, momentum=0.9)", momentumPath(lr: 0.0005, momentum: 0.9, steps: steps)),
            ("sgd(lr=0.0012, momentum=0.9)", momentumPath(lr: 0.0012, momentum: 0.9, steps: steps)),
        ]
        let overlays = specs.prefix(paths).enumerated().map { index, spec in
            let (label, points) = spec
            let firstBad = points.firstIndex { !$0.isFinite || abs($0.x) > 1e6 || abs($0.y) > 1e6 }
            let kept = firstBad.map { Array(points[..<$0]) } ?? points
            let last = kept[kept.count - 1]
            return PathOverlay(label: label, points: kept, color: PathPalette.color(index), finalLoss: firstBad == nil ? rosenbrock(last.x, last.y) : nil, divergedAtStep: firstBad)
        }
        return ContourMap(field: try grid(), levels: .log(count: 14), fill: fill, paths: overlays, minima: [Point(1, 1)], title: "Rosenbrock")
    }

    /// The DiffGrad overlap diagnostic on fake data: with aliasing the previous gradient equals
    /// the current one; with a clone it is the current one shifted by P = 2 elements.
    static func overlapCharts() throws -> Figure {
        let steps = 40, p = 2
        var current: [Double] = []
        for t in 0..<steps { for e in 0..<p { current.append((e == 0 ? 40 : -12) * exp(-Double(t) / 9) * cos(Double(t) * 0.7 + Double(e))) } }
        let shifted = [Double](repeating: .nan, count: p) + current.dropLast(p)
        func chart(_ title: String, previous: [Double], window: ClosedRange<Double>) throws -> LineChart {
            LineChart(
                title: title, xLabel: "step × P + element", yLabel: "gradient", yScale: .symlog(fitting: current), xRange: window,
                series: [Series(label: "g(t)", ys: current, style: .underlay(PathPalette.color(1))), Series(label: "g(t−1) as read", ys: previous, style: .dashed(PathPalette.color(0)))])
        }
        let charts = [
            try chart("clone=false (aliased): first steps", previous: current, window: 0...24),
            try chart("clone=false (aliased): later", previous: current, window: 50...74),
            try chart("clone=true: first steps", previous: shifted, window: 0...24),
            try chart("clone=true: later", previous: shifted, window: 50...74),
        ]
        return try LineChart.grid(charts, columns: 2, title: "DiffGrad gradient overlap", width: 1200, height: 900)
    }

    static func lossChart() throws -> Figure {
        let adam = adamPath(lr: 0.05, steps: 500).map { rosenbrock($0.x, $0.y) }
        let sgd = momentumPath(lr: 0.0005, momentum: 0.9, steps: 500).map { rosenbrock($0.x, $0.y) }
        let chart = LineChart(
            title: "Loss on Rosenbrock", xLabel: "step", yLabel: "loss", yScale: .log,
            series: [Series(label: "adam(lr=0.05)", ys: adam, style: .solid(PathPalette.color(0))), Series(label: "sgd(lr=0.0005, momentum=0.9)", ys: sgd, style: .solid(PathPalette.color(1)))])
        return try chart.figure(width: 900, height: 600)
    }
}
