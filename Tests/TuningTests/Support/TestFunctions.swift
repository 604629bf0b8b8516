import Foundation
import Objectives

/// Hand-written Rosenbrock and Rastrigin (jettify's definitions), standing in for the
/// Objectives catalog in these tests.
enum TestFunctions {
    struct Function {
        let name: String
        let objective: any Objective
        let start: [Double]
        let minima: [[Double]]
        let lower: [Double]
        let upper: [Double]
    }

    static let rosenbrock = Function(
        name: "rosenbrock", objective: Rosenbrock(), start: [-2, 2], minima: [[1, 1]], lower: [-2, -1], upper: [2, 3])
    static let rastrigin = Function(
        name: "rastrigin", objective: Rastrigin(), start: [-2, 3.5], minima: [[0, 0]], lower: [-4.5, -4.5],
        upper: [4.5, 4.5])

    static func named(_ name: String) -> Function? {
        [rosenbrock, rastrigin].first { $0.name == name }
    }
}

/// (1 - x)^2 + 100 (y - x^2)^2.
struct Rosenbrock: Objective {
    var dimension: Int { 2 }

    func value(at point: [Double]) -> Double {
        let x = point[0], y = point[1]
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
    }

    func valueAndGradient(at point: [Double], into gradient: inout [Double]) -> Double {
        let x = point[0], y = point[1]
        let r = y - x * x
        gradient[0] = -2 * (1 - x) - 400 * x * r
        gradient[1] = 200 * r
        return (1 - x) * (1 - x) + 100 * r * r
    }
}

/// 20 + (x^2 - 10 cos 2πx) + (y^2 - 10 cos 2πy).
struct Rastrigin: Objective {
    var dimension: Int { 2 }

    func value(at point: [Double]) -> Double {
        let x = point[0], y = point[1]
        return 20 + (x * x - 10 * cos(2 * Double.pi * x)) + (y * y - 10 * cos(2 * Double.pi * y))
    }

    func valueAndGradient(at point: [Double], into gradient: inout [Double]) -> Double {
        let x = point[0], y = point[1]
        gradient[0] = 2 * x + 20 * Double.pi * sin(2 * Double.pi * x)
        gradient[1] = 2 * y + 20 * Double.pi * sin(2 * Double.pi * y)
        return value(at: point)
    }
}
