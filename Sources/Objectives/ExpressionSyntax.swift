/// A parsed expression in x and y: a tree whose nodes remember the UTF-8 byte range of
/// the source text they came from, so that later errors can point at them.
public struct ExpressionSyntax: Sendable, Equatable, CustomStringConvertible {
    /// The recursive cases are boxed, the leaves stored inline. The `Double` of `number` has
    /// no spare bits, so the case goes in a tag byte of its own and every pointer is stored as
    /// is. When the payloads' pointers share spare bits (an all-`indirect` enum, or an unboxed
    /// array in `call`), Swift keeps the case in their high bits, where LeakSanitizer cannot
    /// follow them: trees held by globals until exit were reported as leaked.
    public enum Kind: Sendable, Equatable {
        case number(Double)
        case variable(Variable)
        case constant(NamedConstant)
        indirect case negate(ExpressionSyntax)
        indirect case binary(BinaryOperator, ExpressionSyntax, ExpressionSyntax)
        indirect case call(MathFunction, [ExpressionSyntax])
    }

    public private(set) var kind: Kind
    /// UTF-8 byte offsets into the parsed text.
    public var range: Range<Int>
    /// The height of the tree (a leaf is 1); the parser bounds it by `ExpressionParser.maximumHeight`.
    public let height: Int

    init(_ kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
        switch kind {
        case .number, .variable, .constant: height = 1
        case .negate(let operand): height = operand.height + 1
        case .binary(_, let left, let right): height = max(left.height, right.height) + 1
        case .call(_, let arguments): height = (arguments.map(\.height).max() ?? 0) + 1
        }
    }

    /// Fully parenthesised form, e.g. `(-(x ^ 2))`, showing how the text was grouped.
    public var description: String {
        switch kind {
        case .number(let value): return "\(value)"
        case .variable(let variable): return variable.rawValue
        case .constant(let constant): return constant.rawValue
        case .negate(let operand): return "(-\(operand))"
        case .binary(let op, let left, let right): return "(\(left) \(op.rawValue) \(right))"
        case .call(let function, let arguments):
            return "\(function.rawValue)(\(arguments.map(\.description).joined(separator: ", ")))"
        }
    }
}

/// The variables of the expression language; x is coordinate 0, y coordinate 1.
public enum Variable: String, Sendable, CaseIterable {
    case x, y
    var index: Int { self == .x ? 0 : 1 }
}

/// Named constants: `pi` (π) and `e` (Euler's number), as the nearest doubles.
public enum NamedConstant: String, Sendable, CaseIterable {
    case pi, e
    public var value: Double { self == .pi ? Double.pi : 2.718281828459045 }
}

/// `+ - * / ^`; `^` is power, right-associative (`2^3^2 = 2^9`).
public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
}

/// The functions of the expression language, each of one argument.
public enum MathFunction: String, Sendable, CaseIterable {
    case sin, cos, tan, exp, log, sqrt, abs, tanh
    /// How many arguments the function takes.
    public var arity: Int { 1 }
}
