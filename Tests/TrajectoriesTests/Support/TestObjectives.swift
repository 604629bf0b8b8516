import Foundation
import Objectives

/// Hand-written stand-ins for the catalog functions that the fixtures name, until the
/// Objectives catalog lands. The one place that maps a fixture's `function` to an objective.
enum TestObjectives {
    static func named(_ name: String) -> (any Objective)? {
        switch name {
        case "rosenbrock": Rosenbrock()
        case "rastrigin": Rastrigin()
        case "x^2 + 10*y^2": IllConditionedBowl()
        default: nil
        }
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
        return 20 + (x * x - 10 * cos(2 * .pi * x)) + (y * y - 10 * cos(2 * .pi * y))
    }

    func valueAndGradient(at point: [Double], into gradient: inout [Double]) -> Double {
        let x = point[0], y = point[1]
        // In the order PyTorch's autograd multiplies: 2x + (10 sin(2πx)) · 2π.
        gradient[0] = 2 * x + 10 * sin(2 * .pi * x) * (2 * .pi)
        gradient[1] = 2 * y + 10 * sin(2 * .pi * y) * (2 * .pi)
        return value(at: point)
    }
}

/// x^2 + 10 y^2.
struct IllConditionedBowl: Objective {
    var dimension: Int { 2 }

    func value(at point: [Double]) -> Double {
        point[0] * point[0] + 10 * point[1] * point[1]
    }

    func valueAndGradient(at point: [Double], into gradient: inout [Double]) -> Double {
        gradient[0] = 2 * point[0]
        gradient[1] = 20 * point[1]
        return value(at: point)
    }
}
