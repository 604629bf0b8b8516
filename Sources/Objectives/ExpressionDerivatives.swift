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
/// Each rule is a type of its own so that a compiled node inlines it: no call per rule.
protocol UnaryRule: Sendable {
    func value(_ u: Double) -> Double
    func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double
}

/// A rule of two operands; `adjoints` gives the left operand's first.
protocol BinaryRule: Sendable {
    func value(_ u: Double, _ w: Double) -> Double
    func adjoints(_ g: Double, _ u: Double, _ w: Double, _ v: Double) -> (Double, Double)
}

enum Rules {
    struct Add: BinaryRule {
        func value(_ u: Double, _ w: Double) -> Double { u + w }
        func adjoints(_ g: Double, _ u: Double, _ w: Double, _ v: Double) -> (Double, Double) { (g, g) }
    }
    struct Subtract: BinaryRule {
        func value(_ u: Double, _ w: Double) -> Double { u - w }
        func adjoints(_ g: Double, _ u: Double, _ w: Double, _ v: Double) -> (Double, Double) { (g, -g) }
    }
    struct Multiply: BinaryRule {
        func value(_ u: Double, _ w: Double) -> Double { u * w }
        func adjoints(_ g: Double, _ u: Double, _ w: Double, _ v: Double) -> (Double, Double) { (g * w, g * u) }
    }
    struct Divide: BinaryRule {
        func value(_ u: Double, _ w: Double) -> Double { u / w }
        func adjoints(_ g: Double, _ u: Double, _ w: Double, _ v: Double) -> (Double, Double) { (g / w, -g * ((u / w) / w)) }
    }
    struct Power: BinaryRule {
        func value(_ u: Double, _ w: Double) -> Double { Foundation.pow(u, w) }
        func adjoints(_ g: Double, _ u: Double, _ w: Double, _ v: Double) -> (Double, Double) {
            (w == 0 ? 0 : g * (w * Foundation.pow(u, w - 1)), u == 0 && w >= 0 ? 0 : g * (v * Foundation.log(u)))
        }
    }

    struct Constant: UnaryRule {
        let c: Double
        func value(_ u: Double) -> Double { c }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { 0 }
    }
    struct AddConstant: UnaryRule {
        let c: Double
        func value(_ u: Double) -> Double { u + c }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g }
    }
    struct SubtractFromConstant: UnaryRule {
        let c: Double
        func value(_ u: Double) -> Double { c - u }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { -g }
    }
    struct MultiplyConstant: UnaryRule {
        let c: Double
        func value(_ u: Double) -> Double { u * c }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * c }
    }
    struct DivideByConstant: UnaryRule {
        let c: Double
        func value(_ u: Double) -> Double { u / c }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g / c }
    }
    struct DivideConstant: UnaryRule {
        let c: Double
        func value(_ u: Double) -> Double { (1 / u) * c }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double {
            let reciprocal = 1 / u
            return -(g * c) * (reciprocal * reciprocal)
        }
    }
    struct PowerConstant: UnaryRule {
        let c: Double
        func value(_ u: Double) -> Double { ExpressionProgram.power(u, constant: c) }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * (c * ExpressionProgram.power(u, constant: c - 1)) }
    }
    struct ConstantPower: UnaryRule {
        let c: Double
        func value(_ u: Double) -> Double { Foundation.pow(c, u) }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { c == 0 && u >= 0 ? 0 : g * (v * Foundation.log(c)) }
    }
    struct Square: UnaryRule {
        func value(_ u: Double) -> Double { u * u }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * (2 * u) }
    }
    struct Cube: UnaryRule {
        func value(_ u: Double) -> Double { u * u * u }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * (3 * (u * u)) }
    }
    struct Negate: UnaryRule {
        func value(_ u: Double) -> Double { -u }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { -g }
    }
    struct Sin: UnaryRule {
        func value(_ u: Double) -> Double { Foundation.sin(u) }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * Foundation.cos(u) }
    }
    struct Cos: UnaryRule {
        func value(_ u: Double) -> Double { Foundation.cos(u) }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * -Foundation.sin(u) }
    }
    struct Tan: UnaryRule {
        func value(_ u: Double) -> Double { Foundation.tan(u) }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * (1 + v * v) }
    }
    struct Exp: UnaryRule {
        func value(_ u: Double) -> Double { Foundation.exp(u) }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * v }
    }
    struct Log: UnaryRule {
        func value(_ u: Double) -> Double { Foundation.log(u) }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g / u }
    }
    struct SquareRoot: UnaryRule {
        func value(_ u: Double) -> Double { u.squareRoot() }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g / (2 * v) }
    }
    struct Absolute: UnaryRule {
        func value(_ u: Double) -> Double { Swift.abs(u) }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * (u > 0 ? 1 : u < 0 ? -1 : 0) }
    }
    struct HyperbolicTangent: UnaryRule {
        func value(_ u: Double) -> Double { Foundation.tanh(u) }
        func adjoint(_ g: Double, _ u: Double, _ v: Double) -> Double { g * (1 - v * v) }
    }
}
