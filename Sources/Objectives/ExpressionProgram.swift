import Foundation

/// An expression compiled once into straight-line code over doubles: instruction i reads
/// registers and immediate constants and writes register i + 2 (registers 0 and 1 hold x and
/// y). Constant subexpressions are folded at compile time and, unless the program is compiled
/// for a reverse sweep, repeated subexpressions are computed once. Evaluation walks this flat
/// array; it never touches strings or trees.
///
/// Every operation follows PyTorch's float64 forward and backward formulas
/// (`tools/autograd/derivatives.yaml`), so that values and gradients round as `torch` does:
/// integer powers 2 and 3 are products (`x*x`, `x*x*x`) with derivative `p*x^(p-1)`; other
/// constant powers follow `torch.pow`'s special cases; `c / x` is `reciprocal(x) * c`, as
/// Python's `__rtruediv__` makes it; `abs'` is the sign, 0 at 0.
struct ExpressionProgram: Sendable {
    enum Opcode: UInt8, Sendable {
        /// r = c (only when the whole expression is constant)
        case constant
        /// r = a op b
        case add, subtract, multiply, divide, power
        /// r = a + c, c - a, a * c, a / c, (1 / a) * c, a ^ c, c ^ a
        case addConstant, subtractFromConstant, multiplyConstant, divideByConstant, divideConstant
        case powerConstant, constantPower
        /// r = a * a, a * a * a, -a
        case square, cube, negate
        case sin, cos, tan, exp, log, sqrt, abs, tanh

        /// Whether the operation reads two registers.
        var isBinary: Bool { self == .add || self == .subtract || self == .multiply || self == .divide || self == .power }
    }

    /// One operation. Unary operations repeat their operand as `b` (and a constant reads y),
    /// so that batched evaluation may read `b` unconditionally.
    struct Instruction: Hashable, Sendable {
        var constant: Double
        var a: Int32
        var b: Int32
        var opcode: Opcode

        static func == (l: Self, r: Self) -> Bool {
            l.opcode == r.opcode && l.a == r.a && l.b == r.b && l.constant.bitPattern == r.constant.bitPattern
        }
        func hash(into hasher: inout Hasher) {
            hasher.combine(opcode)
            hasher.combine(a)
            hasher.combine(b)
            hasher.combine(constant.bitPattern)
        }
    }

    /// Registers 0 and 1 are x and y; instruction i writes register i + 2.
    static let inputCount = 2

    private(set) var instructions: [Instruction] = []
    /// The register that holds f.
    private(set) var result: Int32 = 0
    /// Bit 0 set: the register depends on x; bit 1: on y.
    private(set) var dependence: [UInt8] = [1, 2]

    var registerCount: Int { Self.inputCount + instructions.count }

    /// Compiles `syntax`. With `sharingSubexpressions` false every operation of the tree gets an
    /// instruction of its own, in the order Python evaluates them (left operand first), as
    /// PyTorch records them: the reverse sweep then sums adjoints exactly as autograd does.
    init(compiling syntax: ExpressionSyntax, sharingSubexpressions: Bool = true) {
        var compiler = Compiler(sharing: sharingSubexpressions)
        switch compiler.compile(syntax) {
        case .register(let register): result = register
        case .constant(let value): result = compiler.emit(Instruction(constant: value, a: 1, b: 1, opcode: .constant))
        }
        instructions = compiler.instructions
        dependence = [1, 2]
        for instruction in instructions {
            if instruction.opcode == .constant {
                dependence.append(0)
            } else if instruction.opcode.isBinary {
                dependence.append(dependence[Int(instruction.a)] | dependence[Int(instruction.b)])
            } else {
                dependence.append(dependence[Int(instruction.a)])
            }
        }
    }

    private enum Operand {
        case constant(Double)
        case register(Int32)
    }

    /// Turns a tree into instructions, folding constants and sharing repeated subexpressions.
    private struct Compiler {
        let sharing: Bool
        var instructions: [Instruction] = []
        var registers: [Instruction: Int32] = [:]

        mutating func emit(_ instruction: Instruction) -> Int32 {
            if sharing, let existing = registers[instruction] { return existing }
            instructions.append(instruction)
            let register = Int32(ExpressionProgram.inputCount + instructions.count - 1)
            if sharing { registers[instruction] = register }
            return register
        }

        mutating func unary(_ opcode: Opcode, _ operand: Operand, constant: Double = 0) -> Operand {
            switch operand {
            case .constant(let a): return .constant(ExpressionProgram.apply(opcode, a, 0, constant))
            case .register(let a): return .register(emit(Instruction(constant: constant, a: a, b: a, opcode: opcode)))
            }
        }

        mutating func compile(_ node: ExpressionSyntax) -> Operand {
            switch node.kind {
            case .number(let value): return .constant(value)
            case .constant(let constant): return .constant(constant.value)
            case .variable(let variable): return .register(Int32(variable.index))
            case .negate(let operand): return unary(.negate, compile(operand))
            case .call(let function, let arguments): return unary(Self.opcode(function), compile(arguments[0]))
            case .binary(let op, let left, let right):
                return binary(op, compile(left), compile(right))
            }
        }

        static func opcode(_ function: MathFunction) -> Opcode {
            switch function {
            case .sin: .sin
            case .cos: .cos
            case .tan: .tan
            case .exp: .exp
            case .log: .log
            case .sqrt: .sqrt
            case .abs: .abs
            case .tanh: .tanh
            }
        }

        mutating func binary(_ op: BinaryOperator, _ left: Operand, _ right: Operand) -> Operand {
            switch (left, right) {
            case (.constant(let a), .constant(let b)):
                return .constant(ExpressionProgram.apply(Self.registerOpcode(op), a, b, 0))
            case (.register(let a), .register(let b)):
                return .register(emit(Instruction(constant: 0, a: a, b: b, opcode: Self.registerOpcode(op))))
            case (.register(let a), .constant(let c)):
                switch op {
                case .add: return unary(.addConstant, left, constant: c)
                case .subtract: return unary(.addConstant, left, constant: -c)  // a - c == a + (-c) in IEEE 754
                case .multiply: return unary(.multiplyConstant, left, constant: c)
                case .divide: return unary(.divideByConstant, left, constant: c)
                case .power:
                    switch c {
                    case 0: return .constant(1)  // torch.pow(x, 0) is 1 with gradient 0
                    case 1: return .register(a)  // torch.pow(x, 1) copies x
                    case 2: return unary(.square, left)
                    case 3: return unary(.cube, left)
                    default: return unary(.powerConstant, left, constant: c)
                    }
                }
            case (.constant(let c), .register):
                switch op {
                case .add: return unary(.addConstant, right, constant: c)
                case .subtract: return unary(.subtractFromConstant, right, constant: c)
                case .multiply: return unary(.multiplyConstant, right, constant: c)
                case .divide: return unary(.divideConstant, right, constant: c)
                case .power: return unary(.constantPower, right, constant: c)
                }
            }
        }

        static func registerOpcode(_ op: BinaryOperator) -> Opcode {
            switch op {
            case .add: .add
            case .subtract: .subtract
            case .multiply: .multiply
            case .divide: .divide
            case .power: .power
            }
        }
    }
}

// MARK: - Semantics shared by folding and every evaluation path

extension ExpressionProgram {
    /// `torch.pow(a, p)` for a constant exponent: products for 2 and 3, `1/(a*a)` for -2,
    /// the reciprocal for -1, `sqrt` and `rsqrt` for ±0.5, `a` for 1, 1 for 0, else `pow`.
    @inline(__always)
    static func power(_ a: Double, constant p: Double) -> Double {
        switch p {
        case 2: return a * a
        case 3: return a * a * a
        case -2: return 1 / (a * a)
        case -1: return 1 / a
        case 0.5: return a.squareRoot()
        case -0.5: return 1 / a.squareRoot()
        case 1: return a
        case 0: return 1
        default: return Foundation.pow(a, p)
        }
    }

    /// The value of one operation on operand values a, b and immediate c.
    @inline(__always)
    static func apply(_ opcode: Opcode, _ a: Double, _ b: Double, _ c: Double) -> Double {
        switch opcode {
        case .constant: return c
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .power: return Foundation.pow(a, b)
        case .addConstant: return a + c
        case .subtractFromConstant: return c - a
        case .multiplyConstant: return a * c
        case .divideByConstant: return a / c
        case .divideConstant: return (1 / a) * c
        case .powerConstant: return power(a, constant: c)
        case .constantPower: return Foundation.pow(c, a)
        case .square: return a * a
        case .cube: return a * a * a
        case .negate: return -a
        case .sin: return Foundation.sin(a)
        case .cos: return Foundation.cos(a)
        case .tan: return Foundation.tan(a)
        case .exp: return Foundation.exp(a)
        case .log: return Foundation.log(a)
        case .sqrt: return a.squareRoot()
        case .abs: return Swift.abs(a)
        case .tanh: return Foundation.tanh(a)
        }
    }
}
