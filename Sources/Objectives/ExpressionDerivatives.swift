import Foundation

/// Each operation's value and the adjoints it hands its operands, as PyTorch's float64
/// kernels and `tools/autograd/derivatives.yaml` round them (g is the adjoint received, u and
/// w the operands' values, v the result, c an immediate constant):
///
///     a + b: g, g      a - b: g, -g        a * b: g·w, g·u     a / b: g / w, -g·((u / w) / w)
///     -a: -g           a + c: g            c - a: -g           a·c: g·c    a / c: g / c
///     c / a: -(g·c)·(r·r), r = 1/u (reciprocal, then mul)      a^c: g·(c·u^(c-1))
///     a^b: g·(w·u^(w-1)) (0 if w = 0), g·(v·log u) (0 if u = 0, w ≥ 0)    c^a: g·(v·log c)
///     sin: g·cos u     cos: g·(-sin u)     tan: g·(1 + v·v)    exp: g·v    log: g / u
///     sqrt: g / (2v)   abs: g·sign u       tanh: g·(1 - v·v)
///
/// Values are `ExpressionProgram.apply`'s, the one table that folding and grids use too. Each
/// rule is a type of its own so that a compiled node inlines it: no call, no switch per rule.
/// Each rule also says which values its adjoints read (u and w, or v), so that a sweep for the
/// gradient alone computes only those.
protocol UnaryRule: Sendable {
    /// The operation whose value the rule computes.
    static var opcode: ExpressionProgram.Opcode { get }
    /// Whether `adjoint` reads u.
    static var readsOperands: Bool { get }
    /// Whether `adjoint` reads v.
    static var readsResult: Bool { get }
    /// The immediate constant; 0 where the operation has none.
    var c: Double { get }
    func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double
}

extension UnaryRule {
    var c: Double { 0 }
    static var readsOperands: Bool { false }
    static var readsResult: Bool { false }

    @inline(__always)
    func value(_ u: Double) -> Double { ExpressionProgram.apply(Self.opcode, u, u, c) }
}

/// A rule of two operands; `adjoints` gives the left operand's first.
protocol BinaryRule: Sendable {
    /// The operation whose value the rule computes.
    static var opcode: ExpressionProgram.Opcode { get }
    /// Whether `adjoints` reads u and w.
    static var readsOperands: Bool { get }
    /// Whether `adjoints` reads v.
    static var readsResult: Bool { get }
    func adjoints(_ g: Double, _ u: Double, _ w: Double, _ v: Double) -> (Double, Double)
}

extension BinaryRule {
    static var readsOperands: Bool { false }
    static var readsResult: Bool { false }

    @inline(__always)
    func value(_ u: Double, _ w: Double) -> Double { ExpressionProgram.apply(Self.opcode, u, w, 0) }
}

enum Rules {
    struct Add: BinaryRule {
        static let opcode = ExpressionProgram.Opcode.add
        func adjoints(_ g: Double, _ u: Double, _ w: Double, _ v: Double) -> (Double, Double) { (g, g) }
    }
    struct Subtract: BinaryRule {
        static let opcode = ExpressionProgram.Opcode.subtract
        func adjoints(_ g: Double, _ u: Double, _ w: Double, _ v: Double) -> (Double, Double) { (g, -g) }
    }
    struct Multiply: BinaryRule {
        static let opcode = ExpressionProgram.Opcode.multiply
        static let readsOperands = true
        func adjoints(_ g: Double, _ u: Double, _ w: Double, _ v: Double) -> (Double, Double) { (g * w, g * u) }
    }
    struct Divide: BinaryRule {
        static let opcode = ExpressionProgram.Opcode.divide
        static let readsOperands = true
        func adjoints(_ g: Double, _ u: Double, _ w: Double, _ v: Double) -> (Double, Double) { (g / w, -g * ((u / w) / w)) }
    }
    struct Power: BinaryRule {
        static let opcode = ExpressionProgram.Opcode.power
        static let readsOperands = true
        static let readsResult = true
        func adjoints(_ g: Double, _ u: Double, _ w: Double, _ v: Double) -> (Double, Double) {
            (w == 0 ? 0 : g * (w * Foundation.pow(u, w - 1)), u == 0 && w >= 0 ? 0 : g * (v * Foundation.log(u)))
        }
    }

    struct Constant: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.constant
        let c: Double
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { 0 }
    }
    struct AddConstant: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.addConstant
        let c: Double
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g }
    }
    struct SubtractFromConstant: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.subtractFromConstant
        let c: Double
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { -g }
    }
    struct MultiplyConstant: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.multiplyConstant
        let c: Double
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * c }
    }
    struct DivideByConstant: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.divideByConstant
        let c: Double
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g / c }
    }
    struct DivideConstant: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.divideConstant
        static let readsOperands = true
        let c: Double
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double {
            let reciprocal = 1 / u
            return -(g * c) * (reciprocal * reciprocal)
        }
    }
    struct PowerConstant: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.powerConstant
        static let readsOperands = true
        let c: Double
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * (c * ExpressionProgram.power(u, constant: c - 1)) }
    }
    struct ConstantPower: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.constantPower
        static let readsOperands = true
        static let readsResult = true
        let c: Double
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { c == 0 && u >= 0 ? 0 : g * (v * Foundation.log(c)) }
    }
    struct Square: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.square
        static let readsOperands = true
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * (2 * u) }
    }
    struct Cube: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.cube
        static let readsOperands = true
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * (3 * (u * u)) }
    }
    struct Negate: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.negate
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { -g }
    }
    struct Sin: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.sin
        static let readsOperands = true
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * Foundation.cos(u) }
    }
    struct Cos: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.cos
        static let readsOperands = true
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * -Foundation.sin(u) }
    }
    struct Tan: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.tan
        static let readsResult = true
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * (1 + v * v) }
    }
    struct Exp: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.exp
        static let readsResult = true
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * v }
    }
    struct Log: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.log
        static let readsOperands = true
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g / u }
    }
    struct SquareRoot: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.sqrt
        static let readsResult = true
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g / (2 * v) }
    }
    struct Absolute: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.abs
        static let readsOperands = true
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * (u > 0 ? 1 : u < 0 ? -1 : 0) }
    }
    struct HyperbolicTangent: UnaryRule {
        static let opcode = ExpressionProgram.Opcode.tanh
        static let readsResult = true
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * (1 - v * v) }
    }
}
