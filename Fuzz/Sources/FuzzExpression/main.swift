import Foundation
import FuzzSupport
import Objectives

/// Parses the input as an expression; when it parses, evaluates it, its gradient and a small
/// grid, and checks that the three evaluation paths agree; when it does not, checks that the
/// error is a one-line message with a location and a caret. Any trap is a finding.
let fuzzExpression: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do throws(ObjectiveError) {
        let objective = try ExpressionObjective(text)
        var gradient = [0.0, 0.0]
        let value = objective.valueAndGradient(at: [0.5, -1.25], into: &gradient)
        let alone = objective.value(at: [0.5, -1.25])
        precondition(value.bitPattern == alone.bitPattern || (value.isNaN && alone.isNaN), "value paths disagree")
        let grid = objective.values(onGridX: [-1, 0.5, 2], y: [-1.25, 3])
        precondition(grid.count == 6, "grid size")
        precondition(grid[1].bitPattern == alone.bitPattern || (grid[1].isNaN && alone.isNaN), "grid disagrees with value")
    } catch {
        expectOneLineErrorWithLocation(error)
    }
    return 0
}

runFuzzer(fuzzExpression)
