// Steps per second through the public API (the runner, recording the whole trajectory, and its
// summary path, which computes the gradient alone and keeps the final point) beside hand-written
// Swift loops of the same optimizer and function that record the same (or keep only the end).
// Each iteration is one run of `stepsPerRun` steps: steps/s = stepsPerRun / wall-clock time.
import Benchmark
import Foundation
import Objectives
import Optimizers
import Trajectories

let stepsPerRun = 100_000

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, warmupIterations: 2,
        maxDuration: .seconds(2), maxIterations: 50)

    // The catalog's compiled expressions (what every command runs), and hand-written objectives
    // of the same functions (the floor the runner and optimizers themselves allow).
    let catalog = FunctionCatalog(environment: [:])
    let functions: [(String, String, any Objective, [Double])] = [
        ("rosenbrock", "catalog", try! catalog.resolve("rosenbrock").objective, [-2, 2]),
        ("rastrigin", "catalog", try! catalog.resolve("rastrigin").objective, [-2, 3.5]),
        ("rosenbrock", "hand-written", Rosenbrock(), [-2, 2]),
        ("rastrigin", "hand-written", Rastrigin(), [-2, 3.5]),
    ]
    for (name, source, objective, start) in functions {
        for spec in ["adam(lr=0.001)", "diffgrad(lr=0.001)"] {
            let optimizer = try! OptimizerSpec(parsing: spec)
            let configuration = RunConfiguration(start: start, steps: stepsPerRun)
            Benchmark("api trajectory \(optimizer.name) \(name), \(source) f") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(
                        try TrajectoryRunner.trajectory(
                            of: objective, function: name, optimizer: optimizer, configuration: configuration))
                }
            }
            Benchmark("api summary \(optimizer.name) \(name), \(source) f") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try TrajectoryRunner.summary(of: objective, optimizer: optimizer, configuration: configuration))
                }
            }
        }
    }
    for name in ["rosenbrock", "rastrigin"] {
        let start = name == "rosenbrock" ? [-2.0, 2] : [-2, 3.5]
        let f = name == "rosenbrock" ? rosenbrock : rastrigin
        let gradient = name == "rosenbrock" ? rosenbrockGradient : rastriginGradient
        // "trajectory" records what the API's trajectory records; "summary" keeps the final point.
        for (kind, records) in [("trajectory", true), ("summary", false)] {
            Benchmark("hand-written \(kind) adam \(name)") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(handWrittenAdam(f, gradient: gradient, start: start, steps: stepsPerRun, records: records))
                }
            }
            Benchmark("hand-written \(kind) diffgrad \(name)") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(handWrittenDiffGrad(f, gradient: gradient, start: start, steps: stepsPerRun, records: records))
                }
            }
        }
    }
}

// MARK: Objectives, hand-written

struct Rosenbrock: Objective {
    var dimension: Int { 2 }
    func value(at point: [Double]) -> Double { rosenbrock(point[0], point[1], nil) }
    func gradient(at point: [Double], into gradient: inout [Double]) {
        let g = rosenbrockGradient(point[0], point[1])
        gradient[0] = g.0
        gradient[1] = g.1
    }
    func valueAndGradient(at point: [Double], into gradient: inout [Double]) -> Double {
        var g = (0.0, 0.0)
        let value = rosenbrock(point[0], point[1], &g)
        gradient[0] = g.0
        gradient[1] = g.1
        return value
    }
}

struct Rastrigin: Objective {
    var dimension: Int { 2 }
    func value(at point: [Double]) -> Double { rastrigin(point[0], point[1], nil) }
    func gradient(at point: [Double], into gradient: inout [Double]) {
        let g = rastriginGradient(point[0], point[1])
        gradient[0] = g.0
        gradient[1] = g.1
    }
    func valueAndGradient(at point: [Double], into gradient: inout [Double]) -> Double {
        var g = (0.0, 0.0)
        let value = rastrigin(point[0], point[1], &g)
        gradient[0] = g.0
        gradient[1] = g.1
        return value
    }
}

@inline(__always)
func rosenbrockGradient(_ x: Double, _ y: Double) -> (Double, Double) {
    let r = y - x * x
    return (-(2 * (1 - x)) + (-(100 * (2 * r))) * (2 * x), 100 * (2 * r))
}

@inline(__always)
func rosenbrock(_ x: Double, _ y: Double, _ gradient: UnsafeMutablePointer<(Double, Double)>?) -> Double {
    gradient?.pointee = rosenbrockGradient(x, y)
    let r = y - x * x
    return (1 - x) * (1 - x) + 100 * r * r
}

@inline(__always)
func rastriginGradient(_ x: Double, _ y: Double) -> (Double, Double) {
    (2 * x + 10 * sin(2 * .pi * x) * (2 * .pi), 2 * y + 10 * sin(2 * .pi * y) * (2 * .pi))
}

@inline(__always)
func rastrigin(_ x: Double, _ y: Double, _ gradient: UnsafeMutablePointer<(Double, Double)>?) -> Double {
    gradient?.pointee = rastriginGradient(x, y)
    return 20 + (x * x - 10 * cos(2 * .pi * x)) + (y * y - 10 * cos(2 * .pi * y))
}

// MARK: Hand-written loops: the same arithmetic, recording what the API records (or nothing)

struct Record {
    /// Whether anything but the final loss is kept.
    let records: Bool
    var points: [Double] = []
    var losses: [Double] = []
    var gradients: [Double] = []
    var previous: [Double] = []
    var friction: [Double] = []

    /// Room for `steps` steps (and for DiffGrad's g(t-1) and ξ if `friction`), from (x, y).
    init(x: Double, y: Double, steps: Int, records: Bool, friction: Bool) {
        self.records = records
        guard records else { return }
        points.reserveCapacity(2 * steps + 2)
        losses.reserveCapacity(steps + 1)
        gradients.reserveCapacity(2 * steps)
        if friction {
            previous.reserveCapacity(2 * steps)
            self.friction.reserveCapacity(2 * steps)
        }
        appendPoint(x, y)
    }

    /// The gradient at (x, y): with f and recorded when recording, alone otherwise.
    mutating func gradient(
        _ f: (Double, Double, UnsafeMutablePointer<(Double, Double)>?) -> Double, _ gradient: (Double, Double) -> (Double, Double),
        x: Double, y: Double
    ) -> (Double, Double) {
        guard records else { return gradient(x, y) }
        var g = (0.0, 0.0)
        losses.append(f(x, y, &g))
        gradients.append(g.0)
        gradients.append(g.1)
        return g
    }

    mutating func appendPoint(_ x: Double, _ y: Double) {
        guard records else { return }
        points.append(x)
        points.append(y)
    }
}

/// Bias-correction powers for t = 1...stepsPerRun, computed once per process as the API's
/// `StepPowers` memoises them: β₁ᵗ, `(1 - β₂ᵗ)^0.5` (Adam), β₂ᵗ (diffGrad).
let beta1Powers = (1...stepsPerRun).map { pow(0.9, Double($0)) }
let adamRoots = (1...stepsPerRun).map { pow(1 - pow(0.999, Double($0)), 0.5) }
let beta2Powers = (1...stepsPerRun).map { pow(0.999, Double($0)) }

func handWrittenAdam(
    _ f: (Double, Double, UnsafeMutablePointer<(Double, Double)>?) -> Double, gradient: (Double, Double) -> (Double, Double),
    start: [Double], steps: Int, records: Bool
) -> Record {
    let lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8
    var x = start[0], y = start[1]
    var m = (0.0, 0.0), v = (0.0, 0.0)
    var record = Record(x: x, y: y, steps: steps, records: records, friction: false)
    for t in 1...steps {
        let g = record.gradient(f, gradient, x: x, y: y)
        let stepSize = lr / (1 - beta1Powers[t - 1])
        let root2 = adamRoots[t - 1]
        m.0 = m.0.addingProduct(1 - beta1, g.0 - m.0)
        m.1 = m.1.addingProduct(1 - beta1, g.1 - m.1)
        v.0 = (v.0 * beta2).addingProduct((1 - beta2) * g.0, g.0)
        v.1 = (v.1 * beta2).addingProduct((1 - beta2) * g.1, g.1)
        x += -stepSize * m.0 / (v.0.squareRoot() / root2 + eps)
        y += -stepSize * m.1 / (v.1.squareRoot() / root2 + eps)
        guard x.isFinite, y.isFinite else { break }
        record.appendPoint(x, y)
    }
    record.losses.append(f(x, y, nil))
    return record
}

func handWrittenDiffGrad(
    _ f: (Double, Double, UnsafeMutablePointer<(Double, Double)>?) -> Double, gradient: (Double, Double) -> (Double, Double),
    start: [Double], steps: Int, records: Bool
) -> Record {
    let lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8
    var x = start[0], y = start[1]
    var m = (0.0, 0.0), v = (0.0, 0.0), previous = (0.0, 0.0)
    var record = Record(x: x, y: y, steps: steps, records: records, friction: true)
    for t in 1...steps {
        let g = record.gradient(f, gradient, x: x, y: y)
        let stepSize = lr * (1 - beta2Powers[t - 1]).squareRoot() / (1 - beta1Powers[t - 1])
        m.0 = (m.0 * beta1).addingProduct(1 - beta1, g.0)
        m.1 = (m.1 * beta1).addingProduct(1 - beta1, g.1)
        v.0 = (v.0 * beta2).addingProduct((1 - beta2) * g.0, g.0)
        v.1 = (v.1 * beta2).addingProduct((1 - beta2) * g.1, g.1)
        let xi0 = 1 / (1 + exp(-abs(previous.0 - g.0))), xi1 = 1 / (1 + exp(-abs(previous.1 - g.1)))
        if records {
            record.previous.append(previous.0)
            record.previous.append(previous.1)
            record.friction.append(xi0)
            record.friction.append(xi1)
        }
        previous = g
        x += -stepSize * (m.0 * xi0) / (v.0.squareRoot() + eps)
        y += -stepSize * (m.1 * xi1) / (v.1.squareRoot() + eps)
        guard x.isFinite, y.isFinite else { break }
        record.appendPoint(x, y)
    }
    record.losses.append(f(x, y, nil))
    return record
}
