import Foundation

/// An expression compiled into a chain of specialised closures, one per operation, for
/// evaluating f at single points: calls through closures cost less than an interpreter's
/// dispatch over the same instructions. (Gradients are a reverse sweep: `ExpressionGradient`.)
struct ExpressionKernels: Sendable {
    typealias ValueKernel = @Sendable (Double, Double) -> Double

    let value: ValueKernel

    init(_ program: ExpressionProgram) {
        switch Self.valueOperand(program.result, program) {
        case .x: value = { x, _ in x }
        case .y: value = { _, y in y }
        case .kernel(let kernel): value = kernel
        }
    }

    // Kernels are built by recursion rather than kept in an array: an array would store them
    // at maximal abstraction and every call would pass through a reabstraction thunk. Operands
    // that are x or y are read directly by the operation that uses them (a generic parameter),
    // not called as kernels of their own.

    private enum ValueOperandKind {
        case x, y
        case kernel(ValueKernel)
    }

    private static func valueOperand(_ register: Int32, _ program: ExpressionProgram) -> ValueOperandKind {
        switch register {
        case 0: return .x
        case 1: return .y
        default:
            let instruction = program.instructions[Int(register) - ExpressionProgram.inputCount]
            let a = valueOperand(instruction.a, program)
            // A unary operation repeats its operand as b: building it twice would double the
            // work at every level of a chain (2^depth for --------x).
            let b = instruction.opcode.isBinary ? valueOperand(instruction.b, program) : .x
            switch a {
            case .x: return .kernel(valueKernel(instruction, XValue(), b))
            case .y: return .kernel(valueKernel(instruction, YValue(), b))
            case .kernel(let kernel): return .kernel(valueKernel(instruction, KernelValue(kernel: kernel), b))
            }
        }
    }

    private static func valueKernel<A: ValueOperand>(_ instruction: ExpressionProgram.Instruction, _ a: A, _ b: ValueOperandKind) -> ValueKernel {
        switch b {
        case .x: return valueKernel(instruction, a, XValue())
        case .y: return valueKernel(instruction, a, YValue())
        case .kernel(let kernel): return valueKernel(instruction, a, KernelValue(kernel: kernel))
        }
    }

    // MARK: Values

    private static func valueKernel<A: ValueOperand, B: ValueOperand>(_ instruction: ExpressionProgram.Instruction, _ a: A, _ b: B) -> ValueKernel {
        let c = instruction.constant
        switch instruction.opcode {
        case .constant: return { _, _ in c }
        case .add: return { x, y in a(x, y) + b(x, y) }
        case .subtract: return { x, y in a(x, y) - b(x, y) }
        case .multiply: return { x, y in a(x, y) * b(x, y) }
        case .divide: return { x, y in a(x, y) / b(x, y) }
        case .power: return { x, y in Foundation.pow(a(x, y), b(x, y)) }
        case .addConstant: return { x, y in a(x, y) + c }
        case .subtractFromConstant: return { x, y in c - a(x, y) }
        case .multiplyConstant: return { x, y in a(x, y) * c }
        case .divideByConstant: return { x, y in a(x, y) / c }
        case .divideConstant: return { x, y in (1 / a(x, y)) * c }
        case .powerConstant: return { x, y in ExpressionProgram.power(a(x, y), constant: c) }
        case .constantPower: return { x, y in Foundation.pow(c, a(x, y)) }
        case .square: return { x, y in let t = a(x, y); return t * t }
        case .cube: return { x, y in let t = a(x, y); return t * t * t }
        case .negate: return { x, y in -a(x, y) }
        case .sin: return { x, y in Foundation.sin(a(x, y)) }
        case .cos: return { x, y in Foundation.cos(a(x, y)) }
        case .tan: return { x, y in Foundation.tan(a(x, y)) }
        case .exp: return { x, y in Foundation.exp(a(x, y)) }
        case .log: return { x, y in Foundation.log(a(x, y)) }
        case .sqrt: return { x, y in a(x, y).squareRoot() }
        case .abs: return { x, y in Swift.abs(a(x, y)) }
        case .tanh: return { x, y in Foundation.tanh(a(x, y)) }
        }
    }
}

/// An operand of a value kernel: x, y, or another kernel.
protocol ValueOperand: Sendable {
    func callAsFunction(_ x: Double, _ y: Double) -> Double
}
struct XValue: ValueOperand {
    @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Double { x }
}
struct YValue: ValueOperand {
    @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Double { y }
}
struct KernelValue: ValueOperand {
    let kernel: ExpressionKernels.ValueKernel
    @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Double { kernel(x, y) }
}
