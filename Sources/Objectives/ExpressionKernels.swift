import Foundation

/// A value with its two partial derivatives, ∂/∂x and ∂/∂y.
struct Dual: Sendable {
    var value: Double
    var dx: Double
    var dy: Double
}

/// An expression compiled into a chain of specialised closures, one per operation, for
/// evaluation at single points: calls through closures cost less than an interpreter's
/// dispatch over the same instructions. Gradients are forward-mode duals (f, ∂f/∂x, ∂f/∂y)
/// built from the same local derivatives PyTorch's backward uses.
///
/// A partial that a subexpression cannot have (∂/∂x of a function of y alone) is never
/// computed: it is structurally zero, so no `0 · ∞` can turn it into NaN where PyTorch's
/// backward, which follows only the edges that exist, gives a finite number. Which partials
/// exist is a type parameter, so each closure is specialised with no branch at run time.
struct ExpressionKernels: Sendable {
    typealias ValueKernel = @Sendable (Double, Double) -> Double
    typealias DualKernel = @Sendable (Double, Double) -> Dual

    let value: ValueKernel
    let dual: DualKernel

    init(_ program: ExpressionProgram) {
        switch Self.valueOperand(program.result, program) {
        case .x: value = { x, _ in x }
        case .y: value = { _, y in y }
        case .kernel(let kernel): value = kernel
        }
        switch Self.dualOperand(program.result, program) {
        case .x: dual = { x, _ in Dual(value: x, dx: 1, dy: 0) }
        case .y: dual = { _, y in Dual(value: y, dx: 0, dy: 1) }
        case .kernel(let kernel, _): dual = kernel
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

    private enum DualOperandKind {
        case x, y
        case kernel(DualKernel, dependence: UInt8)
    }

    private static func dualOperand(_ register: Int32, _ program: ExpressionProgram) -> DualOperandKind {
        switch register {
        case 0: return .x
        case 1: return .y
        default:
            let instruction = program.instructions[Int(register) - ExpressionProgram.inputCount]
            let dependence = program.dependence[Int(register)]
            let a = dualOperand(instruction.a, program)
            switch instruction.opcode {
            case .add, .subtract, .multiply, .divide, .power:
                let b = dualOperand(instruction.b, program)  // only binary operations read b
                switch a {
                case .x: return .kernel(binary(instruction.opcode, XDual(), b), dependence: dependence)
                case .y: return .kernel(binary(instruction.opcode, YDual(), b), dependence: dependence)
                case .kernel(let kernel, 1): return .kernel(binary(instruction.opcode, KernelDual<OnlyX>(kernel: kernel), b), dependence: dependence)
                case .kernel(let kernel, 2): return .kernel(binary(instruction.opcode, KernelDual<OnlyY>(kernel: kernel), b), dependence: dependence)
                case .kernel(let kernel, _): return .kernel(binary(instruction.opcode, KernelDual<Both>(kernel: kernel), b), dependence: dependence)
                }
            case .constant:
                let c = instruction.constant
                return .kernel({ _, _ in Dual(value: c, dx: 0, dy: 0) }, dependence: 0)
            default:
                let c = instruction.constant
                switch a {
                case .x: return .kernel(unary(instruction.opcode, c, XDual()), dependence: dependence)
                case .y: return .kernel(unary(instruction.opcode, c, YDual()), dependence: dependence)
                case .kernel(let kernel, 1): return .kernel(unary(instruction.opcode, c, KernelDual<OnlyX>(kernel: kernel)), dependence: dependence)
                case .kernel(let kernel, 2): return .kernel(unary(instruction.opcode, c, KernelDual<OnlyY>(kernel: kernel)), dependence: dependence)
                case .kernel(let kernel, _): return .kernel(unary(instruction.opcode, c, KernelDual<Both>(kernel: kernel)), dependence: dependence)
                }
            }
        }
    }

    private static func binary<A: DualOperand>(_ opcode: ExpressionProgram.Opcode, _ a: A, _ b: DualOperandKind) -> DualKernel {
        switch b {
        case .x: return binary(opcode, a, XDual())
        case .y: return binary(opcode, a, YDual())
        case .kernel(let kernel, 1): return binary(opcode, a, KernelDual<OnlyX>(kernel: kernel))
        case .kernel(let kernel, 2): return binary(opcode, a, KernelDual<OnlyY>(kernel: kernel))
        case .kernel(let kernel, _): return binary(opcode, a, KernelDual<Both>(kernel: kernel))
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

    // MARK: Duals

    /// f(a) with tangent t·f'(a), written as `tangent(t)` so that each operation can keep
    /// PyTorch's form of its derivative (a division for log, a product elsewhere).
    private static func unary<A: DualOperand>(_ opcode: ExpressionProgram.Opcode, _ c: Double, _ a: A) -> DualKernel {
        typealias M = A.P
        switch opcode {
        case .addConstant: return { x, y in let u = a(x, y); return map(u, u.value + c, M.self) { $0 } }
        case .subtractFromConstant: return { x, y in let u = a(x, y); return map(u, c - u.value, M.self) { -$0 } }
        case .negate: return { x, y in let u = a(x, y); return map(u, -u.value, M.self) { -$0 } }
        case .multiplyConstant: return { x, y in let u = a(x, y); return map(u, u.value * c, M.self) { $0 * c } }
        case .divideByConstant: return { x, y in let u = a(x, y); return map(u, u.value / c, M.self) { $0 / c } }
        case .divideConstant:
            return { x, y in
                let u = a(x, y)
                let reciprocal = 1 / u.value
                let k = reciprocal * reciprocal
                return map(u, reciprocal * c, M.self) { -($0 * c) * k }
            }
        case .powerConstant:
            return { x, y in
                let u = a(x, y)
                let k = c * ExpressionProgram.power(u.value, constant: c - 1)
                return map(u, ExpressionProgram.power(u.value, constant: c), M.self) { $0 * k }
            }
        case .constantPower:
            return { x, y in
                let u = a(x, y)
                let v = Foundation.pow(c, u.value)
                let k = c == 0 && u.value >= 0 ? 0 : v * Foundation.log(c)
                return map(u, v, M.self) { $0 * k }
            }
        case .square: return { x, y in let u = a(x, y); let k = 2 * u.value; return map(u, u.value * u.value, M.self) { $0 * k } }
        case .cube:
            return { x, y in
                let u = a(x, y)
                let s = u.value * u.value
                let k = 3 * s
                return map(u, s * u.value, M.self) { $0 * k }
            }
        case .sin: return { x, y in let u = a(x, y); let k = Foundation.cos(u.value); return map(u, Foundation.sin(u.value), M.self) { $0 * k } }
        case .cos: return { x, y in let u = a(x, y); let k = -Foundation.sin(u.value); return map(u, Foundation.cos(u.value), M.self) { $0 * k } }
        case .tan:
            return { x, y in let u = a(x, y); let t = Foundation.tan(u.value); let k = 1 + t * t; return map(u, t, M.self) { $0 * k } }
        case .exp: return { x, y in let u = a(x, y); let v = Foundation.exp(u.value); return map(u, v, M.self) { $0 * v } }
        case .log: return { x, y in let u = a(x, y); return map(u, Foundation.log(u.value), M.self) { $0 / u.value } }
        case .sqrt:
            return { x, y in let u = a(x, y); let v = u.value.squareRoot(); let k = 2 * v; return map(u, v, M.self) { $0 / k } }
        case .abs:
            return { x, y in
                let u = a(x, y)
                let k: Double = u.value > 0 ? 1 : u.value < 0 ? -1 : 0
                return map(u, Swift.abs(u.value), M.self) { $0 * k }
            }
        case .tanh:
            return { x, y in let u = a(x, y); let t = Foundation.tanh(u.value); let k = 1 - t * t; return map(u, t, M.self) { $0 * k } }
        case .constant, .add, .subtract, .multiply, .divide, .power:
            preconditionFailure("\(opcode) is not a unary operation")
        }
    }

    /// a ∘ b, each operand contributing only the partials it has.
    private static func binary<A: DualOperand, B: DualOperand>(_ opcode: ExpressionProgram.Opcode, _ a: A, _ b: B) -> DualKernel {
        switch opcode {
        case .add: return { x, y in let u = a(x, y), w = b(x, y); return sum(u, w, u.value + w.value, A.P.self, B.P.self, { $0 }, { $0 }) }
        case .subtract: return { x, y in let u = a(x, y), w = b(x, y); return sum(u, w, u.value - w.value, A.P.self, B.P.self, { $0 }, { -$0 }) }
        case .multiply:
            return { x, y in let u = a(x, y), w = b(x, y); return sum(u, w, u.value * w.value, A.P.self, B.P.self, { $0 * w.value }, { $0 * u.value }) }
        case .divide:
            return { x, y in
                let u = a(x, y), w = b(x, y)
                let k = (u.value / w.value) / w.value
                return sum(u, w, u.value / w.value, A.P.self, B.P.self, { $0 / w.value }, { -$0 * k })
            }
        case .power:
            return { x, y in
                let u = a(x, y), w = b(x, y)
                let v = Foundation.pow(u.value, w.value)
                let ka = w.value == 0 ? 0 : w.value * Foundation.pow(u.value, w.value - 1)
                let kb = u.value == 0 && w.value >= 0 ? 0 : v * Foundation.log(u.value)
                return sum(u, w, v, A.P.self, B.P.self, { $0 * ka }, { $0 * kb })
            }
        default:
            preconditionFailure("\(opcode) is not a binary operation")
        }
    }
}

extension ExpressionKernels {
    /// The dual of a unary operation: its value, and t ↦ `tangent(t)` on each partial that exists.
    @inline(__always)
    fileprivate static func map<M: Partials>(_ u: Dual, _ value: Double, _: M.Type, _ tangent: (Double) -> Double) -> Dual {
        Dual(value: value, dx: M.hasX ? tangent(u.dx) : 0, dy: M.hasY ? tangent(u.dy) : 0)
    }

    /// The dual of a binary operation: `fromA(ta) + fromB(tb)` over the partials each operand has.
    @inline(__always)
    fileprivate static func sum<A: Partials, B: Partials>(
        _ u: Dual, _ w: Dual, _ value: Double, _: A.Type, _: B.Type, _ fromA: (Double) -> Double, _ fromB: (Double) -> Double
    ) -> Dual {
        let dx: Double = A.hasX ? (B.hasX ? fromA(u.dx) + fromB(w.dx) : fromA(u.dx)) : (B.hasX ? fromB(w.dx) : 0)
        let dy: Double = A.hasY ? (B.hasY ? fromA(u.dy) + fromB(w.dy) : fromA(u.dy)) : (B.hasY ? fromB(w.dy) : 0)
        return Dual(value: value, dx: dx, dy: dy)
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

/// An operand of a dual kernel, with the partials it has as a type: x, y, or another kernel.
protocol DualOperand: Sendable {
    associatedtype P: Partials
    func callAsFunction(_ x: Double, _ y: Double) -> Dual
}
struct XDual: DualOperand {
    typealias P = OnlyX
    @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Dual { Dual(value: x, dx: 1, dy: 0) }
}
struct YDual: DualOperand {
    typealias P = OnlyY
    @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Dual { Dual(value: y, dx: 0, dy: 1) }
}
struct KernelDual<P: Partials>: DualOperand {
    let kernel: ExpressionKernels.DualKernel
    @inline(__always) func callAsFunction(_ x: Double, _ y: Double) -> Dual { kernel(x, y) }
}

/// Which partial derivatives a subexpression has, as a type, for specialisation.
protocol Partials: SendableMetatype {
    static var hasX: Bool { get }
    static var hasY: Bool { get }
}
enum OnlyX: Partials {
    static var hasX: Bool { true }
    static var hasY: Bool { false }
}
enum OnlyY: Partials {
    static var hasX: Bool { false }
    static var hasY: Bool { true }
}
enum Both: Partials {
    static var hasX: Bool { true }
    static var hasY: Bool { true }
}
