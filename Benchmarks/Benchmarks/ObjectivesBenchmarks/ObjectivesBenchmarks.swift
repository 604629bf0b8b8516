import Foundation
import Benchmark
import Objectives

/// 1024 points spread over [-2, 2] × [-1, 3].
func samplePoints() -> [[Double]] {
    (0..<1024).map { (i: Int) -> [Double] in
        let x: Double = -2 + 4 * Double(i) / 1023
        let y: Double = -1 + 4 * Double((i * 37) % 1024) / 1023
        return [x, y]
    }
}

/// Evaluation cost of catalog functions through `any Objective`, as an optimizer step calls
/// them, and of a 1000×1000 contour grid.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuUser, .throughput], maxDuration: .seconds(2))

    for name in ["rosenbrock", "rastrigin"] {
        Benchmark("\(name) value ×1000", configuration: .init(scalingFactor: .kilo)) { benchmark in
            let objective = try FunctionCatalog(environment: [:]).resolve(name).objective
            let points = samplePoints()
            benchmark.startMeasurement()
            for i in benchmark.scaledIterations {
                blackHole(objective.value(at: points[i & 1023]))
            }
        }
        Benchmark("\(name) valueAndGradient ×1000", configuration: .init(scalingFactor: .kilo)) { benchmark in
            let objective = try FunctionCatalog(environment: [:]).resolve(name).objective
            let points = samplePoints()
            var gradient = [0.0, 0.0]
            benchmark.startMeasurement()
            for i in benchmark.scaledIterations {
                blackHole(objective.valueAndGradient(at: points[i & 1023], into: &gradient))
            }
            blackHole(gradient)
        }
        Benchmark("\(name) gradient ×1000", configuration: .init(scalingFactor: .kilo)) { benchmark in
            let objective = try FunctionCatalog(environment: [:]).resolve(name).objective
            let points = samplePoints()
            var gradient = [0.0, 0.0]
            benchmark.startMeasurement()
            for i in benchmark.scaledIterations {
                objective.gradient(at: points[i & 1023], into: &gradient)
                blackHole(gradient)
            }
        }
        // The same function typed with other spacing: no ahead-of-time kernel, the run-time closures.
        Benchmark("\(name) valueAndGradient ×1000, run-time compiled", configuration: .init(scalingFactor: .kilo)) { benchmark in
            let text = try FunctionCatalog(environment: [:]).resolve(name).expression
            let objective = try ExpressionObjective(text.replacingOccurrences(of: "+", with: " + "))
            let points = samplePoints()
            var gradient = [0.0, 0.0]
            benchmark.startMeasurement()
            for i in benchmark.scaledIterations {
                blackHole(objective.valueAndGradient(at: points[i & 1023], into: &gradient))
            }
            blackHole(gradient)
        }
        Benchmark("\(name) grid 1000×1000") { benchmark in
            let objective = try FunctionCatalog(environment: [:]).resolve(name).objective
            let xs = (0..<1000).map { -2 + 4 * Double($0) / 999 }
            let ys = (0..<1000).map { -1 + 4 * Double($0) / 999 }
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(objective.values(onGridX: xs, y: ys))
            }
        }
    }
    Benchmark("rosenbrock-n n=1000 valueAndGradient") { benchmark in
        let definition = try FunctionCatalog(environment: [:]).resolve("rosenbrock-n", dimension: 1000)
        var gradient = [Double](repeating: 0, count: 1000)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(definition.objective.valueAndGradient(at: definition.start, into: &gradient))
        }
    }
}
