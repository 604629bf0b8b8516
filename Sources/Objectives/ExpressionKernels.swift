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
        value = Self.valueKernel(program.result, program)
        dual = Self.dualKernel(program.result, program)
    }

    // Kernels are built by recursion rather than kept in an array: an array would store them
    // at maximal abstraction and every call would pass through a reabstraction thunk.

    private static func valueKernel(_ register: Int32, _ program: ExpressionProgram) -> ValueKernel {
        switch register {
        case 0: return { x, _ in x }
        case 1: return { _, y in y }
        default:
            let instruction = program.instructions[Int(register) - ExpressionProgram.inputCount]
            return valueKernel(instruction, valueKernel(instruction.a, program), valueKernel(instruction.b, program))
        }
    }

    private static func dualKernel(_ register: Int32, _ program: ExpressionProgram) -> DualKernel {
        switch register {
        case 0: return { x, _ in Dual(value: x, dx: 1, dy: 0) }
        case 1: return { _, y in Dual(value: y, dx: 0, dy: 1) }
        default:
            let instruction = program.instructions[Int(register) - ExpressionProgram.inputCount]
            return dualKernel(
                instruction,
                dualKernel(instruction.a, program), program.dependence[Int(instruction.a)],
                dualKernel(instruction.b, program), program.dependence[Int(instruction.b)],
                program.dependence[Int(register)])
        }
    }

    // MARK: Values

    private static func valueKernel(_ instruction: ExpressionProgram.Instruction, _ a: @escaping ValueKernel, _ b: @escaping ValueKernel) -> ValueKernel {
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

    private static func dualKernel(
        _ instruction: ExpressionProgram.Instruction,
        _ a: @escaping DualKernel, _ aDependence: UInt8,
        _ b: @escaping DualKernel, _ bDependence: UInt8,
        _ dependence: UInt8
    ) -> DualKernel {
        switch instruction.opcode {
        case .add, .subtract, .multiply, .divide, .power:
            switch (aDependence, bDependence) {
            case (1, 1): return binary(instruction.opcode, a, OnlyX.self, b, OnlyX.self)
            case (1, 2): return binary(instruction.opcode, a, OnlyX.self, b, OnlyY.self)
            case (1, _): return binary(instruction.opcode, a, OnlyX.self, b, Both.self)
            case (2, 1): return binary(instruction.opcode, a, OnlyY.self, b, OnlyX.self)
            case (2, 2): return binary(instruction.opcode, a, OnlyY.self, b, OnlyY.self)
            case (2, _): return binary(instruction.opcode, a, OnlyY.self, b, Both.self)
            case (_, 1): return binary(instruction.opcode, a, Both.self, b, OnlyX.self)
            case (_, 2): return binary(instruction.opcode, a, Both.self, b, OnlyY.self)
            default: return binary(instruction.opcode, a, Both.self, b, Both.self)
            }
        case .constant:
            let c = instruction.constant
            return { _, _ in Dual(value: c, dx: 0, dy: 0) }
        default:
            switch dependence {
            case 1: return unary(instruction.opcode, instruction.constant, a, OnlyX.self)
            case 2: return unary(instruction.opcode, instruction.constant, a, OnlyY.self)
            default: return unary(instruction.opcode, instruction.constant, a, Both.self)
            }
        }
    }

    /// f(a) with tangent t·f'(a), written as `tangent(t)` so that each operation can keep
    /// PyTorch's form of its derivative (a division for log, a product elsewhere).
    private static func unary<M: Partials>(_ opcode: ExpressionProgram.Opcode, _ c: Double, _ a: @escaping DualKernel, _: M.Type) -> DualKernel {
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
    private static func binary<A: Partials, B: Partials>(
        _ opcode: ExpressionProgram.Opcode, _ a: @escaping DualKernel, _: A.Type, _ b: @escaping DualKernel, _: B.Type
    ) -> DualKernel {
        switch opcode {
        case .add: return { x, y in let u = a(x, y), w = b(x, y); return sum(u, w, u.value + w.value, A.self, B.self, { $0 }, { $0 }) }
        case .subtract: return { x, y in let u = a(x, y), w = b(x, y); return sum(u, w, u.value - w.value, A.self, B.self, { $0 }, { -$0 }) }
        case .multiply:
            return { x, y in let u = a(x, y), w = b(x, y); return sum(u, w, u.value * w.value, A.self, B.self, { $0 * w.value }, { $0 * u.value }) }
        case .divide:
            return { x, y in
                let u = a(x, y), w = b(x, y)
                let k = (u.value / w.value) / w.value
                return sum(u, w, u.value / w.value, A.self, B.self, { $0 / w.value }, { -$0 * k })
            }
        case .power:
            return { x, y in
                let u = a(x, y), w = b(x, y)
                let v = Foundation.pow(u.value, w.value)
                let ka = w.value == 0 ? 0 : w.value * Foundation.pow(u.value, w.value - 1)
                let kb = u.value == 0 && w.value >= 0 ? 0 : v * Foundation.log(u.value)
                return sum(u, w, v, A.self, B.self, { $0 * ka }, { $0 * kb })
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
