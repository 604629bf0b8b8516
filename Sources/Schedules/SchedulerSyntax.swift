/// A scheduler spec's syntax before any meaning is given to it:
///
///     spec     = name [ "(" [ argument { "," argument } ] ")" ]
///     argument = key "=" value { ";" value }   |   spec
///
/// so that schedulers nest (`sequentiallr(linearlr(total_iters=20), cosineannealinglr(T_max=280),
/// milestones=20)`) and lists are written with `;` (`milestones=30;60`). Columns are 1-based.
struct SchedulerSyntax {
    struct Argument {
        let key: String
        let values: [String]
        let column: Int
    }

    let name: String
    let column: Int
    let arguments: [Argument]
    let children: [SchedulerSyntax]

    /// Parses `text`, throwing a message with the column of the first problem.
    static func parse(_ text: String) throws(SchedulerSpecError) -> SchedulerSyntax {
        var parser = Parser(text: text, characters: Array(text))
        let syntax = try parser.spec()
        parser.skipSpaces()
        guard parser.position == parser.characters.count else {
            throw parser.error("unexpected '\(parser.characters[parser.position])' after the spec")
        }
        return syntax
    }

    private struct Parser {
        let text: String
        let characters: [Character]
        var position = 0

        func error(_ message: String) -> SchedulerSpecError {
            SchedulerSpecError(spec: text, "\(message) at column \(position + 1)")
        }

        mutating func skipSpaces() {
            while position < characters.count, characters[position].isWhitespace { position += 1 }
        }

        private var next: Character? { position < characters.count ? characters[position] : nil }

        private mutating func word() -> String {
            let start = position
            while let character = next, character.isLetter || character.isNumber || character == "_" { position += 1 }
            return String(characters[start..<position])
        }

        private mutating func value() -> String {
            let start = position
            while let character = next, !",;()=".contains(character), !character.isWhitespace { position += 1 }
            return String(characters[start..<position])
        }

        mutating func spec() throws(SchedulerSpecError) -> SchedulerSyntax {
            skipSpaces()
            let column = position + 1
            let name = word()
            guard !name.isEmpty else { throw error("expected a scheduler name such as cosineannealinglr(T_max=300)") }
            skipSpaces()
            var arguments: [Argument] = [], children: [SchedulerSyntax] = []
            guard next == "(" else { return SchedulerSyntax(name: name, column: column, arguments: [], children: []) }
            position += 1
            skipSpaces()
            if next == ")" {
                position += 1
                return SchedulerSyntax(name: name, column: column, arguments: [], children: [])
            }
            while true {
                skipSpaces()
                let start = position
                let key = word()
                guard let first = key.first, !first.isNumber else {
                    position = start
                    throw error("expected a key such as T_max=300 or a scheduler (a list is written with ';', e.g. milestones=30;60)")
                }
                skipSpaces()
                if next == "=" {
                    position += 1
                    var values: [String] = []
                    repeat {
                        if !values.isEmpty { position += 1 }
                        skipSpaces()
                        let item = value()
                        guard !item.isEmpty else { throw error("expected a value for '\(key)'") }
                        values.append(item)
                        skipSpaces()
                    } while next == ";"
                    arguments.append(Argument(key: key, values: values, column: start + 1))
                } else {
                    position = start
                    children.append(try spec())
                    skipSpaces()
                }
                guard let character = next else { throw error("expected ',' or ')'; close the list with ')'") }
                position += 1
                if character == ")" { break }
                guard character == "," else {
                    position -= 1
                    throw error("expected ',' or ')'")
                }
            }
            return SchedulerSyntax(name: name, column: column, arguments: arguments, children: children)
        }
    }
}
