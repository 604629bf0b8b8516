/// A parsed expression in x and y: a tree whose nodes remember the UTF-8 byte range of
/// the source text they came from, so that later errors can point at them.
public struct ExpressionSyntax: Sendable, Equatable, CustomStringConvertible {
    /// Only the recursive cases are boxed (`call`'s array already is). Leaves stay inline, and
    /// the boxes are held by plain pointers: an all-`indirect` enum keeps its case in the spare
    /// high bits of the box pointer, which LeakSanitizer cannot follow, so a tree held by a
    /// global until exit was reported as leaked.
    public enum Kind: Sendable, Equatable {
        case number(Double)
        case variable(Variable)
        case constant(NamedConstant)
        indirect case negate(ExpressionSyntax)
        indirect case binary(BinaryOperator, ExpressionSyntax, ExpressionSyntax)
        case call(MathFunction, [ExpressionSyntax])
    }

    public var kind: Kind
    /// UTF-8 byte offsets into the parsed text.
    public var range: Range<Int>
    /// The height of the tree (a leaf is 1); the parser bounds it.
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
