/// Parses the expression language by recursive descent. Grammar, loosest first:
///
///     sum     = product (("+" | "-") product)*
///     product = unary (("*" | "/") unary)*
///     unary   = "-" unary | "+" unary | power
///     power   = primary ("^" unary)?          right-associative; binds tighter than unary
///                                             minus, so -x^2 = -(x^2) and x^-2 = x^(-2)
///     primary = number | "x" | "y" | "pi" | "e" | function "(" sum ("," sum)* ")" | "(" sum ")"
///
/// No input can exhaust the stack: every recursive descent (into parentheses, a function's
/// arguments, a sign's operand, a power's exponent) goes through `nested`, which allows at most
/// `maximumHeight` levels, and every node built is checked to be at most that high, so chains
/// built by loops (`x+x+...`) are bounded too. Everything that later recurses over the tree (the
/// compilers, the reverse sweep, printing, equality) recurses at most `maximumHeight` deep.
struct ExpressionParser {
    /// The one nesting limit of the expression language, for parsing and the tree alike.
    static let maximumHeight = 200

    private let tokens: [Token]
    private var position = 0
    private var nesting = 0

    init(tokens: [Token]) { self.tokens = tokens }

    static func parse(_ text: String) throws(SyntaxError) -> ExpressionSyntax {
        var parser = ExpressionParser(tokens: try tokenize(text))
        if case .end = parser.current.kind {
            throw SyntaxError(message: "empty expression: write a function of x and y, such as x^2 + y^2", range: 0..<0)
        }
        let tree = try parser.parseSum()
        switch parser.current.kind {
        case .end:
            return tree
        case .symbol(UInt8(ascii: ")")):
            throw SyntaxError(message: "unbalanced ')': no '(' to close", range: parser.current.range)
        case .number, .identifier, .symbol(UInt8(ascii: "(")):
            throw SyntaxError(
                message: "expected an operator before \(parser.current.quoted) (multiplication needs '*')",
                range: parser.current.range)
        default:
            throw SyntaxError(message: "unexpected \(parser.current.quoted)", range: parser.current.range)
        }
    }

    private var current: Token { tokens[position] }

    private func isSymbol(_ symbol: Character) -> Bool {
        if case .symbol(let byte) = current.kind { return byte == symbol.asciiValue }
        return false
    }

    private static func tooDeep(at range: Range<Int>) -> SyntaxError {
        SyntaxError(
            message: "expression is nested too deeply (more than \(maximumHeight) levels); simplify it",
            range: range)
    }

    private func checked(_ node: ExpressionSyntax) throws(SyntaxError) -> ExpressionSyntax {
        guard node.height <= Self.maximumHeight else { throw Self.tooDeep(at: node.range) }
        return node
    }

    /// Runs one recursive descent, opened by `token`, one level deeper; refuses the level past
    /// `maximumHeight` before recursing, so the stack holds at most that many levels.
    private mutating func nested<T>(
        at token: Token, _ descend: (inout ExpressionParser) throws(SyntaxError) -> T
    ) throws(SyntaxError) -> T {
        guard nesting < Self.maximumHeight else { throw Self.tooDeep(at: token.range) }
        nesting += 1
        defer { nesting -= 1 }
        return try descend(&self)
    }

    private mutating func parseSum() throws(SyntaxError) -> ExpressionSyntax {
        var left = try parseProduct()
        while isSymbol("+") || isSymbol("-") {
            let op: BinaryOperator = isSymbol("+") ? .add : .subtract
            position += 1
            let right = try parseProduct()
            left = try checked(ExpressionSyntax(.binary(op, left, right), range: left.range.lowerBound..<right.range.upperBound))
        }
        return left
    }

    private mutating func parseProduct() throws(SyntaxError) -> ExpressionSyntax {
        var left = try parseUnary()
        while isSymbol("*") || isSymbol("/") {
            let op: BinaryOperator = isSymbol("*") ? .multiply : .divide
            position += 1
            if op == .multiply, isSymbol("*") {
                throw SyntaxError(message: "unexpected '*': use '^' for powers, as in x^2", range: current.range)
            }
            let right = try parseUnary()
            left = try checked(ExpressionSyntax(.binary(op, left, right), range: left.range.lowerBound..<right.range.upperBound))
        }
        return left
    }

    private mutating func parseUnary() throws(SyntaxError) -> ExpressionSyntax {
        guard isSymbol("-") || isSymbol("+") else { return try parsePower() }
        let sign = current
        position += 1
        let operand = try nested(at: sign) { parser throws(SyntaxError) in try parser.parseUnary() }
        if sign.kind == .symbol(UInt8(ascii: "+")) { return operand }
        return try checked(ExpressionSyntax(.negate(operand), range: sign.range.lowerBound..<operand.range.upperBound))
    }

    private mutating func parsePower() throws(SyntaxError) -> ExpressionSyntax {
        let base = try parsePrimary()
        guard isSymbol("^") else { return base }
        let caret = current
        position += 1
        let exponent = try nested(at: caret) { parser throws(SyntaxError) in try parser.parseUnary() }
        return try checked(ExpressionSyntax(.binary(.power, base, exponent), range: base.range.lowerBound..<exponent.range.upperBound))
    }

    private mutating func parsePrimary() throws(SyntaxError) -> ExpressionSyntax {
        let token = current
        switch token.kind {
        case .number(let value):
            position += 1
            return ExpressionSyntax(.number(value), range: token.range)
        case .identifier(let name):
            position += 1
            return try parseName(name, token: token)
        case .symbol(UInt8(ascii: "(")):
            return try parseParenthesised()
        case .end:
            let previous = tokens[position - 1]
            throw SyntaxError(message: "expected an operand after \(previous.quoted), found end of input", range: token.range)
        default:
            throw SyntaxError(message: "unexpected \(token.quoted): expected a number, x, y, a constant, a function or '('", range: token.range)
        }
    }

    private mutating func parseParenthesised() throws(SyntaxError) -> ExpressionSyntax {
        let open = current
        position += 1
        if isSymbol(")") { throw SyntaxError(message: "empty parentheses", range: open.range.lowerBound..<current.range.upperBound) }
        var inner = try nested(at: open) { parser throws(SyntaxError) in try parser.parseSum() }
        guard isSymbol(")") else { throw unclosed(open) }
        inner.range = open.range.lowerBound..<current.range.upperBound
        position += 1
        return inner
    }

    private func unclosed(_ open: Token) -> SyntaxError {
        if case .end = current.kind {
            return SyntaxError(message: "unbalanced '(': missing ')' before end of input", range: open.range)
        }
        return SyntaxError(message: "expected ')' to close the '(' but found \(current.quoted)", range: current.range)
    }

    private mutating func parseName(_ name: String, token: Token) throws(SyntaxError) -> ExpressionSyntax {
        let calls = isSymbol("(")
        if let function = MathFunction(rawValue: name) {
            guard calls else {
                throw SyntaxError(message: "function '\(name)' needs an argument in parentheses, as in \(name)(x)", range: token.range)
            }
            return try parseCall(function, token: token)
        }
        if calls {
            if Variable(rawValue: name) != nil || NamedConstant(rawValue: name) != nil {
                throw SyntaxError(message: "'\(name)' is not a function (multiplication needs '*')", range: token.range)
            }
            let functions = MathFunction.allCases.map(\.rawValue)
            throw SyntaxError(
                message: "unknown function '\(name)'" + (nearestName(to: name, among: functions).map { " (did you mean '\($0)'?)" }
                    ?? "; the functions are \(functions.joined(separator: ", "))"),
                range: token.range)
        }
        if let variable = Variable(rawValue: name) { return ExpressionSyntax(.variable(variable), range: token.range) }
        if let constant = NamedConstant(rawValue: name) { return ExpressionSyntax(.constant(constant), range: token.range) }
        let names = Variable.allCases.map(\.rawValue) + NamedConstant.allCases.map(\.rawValue) + MathFunction.allCases.map(\.rawValue)
        throw SyntaxError(
            message: "unknown name '\(name)'" + (nearestName(to: name, among: names).map { " (did you mean '\($0)'?)" }
                ?? "; the variables are x and y, the constants pi and e"),
            range: token.range)
    }

    private mutating func parseCall(_ function: MathFunction, token: Token) throws(SyntaxError) -> ExpressionSyntax {
        let open = current
        position += 1
        var arguments = [ExpressionSyntax]()
        if !isSymbol(")") {
            arguments.append(try nested(at: open) { parser throws(SyntaxError) in try parser.parseSum() })
            while isSymbol(",") {
                position += 1
                arguments.append(try nested(at: open) { parser throws(SyntaxError) in try parser.parseSum() })
            }
        }
        guard isSymbol(")") else { throw unclosed(open) }
        let range = token.range.lowerBound..<current.range.upperBound
        position += 1
        guard arguments.count == function.arity else {
            let expected = function.arity == 1 ? "1 argument" : "\(function.arity) arguments"
            throw SyntaxError(message: "\(function.rawValue) takes \(expected), got \(arguments.count)", range: range)
        }
        return try checked(ExpressionSyntax(.call(function, arguments), range: range))
    }
}

extension ExpressionSyntax {
    /// Parses `text`; errors name `sourceName`, line and column, with a caret under the fault.
    public static func parse(_ text: String, sourceName: String = "expression") throws(ObjectiveError) -> ExpressionSyntax {
        do {
            return try ExpressionParser.parse(text)
        } catch {
            throw ObjectiveError(error.message, at: SourceLocation(utf8Range: error.range, in: text, sourceName: sourceName))
        }
    }
}
