// Steps per second through the public API (the runner, recording the whole trajectory, and its
// summary fast path) beside hand-written Swift loops of the same optimizer and function.
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
        Benchmark("hand-written loop adam \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(handWrittenAdam(name == "rosenbrock" ? rosenbrock : rastrigin, start: start, steps: stepsPerRun))
            }
        }
        Benchmark("hand-written loop diffgrad \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(handWrittenDiffGrad(name == "rosenbrock" ? rosenbrock : rastrigin, start: start, steps: stepsPerRun))
            }
        }
    }
}

// MARK: Objectives, hand-written

struct Rosenbrock: Objective {
    var dimension: Int { 2 }
    func value(at point: [Double]) -> Double { rosenbrock(point[0], point[1], nil) }
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
    func valueAndGradient(at point: [Double], into gradient: inout [Double]) -> Double {
        var g = (0.0, 0.0)
        let value = rastrigin(point[0], point[1], &g)
        gradient[0] = g.0
        gradient[1] = g.1
        return value
    }
}

@inline(__always)
func rosenbrock(_ x: Double, _ y: Double, _ gradient: UnsafeMutablePointer<(Double, Double)>?) -> Double {
    let r = y - x * x
    gradient?.pointee = (-(2 * (1 - x)) + (-(100 * (2 * r))) * (2 * x), 100 * (2 * r))
    return (1 - x) * (1 - x) + 100 * r * r
}

@inline(__always)
func rastrigin(_ x: Double, _ y: Double, _ gradient: UnsafeMutablePointer<(Double, Double)>?) -> Double {
    gradient?.pointee = (2 * x + 10 * sin(2 * .pi * x) * (2 * .pi), 2 * y + 10 * sin(2 * .pi * y) * (2 * .pi))
    return 20 + (x * x - 10 * cos(2 * .pi * x)) + (y * y - 10 * cos(2 * .pi * y))
}

// MARK: Hand-written loops: the same arithmetic and the same record (points, losses, gradients)

struct Record {
    var points: [Double] = []
    var losses: [Double] = []
    var gradients: [Double] = []
    var previous: [Double] = []
    var friction: [Double] = []
}

func handWrittenAdam(
    _ f: (Double, Double, UnsafeMutablePointer<(Double, Double)>?) -> Double, start: [Double], steps: Int
) -> Record {
    let lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8
    var x = start[0], y = start[1]
    var m = (0.0, 0.0), v = (0.0, 0.0)
    var record = Record()
    record.points.reserveCapacity(2 * steps + 2)
    record.losses.reserveCapacity(steps + 1)
    record.gradients.reserveCapacity(2 * steps)
    record.points.append(x)
    record.points.append(y)
    var g = (0.0, 0.0)
    for t in 1...steps {
        record.losses.append(f(x, y, &g))
        record.gradients.append(g.0)
        record.gradients.append(g.1)
        let step = Double(t)
        let stepSize = lr / (1 - pow(beta1, step))
        let root2 = pow(1 - pow(beta2, step), 0.5)  // PyTorch's `bias_correction2**0.5`
        m.0 = m.0.addingProduct(1 - beta1, g.0 - m.0)
        m.1 = m.1.addingProduct(1 - beta1, g.1 - m.1)
        v.0 = (v.0 * beta2).addingProduct((1 - beta2) * g.0, g.0)
        v.1 = (v.1 * beta2).addingProduct((1 - beta2) * g.1, g.1)
        x += -stepSize * m.0 / (v.0.squareRoot() / root2 + eps)
        y += -stepSize * m.1 / (v.1.squareRoot() / root2 + eps)
        guard x.isFinite, y.isFinite else { break }
        record.points.append(x)
        record.points.append(y)
    }
    record.losses.append(f(x, y, nil))
    return record
}

func handWrittenDiffGrad(
    _ f: (Double, Double, UnsafeMutablePointer<(Double, Double)>?) -> Double, start: [Double], steps: Int
) -> Record {
    let lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8
    var x = start[0], y = start[1]
    var m = (0.0, 0.0), v = (0.0, 0.0), previous = (0.0, 0.0)
    var record = Record()
    record.points.reserveCapacity(2 * steps + 2)
    record.losses.reserveCapacity(steps + 1)
    record.gradients.reserveCapacity(2 * steps)
    record.previous.reserveCapacity(2 * steps)
    record.friction.reserveCapacity(2 * steps)
    record.points.append(x)
    record.points.append(y)
    var g = (0.0, 0.0)
    for t in 1...steps {
        record.losses.append(f(x, y, &g))
        record.gradients.append(g.0)
        record.gradients.append(g.1)
        let step = Double(t)
        let stepSize = lr * (1 - pow(beta2, step)).squareRoot() / (1 - pow(beta1, step))
        m.0 = (m.0 * beta1).addingProduct(1 - beta1, g.0)
        m.1 = (m.1 * beta1).addingProduct(1 - beta1, g.1)
        v.0 = (v.0 * beta2).addingProduct((1 - beta2) * g.0, g.0)
        v.1 = (v.1 * beta2).addingProduct((1 - beta2) * g.1, g.1)
        let xi0 = 1 / (1 + exp(-abs(previous.0 - g.0))), xi1 = 1 / (1 + exp(-abs(previous.1 - g.1)))
        record.previous.append(previous.0)
        record.previous.append(previous.1)
        record.friction.append(xi0)
        record.friction.append(xi1)
        previous = g
        x += -stepSize * (m.0 * xi0) / (v.0.squareRoot() + eps)
        y += -stepSize * (m.1 * xi1) / (v.1.squareRoot() + eps)
        guard x.isFinite, y.isFinite else { break }
        record.points.append(x)
        record.points.append(y)
    }
    record.losses.append(f(x, y, nil))
    return record
}
