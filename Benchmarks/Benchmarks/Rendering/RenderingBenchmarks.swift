// The issue-3 rendering benchmark: a 1000x1000 map of Rosenbrock (250x250 grid, log levels,
// banded fill, iso-lines, colorbar) with 4 paths of 500 steps and a legend, rendered and
// PNG-encoded. The matplotlib peer is Tools/rendering/matplotlib_peer.py. Also the issue-6
// (jettify-style) render: an 800x800 map with one 500-step path.
import Benchmark
import Foundation
import GDRenderer
import Plotting

func rosenbrock(_ x: Double, _ y: Double) -> Double { (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }

/// Adam from (-2, 2) on Rosenbrock: deterministic 500-step paths like real optimizer output.
func adamPath(lr: Double, steps: Int) -> [Point] {
    var x = -2.0, y = 2.0
    var mx = 0.0, my = 0.0, vx = 0.0, vy = 0.0
    var points = [Point(x, y)]
    for t in 1...steps {
        let r: Double = y - x * x
        let gx: Double = -2 * (1 - x) - 400 * x * r
        let gy: Double = 200 * r
        mx = 0.9 * mx + 0.1 * gx
        my = 0.9 * my + 0.1 * gy
        vx = 0.999 * vx + 0.001 * gx * gx
        vy = 0.999 * vy + 0.001 * gy * gy
        let c1: Double = 1 - pow(0.9, Double(t))
        let c2: Double = 1 - pow(0.999, Double(t))
        x -= lr * (mx / c1) / ((vx / c2).squareRoot() + 1e-8)
        y -= lr * (my / c1) / ((vy / c2).squareRoot() + 1e-8)
        points.append(Point(x, y))
    }
    return points
}

let rates = [0.01, 0.03, 0.1, 0.3]
let paths = rates.enumerated().map { i, lr in
    let points = adamPath(lr: lr, steps: 500)
    let last = points[points.count - 1]
    return PathOverlay(label: "adam(lr=\(lr))", points: points, color: PathPalette.color(i), finalLoss: rosenbrock(last.x, last.y))
}

/// Grid sampling, model building, layout, drawing and PNG encoding: the whole job.
func renderMap(size: Int = 1000, paths: [PathOverlay] = paths, compression: Int) throws -> Data {
    let grid = try ScalarGrid.sampling(xRange: -2...2, yRange: -1...3, columns: 250, rows: 250, rosenbrock)
    let map = ContourMap(field: grid, levels: .log(count: 14), paths: paths, minima: [Point(1, 1)], title: "Rosenbrock")
    return try FigureRenderer.png(try map.figure(width: size, height: size), compression: compression)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxDuration: .seconds(10), maxIterations: 60)

    for level in [6, 3, 1] {
        Benchmark("rosenbrock map 1000x1000, 4 paths x 500 steps, PNG level \(level)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try renderMap(compression: level)) }
        }
    }

    for level in [6, 3] {
        Benchmark("rosenbrock map 800x800, 1 path x 500 steps, PNG level \(level)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try renderMap(size: 800, paths: [paths[1]], compression: level)) }
        }
    }

    Benchmark("rosenbrock map 1000x1000, draw only (no PNG encode)") { benchmark in
        let grid = try ScalarGrid.sampling(xRange: -2...2, yRange: -1...3, columns: 250, rows: 250, rosenbrock)
        let figure = try ContourMap(field: grid, levels: .log(count: 14), paths: paths, minima: [Point(1, 1)], title: "Rosenbrock").figure(width: 1000, height: 1000)
        for _ in benchmark.scaledIterations { blackHole(try FigureRenderer.render(figure)) }
    }
}
