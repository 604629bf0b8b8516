import Foundation
@testable import Objectives

/// The reverse sweep as a plain interpreter over the instruction list (the implementation
/// `ExpressionGradient`'s compiled closures replaced): registers and adjoints in arrays,
/// instructions visited in reverse, adjoints summed from -0 with `+=`. Kept as an oracle that
/// the closures must match bit for bit.
struct ReferenceReverseSweep {
    private let instructions: [ExpressionProgram.Instruction]
    /// Whether instruction i contributes to f; one folded away (sin x in `sin(x)^0`) does not.
    private let live: [Bool]
    private let result: Int
    private let dependsOnX: Bool
    private let dependsOnY: Bool

    init(_ syntax: ExpressionSyntax) {
        let program = ExpressionProgram(compiling: syntax, sharingSubexpressions: false)
        instructions = program.instructions
        result = Int(program.result)
        dependsOnX = program.dependence[result] & 1 != 0
        dependsOnY = program.dependence[result] & 2 != 0
        var reached = [Bool](repeating: false, count: program.registerCount)
        reached[result] = true
        for i in instructions.indices.reversed() where reached[i + ExpressionProgram.inputCount] {
            reached[Int(instructions[i].a)] = true
            if instructions[i].opcode.isBinary { reached[Int(instructions[i].b)] = true }
        }
        live = Array(reached.dropFirst(ExpressionProgram.inputCount))
    }

    /// f(x, y) and (∂f/∂x, ∂f/∂y). Registers live on the stack: no allocation per call.
    func valueAndGradient(_ x: Double, _ y: Double) -> (value: Double, dx: Double, dy: Double) {
        let count = ExpressionProgram.inputCount + instructions.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * count) { buffer in
            let values = buffer.baseAddress!
            let adjoints = values + count
            values[0] = x
            values[1] = y
            instructions.withUnsafeBufferPointer { program in
                live.withUnsafeBufferPointer { live in
                    for i in 0..<program.count where live[i] {
                        let instruction = program[i]
                        values[i + 2] = ExpressionProgram.apply(
                            instruction.opcode, values[Int(instruction.a)], values[Int(instruction.b)], instruction.constant)
                    }
                    (adjoints).initialize(repeating: -0.0, count: count)
                    adjoints[result] = 1
                    for i in stride(from: program.count - 1, through: 0, by: -1) where live[i] {
                        Self.propagate(program[i], output: i + 2, values, adjoints)
                    }
                }
            }
            return (values[result], dependsOnX ? adjoints[0] : 0, dependsOnY ? adjoints[1] : 0)
        }
    }

    /// Adds the adjoints of one operation's operands, given the adjoint of its output.
    @inline(__always)
    private static func propagate(
        _ instruction: ExpressionProgram.Instruction, output: Int, _ values: UnsafeMutablePointer<Double>,
        _ adjoints: UnsafeMutablePointer<Double>
    ) {
        let g = adjoints[output], v = values[output], c = instruction.constant
        let a = Int(instruction.a), b = Int(instruction.b)
        let u = values[a], w = values[b]
        switch instruction.opcode {
        case .constant: break
        case .add:
            adjoints[a] += g
            adjoints[b] += g
        case .subtract:
            adjoints[a] += g
            adjoints[b] += -g
        case .multiply:
            adjoints[a] += g * w
            adjoints[b] += g * u
        case .divide:
            adjoints[a] += g / w
            adjoints[b] += -g * ((u / w) / w)
        case .power:
            adjoints[a] += w == 0 ? 0 : g * (w * Foundation.pow(u, w - 1))
            adjoints[b] += u == 0 && w >= 0 ? 0 : g * (v * Foundation.log(u))
        case .addConstant: adjoints[a] += g
        case .subtractFromConstant, .negate: adjoints[a] += -g
        case .multiplyConstant: adjoints[a] += g * c
        case .divideByConstant: adjoints[a] += g / c
        case .divideConstant:
            let reciprocal = 1 / u
            adjoints[a] += -(g * c) * (reciprocal * reciprocal)
        case .powerConstant: adjoints[a] += g * (c * ExpressionProgram.power(u, constant: c - 1))
        case .constantPower: adjoints[a] += c == 0 && u >= 0 ? 0 : g * (v * Foundation.log(c))
        case .square: adjoints[a] += g * (2 * u)
        case .cube: adjoints[a] += g * (3 * (u * u))
        case .sin: adjoints[a] += g * Foundation.cos(u)
        case .cos: adjoints[a] += g * -Foundation.sin(u)
        case .tan: adjoints[a] += g * (1 + v * v)
        case .exp: adjoints[a] += g * v
        case .log: adjoints[a] += g / u
        case .sqrt: adjoints[a] += g / (2 * v)
        case .abs: adjoints[a] += g * (u > 0 ? 1 : u < 0 ? -1 : 0)
        case .tanh: adjoints[a] += g * (1 - v * v)
        }
    }
}
