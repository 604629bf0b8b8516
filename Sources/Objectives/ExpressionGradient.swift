import Foundation

/// f and its gradient by a reverse sweep, rounded exactly as PyTorch's autograd rounds it:
/// values are computed forward, then adjoints flow backward from adj(f) = 1, each operation
/// applying its `derivatives.yaml` formula (`ExpressionDerivatives.swift`) to the adjoint it
/// receives. Forward mode would multiply the same local derivatives from the input side
/// instead (10·(-sin u·2π) rather than (10·sin u)·2π), which differs in the last bit for some
/// inputs.
///
/// The program is compiled without shared subexpressions, one operation per tensor operation
/// in Python's evaluation order (left operand first), as PyTorch records them: a tree whose
/// leaves are x and y. Autograd's engine runs the highest sequence number first, which on a
/// tree is reverse creation order: a node, then its right subtree, then its left. Each node
/// hands its operands their adjoints, left first; x and y sum what they receive in that order
/// from -0 (and -0 + g = g for every g). Only edges that exist are followed: a folded-away
/// operation (sin x in `sin(x)^0`) is not in the tree, and ∂/∂x of a function of y alone is 0.
///
/// The tree is compiled once into closures, one forward and one backward per operation,
/// specialised for operands that are x or y (read directly) or other operations (called).
/// Evaluation keeps values in a register file on the stack: no allocation, no dispatch on
/// opcodes. For the gradient alone, only the values some adjoint formula reads are computed:
/// the forward closures of the smallest subtrees that hold them (`valueRoots`), called
/// directly. In Rastrigin's `10·cos(2πx)` the backward pass needs 2πx but not the cosine, so a
/// learning-rate search's steps compute 2πx and 2πy and skip both cosines and the sums above
/// them. The adjoints are the same bits either way.
struct ExpressionGradient: Sendable {
    /// Computes a node's value from x and y, storing it (and its operands') in the registers.
    typealias Forward = @Sendable (_ registers: UnsafeMutablePointer<Double>, _ x: Double, _ y: Double) -> Double
    /// Receives a node's adjoint g and passes its operands theirs, down to `adjoints[0]` (x)
    /// and `adjoints[1]` (y).
    typealias Backward = @Sendable (
        _ registers: UnsafeMutablePointer<Double>, _ x: Double, _ y: Double, _ g: Double, _ adjoints: UnsafeMutablePointer<Double>
    ) -> Void

    private let forward: Forward
    private let backward: Backward
    /// Stores every value the backward pass reads: the value roots' forward closures, in one
    /// (nil when the backward pass reads none).
    private let prepare: Forward?
    private let registerCount: Int
    private let dependsOnX: Bool
    private let dependsOnY: Bool

    init(_ syntax: ExpressionSyntax) {
        let program = ExpressionProgram(compiling: syntax, sharingSubexpressions: false)
        registerCount = program.registerCount
        dependsOnX = program.dependence[Int(program.result)] & 1 != 0
        dependsOnY = program.dependence[Int(program.result)] & 2 != 0
        switch Self.operand(program.result, program) {
        case .variable(let variable):
            forward = { registers, x, y in variable.evaluate(registers, x, y) }
            backward = { _, _, _, g, adjoints in variable.receive(g, adjoints) }
            prepare = nil
        case .node(let node):
            forward = node.forward
            backward = node.backward
            prepare = node.valueRoots
        }
    }

    /// f(x, y).
    func value(_ x: Double, _ y: Double) -> Double {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: registerCount) { registers in
            forward(registers.baseAddress!, x, y)
        }
    }

    /// f(x, y) and (∂f/∂x, ∂f/∂y).
    func valueAndGradient(_ x: Double, _ y: Double) -> (value: Double, dx: Double, dy: Double) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: registerCount + 2) { buffer in
            let registers = buffer.baseAddress!, adjoints = registers + registerCount
            adjoints[0] = -0.0
            adjoints[1] = -0.0
            let value = forward(registers, x, y)
            backward(registers, x, y, 1, adjoints)
            return (value, dependsOnX ? adjoints[0] : 0, dependsOnY ? adjoints[1] : 0)
        }
    }

    /// (∂f/∂x, ∂f/∂y), the same bits as `valueAndGradient`'s, without computing f.
    func gradient(_ x: Double, _ y: Double) -> (dx: Double, dy: Double) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: registerCount + 2) { buffer in
            let registers = buffer.baseAddress!, adjoints = registers + registerCount
            adjoints[0] = -0.0
            adjoints[1] = -0.0
            _ = prepare?(registers, x, y)
            backward(registers, x, y, 1, adjoints)
            return (dependsOnX ? adjoints[0] : 0, dependsOnY ? adjoints[1] : 0)
        }
    }

    // MARK: Compiling the tree

    /// One closure that runs `first` then `second`, either of which may be absent.
    private static func calling(_ first: Forward?, _ second: Forward?) -> Forward? {
        guard let first else { return second }
        guard let second else { return first }
        return { registers, x, y in
            _ = first(registers, x, y)
            return second(registers, x, y)
        }
    }

    private enum Operand {
        case variable(VariableOperand)
        case node(NodeOperand)
    }

    private static func operand(_ register: Int32, _ program: ExpressionProgram) -> Operand {
        switch register {
        case 0: return .variable(.x)
        case 1: return .variable(.y)
        default:
            let instruction = program.instructions[Int(register) - ExpressionProgram.inputCount]
            let slot = Int(register)
            let a = operand(instruction.a, program)
            guard instruction.opcode.isBinary else {
                switch a {
                case .variable(let variable): return .node(unary(instruction, slot, variable))
                case .node(let node): return .node(unary(instruction, slot, node))
                }
            }
            let b = operand(instruction.b, program)
            switch a {
            case .variable(let variable): return .node(binary(instruction, slot, variable, b))
            case .node(let node): return .node(binary(instruction, slot, node, b))
            }
        }
    }

    private static func binary<A: GradientOperand>(
        _ instruction: ExpressionProgram.Instruction, _ slot: Int, _ a: A, _ b: Operand
    ) -> NodeOperand {
        switch b {
        case .variable(let variable): binary(instruction.opcode, slot, a, variable)
        case .node(let node): binary(instruction.opcode, slot, a, node)
        }
    }

    /// A binary operation's closures. Backward: both adjoints are formed, handed to leaf
    /// operands left first, then passed down the right subtree before the left.
    private static func binary<A: GradientOperand, B: GradientOperand>(
        _ opcode: ExpressionProgram.Opcode, _ slot: Int, _ a: A, _ b: B
    ) -> NodeOperand {
        switch opcode {
        case .add: node(Rules.Add(), slot, a, b)
        case .subtract: node(Rules.Subtract(), slot, a, b)
        case .multiply: node(Rules.Multiply(), slot, a, b)
        case .divide: node(Rules.Divide(), slot, a, b)
        default: node(Rules.Power(), slot, a, b)
        }
    }

    /// A binary operation's closures. Backward: both adjoints are formed, handed to leaf
    /// operands left first, then passed down the right subtree before the left.
    /// Value roots: the node itself if its rule reads its value (its forward closure stores every
    /// value below), else its operands if the rule reads theirs, else its operands' roots.
    private static func node<Rule: BinaryRule, A: GradientOperand, B: GradientOperand>(
        _ rule: Rule, _ slot: Int, _ a: A, _ b: B
    ) -> NodeOperand {
        let forward: ExpressionGradient.Forward = { registers, x, y in
            let v = rule.value(a.evaluate(registers, x, y), b.evaluate(registers, x, y))
            registers[slot] = v
            return v
        }
        return NodeOperand(
            slot: slot,
            forward: forward,
            backward: { registers, x, y, g, sums in
                // A value the rule does not declare reading is NaN, so an undeclared read shows.
                let (ga, gb) = rule.adjoints(
                    g, Rule.readsOperands ? a.value(registers, x, y) : .nan,
                    Rule.readsOperands ? b.value(registers, x, y) : .nan, Rule.readsResult ? registers[slot] : .nan)
                a.receive(ga, sums)
                b.receive(gb, sums)
                b.propagate(gb, registers, x, y, sums)
                a.propagate(ga, registers, x, y, sums)
            },
            valueRoots: Rule.readsResult
                ? forward : Rule.readsOperands ? calling(a.ownForward, b.ownForward) : calling(a.valueRoots, b.valueRoots))
    }

    /// A unary operation's (or a constant's) closures.
    private static func unary<A: GradientOperand>(
        _ instruction: ExpressionProgram.Instruction, _ slot: Int, _ a: A
    ) -> NodeOperand {
        let c = instruction.constant
        switch instruction.opcode {
        case .constant: return node(Rules.Constant(c: c), slot, a)
        case .addConstant: return node(Rules.AddConstant(c: c), slot, a)
        case .subtractFromConstant: return node(Rules.SubtractFromConstant(c: c), slot, a)
        case .multiplyConstant: return node(Rules.MultiplyConstant(c: c), slot, a)
        case .divideByConstant: return node(Rules.DivideByConstant(c: c), slot, a)
        case .divideConstant: return node(Rules.DivideConstant(c: c), slot, a)
        case .powerConstant: return node(Rules.PowerConstant(c: c), slot, a)
        case .constantPower: return node(Rules.ConstantPower(c: c), slot, a)
        case .square: return node(Rules.Square(), slot, a)
        case .cube: return node(Rules.Cube(), slot, a)
        case .negate: return node(Rules.Negate(), slot, a)
        case .sin: return node(Rules.Sin(), slot, a)
        case .cos: return node(Rules.Cos(), slot, a)
        case .tan: return node(Rules.Tan(), slot, a)
        case .exp: return node(Rules.Exp(), slot, a)
        case .log: return node(Rules.Log(), slot, a)
        case .sqrt: return node(Rules.SquareRoot(), slot, a)
        case .abs: return node(Rules.Absolute(), slot, a)
        case .tanh: return node(Rules.HyperbolicTangent(), slot, a)
        case .add, .subtract, .multiply, .divide, .power:
            preconditionFailure("binary opcode \(instruction.opcode) compiled as unary")
        }
    }

    private static func node<Rule: UnaryRule, A: GradientOperand>(_ rule: Rule, _ slot: Int, _ a: A) -> NodeOperand {
        let forward: ExpressionGradient.Forward = { registers, x, y in
            let v = rule.value(a.evaluate(registers, x, y))
            registers[slot] = v
            return v
        }
        return NodeOperand(
            slot: slot,
            forward: forward,
            backward: { registers, x, y, g, sums in
                let ga = rule.adjoint(
                    g, Rule.readsOperands ? a.value(registers, x, y) : .nan, Rule.readsResult ? registers[slot] : .nan)
                a.receive(ga, sums)
                a.propagate(ga, registers, x, y, sums)
            },
            valueRoots: Rule.readsResult ? forward : Rule.readsOperands ? a.ownForward : a.valueRoots)
    }
}

/// An operand in the reverse sweep: x, y, or another operation.
protocol GradientOperand: Sendable {
    /// Computes the operand's value in the forward pass (an operation stores it).
    func evaluate(_ registers: UnsafeMutablePointer<Double>, _ x: Double, _ y: Double) -> Double
    /// The value the forward pass left.
    func value(_ registers: UnsafeMutablePointer<Double>, _ x: Double, _ y: Double) -> Double
    /// Takes an adjoint as it arrives: x and y add it to their sums.
    func receive(_ g: Double, _ sums: UnsafeMutablePointer<Double>)
    /// The forward closures that store every value the operand's backward pass reads, in one
    /// (nil if there are none).
    var valueRoots: ExpressionGradient.Forward? { get }
    /// The operand's own forward closure, if computing it takes one (x and y are read directly).
    var ownForward: ExpressionGradient.Forward? { get }
    /// Passes an adjoint down: an operation runs its backward closure.
    func propagate(_ g: Double, _ registers: UnsafeMutablePointer<Double>, _ x: Double, _ y: Double, _ sums: UnsafeMutablePointer<Double>)
}

/// x (index 0) or y (index 1): read directly, its adjoints summed in `sums[index]`.
struct VariableOperand: GradientOperand {
    let index: Int

    static let x = VariableOperand(index: 0)
    static let y = VariableOperand(index: 1)

    @inline(__always) func evaluate(_ registers: UnsafeMutablePointer<Double>, _ x: Double, _ y: Double) -> Double {
        index == 0 ? x : y
    }
    @inline(__always) func value(_ registers: UnsafeMutablePointer<Double>, _ x: Double, _ y: Double) -> Double {
        index == 0 ? x : y
    }
    @inline(__always) func receive(_ g: Double, _ sums: UnsafeMutablePointer<Double>) { sums[index] += g }
    var valueRoots: ExpressionGradient.Forward? { nil }
    var ownForward: ExpressionGradient.Forward? { nil }
    @inline(__always) func propagate(
        _ g: Double, _ registers: UnsafeMutablePointer<Double>, _ x: Double, _ y: Double, _ sums: UnsafeMutablePointer<Double>
    ) {}
}

struct NodeOperand: GradientOperand {
    let slot: Int
    let forward: ExpressionGradient.Forward
    let backward: ExpressionGradient.Backward
    let valueRoots: ExpressionGradient.Forward?

    @inline(__always) func evaluate(_ registers: UnsafeMutablePointer<Double>, _ x: Double, _ y: Double) -> Double {
        forward(registers, x, y)
    }
    @inline(__always) func value(_ registers: UnsafeMutablePointer<Double>, _ x: Double, _ y: Double) -> Double {
        registers[slot]
    }
    @inline(__always) func receive(_ g: Double, _ sums: UnsafeMutablePointer<Double>) {}
    var ownForward: ExpressionGradient.Forward? { forward }
    @inline(__always) func propagate(
        _ g: Double, _ registers: UnsafeMutablePointer<Double>, _ x: Double, _ y: Double, _ sums: UnsafeMutablePointer<Double>
    ) {
        backward(registers, x, y, g, sums)
    }
}
