import Foundation

/// Reads function definition files: TOML with these keys.
///
///     name = "rosenbrock"                               required: letters, digits, - and _
///     title = "Rosenbrock"                              optional, defaults to the name
///     description = "..."                               optional
///     expression = "(1-x)^2 + 100*(y-x^2)^2"            required: a function of x and y
///     domain = { x = [-2.0, 2.0], y = [-1.0, 3.0] }    optional: the plotting rectangle
///     minima = [[1.0, 1.0]]                             optional, default []: global minima
///     start = [-2.0, 2.0]                               required: the default start point
///     levels = "log"                                    optional: "log" or "linear" (default)
///
/// The TOML is parsed by TOMLKit (see `TOMLDocument`). Every error names the file, line and
/// column, with a caret under the fault. TOMLKit gives no positions for values, so the loader
/// finds each key's line in the text itself.
public enum FunctionFile {
    static let keys = ["name", "title", "description", "expression", "domain", "minima", "start", "levels"]

    /// Reads and checks the definition file at `path`.
    public static func load(path: String) throws(ObjectiveError) -> FunctionDefinition {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw ObjectiveError("\(path): not UTF-8 text; function files are TOML, which must be UTF-8")
            }
            text = decoded
        } catch let error as ObjectiveError {
            throw error
        } catch {
            throw ObjectiveError("cannot read function file '\(path)': \((error as NSError).localizedDescription)")
        }
        return try parse(text, sourceName: path, origin: .file(path: path))
    }

    /// How deeply a function file may nest tables and arrays, counting each component of a
    /// dotted key (`a.b.c = 1` is three tables deep) and each `[` and `{`. A definition needs 3
    /// (`domain = { x = [...] }`); toml++ bounds values alone at 256 but not dotted keys, and
    /// its tables, freed recursively, overflowed the stack from about 15,000 levels.
    static let maximumNesting = 32

    /// Refuses two faults on which toml++ 3 (inside TOMLKit 0.6.0) asserts and aborts the process
    /// instead of reporting an error (both found by Fuzz/run.sh): a table header whose key starts
    /// with a character no key can start with (`[`x]`, `[` ending a line), and a bracket that
    /// closes the wrong kind (`[1, }`); and nesting deeper than `maximumNesting`. Headers are lines
    /// that start with `[` outside strings, comments, arrays and inline tables; keys start
    /// statements and follow `{` and `,` in inline tables.
    private static func checkStructure(_ text: String, reader: Reader) throws(ObjectiveError) {
        let bytes = Array(text.utf8)
        func isKeyStart(_ c: UInt8) -> Bool {
            (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2D || c == 0x22 || c == 0x27 || c == 0x5D
        }
        func skipBlanks(_ j: inout Int) { while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 } }
        /// Skips a quoted string (single or tripled) that starts at `i`.
        func skipString(_ i: inout Int) {
            let c = bytes[i]
            let triple = i + 2 < bytes.count && bytes[i + 1] == c && bytes[i + 2] == c
            i += triple ? 3 : 1
            while i < bytes.count {
                if c == 0x22, bytes[i] == 0x5C { i += 2; continue }
                if triple ? (i + 2 < bytes.count && bytes[i] == c && bytes[i + 1] == c && bytes[i + 2] == c) : bytes[i] == c || bytes[i] == 0x0A { break }
                i += 1
            }
            i += triple ? 3 : 1
        }
        /// Skips the dotted key that starts at `j` (bare and quoted parts) and returns how many parts it has.
        func keyParts(_ j: inout Int) -> Int {
            var parts = 0
            while j < bytes.count {
                skipBlanks(&j)
                guard j < bytes.count else { break }
                if bytes[j] == 0x22 || bytes[j] == 0x27 {
                    skipString(&j)
                } else {
                    let first = j
                    while j < bytes.count, isKeyStart(bytes[j]), bytes[j] != 0x22, bytes[j] != 0x27, bytes[j] != 0x5D { j += 1 }
                    if j == first { break }
                }
                parts += 1
                skipBlanks(&j)
                guard j < bytes.count, bytes[j] == 0x2E else { break }
                j += 1
            }
            return parts
        }
        func checkDepth(_ depth: Int, at offset: Int) throws(ObjectiveError) {
            guard depth <= maximumNesting else {
                throw reader.error(
                    "TOML nested too deeply (more than \(maximumNesting) levels of tables, arrays and dotted keys); a definition needs 3", at: offset)
            }
        }
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0, lineStart = true  // toml++ skips a UTF-8 byte order mark
        var open: [(bracket: UInt8, depth: Int)] = []  // the unclosed [ and { of values, innermost last
        var tableDepth = 0  // the parts of the last [table] header's key
        var valueDepth = 0  // the depth of the value being read
        var expectingKey = true
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case 0x0A:
                lineStart = true
                expectingKey = open.isEmpty
                i += 1
                continue
            case 0x20, 0x09, 0x0D: i += 1; continue
            case 0x23:  // # comment
                while i < bytes.count, bytes[i] != 0x0A { i += 1 }
                continue
            case 0x5B where lineStart && open.isEmpty:  // [table] or [[array-of-tables]]
                var j = i + 1
                skipBlanks(&j)
                if j < bytes.count, bytes[j] == 0x5B { j += 1; skipBlanks(&j) }
                if j < bytes.count, !isKeyStart(bytes[j]) {
                    throw reader.error("malformed TOML: a table header needs a key after '[', as in [section] or [\"my key\"]", at: j)
                }
                let keyStart = j
                tableDepth = keyParts(&j)
                try checkDepth(tableDepth, at: keyStart)
                while i < bytes.count, bytes[i] != 0x0A { i += 1 }
                continue
            case _ where expectingKey && isKeyStart(c) && c != 0x5D:
                let keyStart = i
                valueDepth = (open.last?.depth ?? tableDepth) + keyParts(&i)
                try checkDepth(valueDepth, at: keyStart)
                expectingKey = false
                lineStart = false
                continue
            case 0x22, 0x27:  // " or ', single or tripled
                skipString(&i)
                lineStart = false
                continue
            case 0x5B, 0x7B:
                valueDepth += 1
                try checkDepth(valueDepth, at: i)
                open.append((c, valueDepth))
                expectingKey = c == 0x7B
            case 0x5D, 0x7D:
                if let innermost = open.popLast(), innermost.bracket != c - 2 {
                    throw reader.error(
                        "malformed TOML: '\(Character(Unicode.Scalar(c)))' cannot close the '\(Character(Unicode.Scalar(innermost.bracket)))' still open here", at: i)
                }
            case 0x2C:  // , between array values or inline-table entries
                if let innermost = open.last {
                    valueDepth = innermost.depth
                    expectingKey = innermost.bracket == 0x7B
                }
            default: break
            }
            lineStart = false
            i += 1
        }
    }

    /// Parses and checks the definition in `text`; errors name `sourceName`.
    public static func parse(_ text: String, sourceName: String, origin: FunctionDefinition.Origin) throws(ObjectiveError) -> FunctionDefinition {
        let reader = Reader(text: text, sourceName: sourceName)
        if text.utf8.contains(0) {
            throw reader.error("the file contains a NUL byte; function files are TOML text", at: Array(text.utf8).firstIndex(of: 0) ?? 0)
        }
        // toml++ aborts on Unicode line separators (NEL, LS, PS) where it expects a value.
        let separators: [[UInt8]] = [[0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9]]
        let bytes = Array(text.utf8)
        if let offset = bytes.indices.first(where: { index in separators.contains { bytes[index...].starts(with: $0) } }) {
            throw reader.error("the file contains a Unicode line separator (U+0085, U+2028 or U+2029); use a plain line break", at: offset)
        }
        if let (offset, message) = reader.syntaxThatTrapsTOMLKit() {
            throw reader.error("malformed TOML: \(message)", at: offset)
        }
        try checkStructure(text, reader: reader)
        let table: TOMLDocument
        do {
            table = try TOMLDocument(parsing: text)
        } catch {
            // toml++ quotes the offending character as is, a line break included: keep the message on one line.
            let description = error.message.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
            throw reader.error("malformed TOML: \(description)", line: error.line, column: error.column)
        }
        for key in table.keys where !keys.contains(key) {
            throw reader.error(
                "unknown key '\(key)'" + (nearestName(to: key, among: keys).map { " (did you mean '\($0)'?)" }
                    ?? "; the keys are \(keys.joined(separator: ", "))"),
                key: [key])
        }

        let name = try reader.string(table, "name", required: true)!
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw reader.error("'name' must be letters, digits, '-' and '_', as in \"my-function\"", key: ["name"], value: true)
        }
        let title = try reader.string(table, "title", required: false) ?? name
        let description = try reader.string(table, "description", required: false)
        let expressionText = try reader.string(table, "expression", required: true)!
        let syntax: ExpressionSyntax
        do {
            syntax = try ExpressionParser.parse(expressionText)
        } catch {
            throw reader.expressionError(error, expression: expressionText)
        }
        let domain = try reader.domain(table)
        let minima = try reader.points(table, "minima")
        let start = try reader.point(table["start"], key: ["start"], required: true)!
        let levels = try reader.string(table, "levels", required: false) ?? "linear"
        guard let levelScale = LevelScale(rawValue: levels) else {
            throw reader.error("'levels' must be \"log\" or \"linear\", not \"\(levels)\"", key: ["levels"], value: true)
        }
        return FunctionDefinition(
            name: name, title: title, description: description, expression: expressionText,
            domain: domain, minima: minima, start: start, levelScale: levelScale, origin: origin,
            objective: ExpressionObjective(text: expressionText, syntax: syntax))
    }

    /// Typed access to the table, with errors that point into the source text.
    private struct Reader {
        let text: String
        let sourceName: String
        let bytes: [UInt8]

        init(text: String, sourceName: String) {
            self.text = text
            self.sourceName = sourceName
            self.bytes = Array(text.utf8)
        }

        func error(_ message: String, at offset: Int, length: Int = 1) -> ObjectiveError {
            ObjectiveError(message, at: SourceLocation(utf8Range: offset..<offset + length, in: text, sourceName: sourceName))
        }

        /// Two malformations on which TOMLKit's toml++ asserts (aborting the process) instead of
        /// reporting an error, both found by fuzzing: a table header that does not start with a
        /// key (`[=]`, `[é]`), and `}` where an array value belongs (`[1, }`). Returns the
        /// offset of the fault and a message. Strings and comments are skipped.
        func syntaxThatTrapsTOMLKit() -> (offset: Int, message: String)? {
            var containers = [UInt8]()  // open '[' (arrays) and '{' (inline tables) of values
            var expectingArrayValue = false
            var lineStart = true
            var i = 0
            func isKeyStart(_ b: UInt8) -> Bool {
                (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == 0x2D || b == 0x5F
                    || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
            }
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\n") {
                    lineStart = true
                    i += 1
                    continue
                }
                if b == 0x20 || b == 0x09 || b == 0x0D {
                    i += 1
                    continue
                }
                if b == UInt8(ascii: "#") {
                    while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
                    continue
                }
                let wasExpectingArrayValue = expectingArrayValue
                expectingArrayValue = false
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    let triple = i + 2 < bytes.count && bytes[i + 1] == b && bytes[i + 2] == b
                    let delimiter = triple ? [b, b, b] : [b]
                    i += delimiter.count
                    while i < bytes.count, !bytes[i...].starts(with: delimiter) {
                        if !triple, bytes[i] == UInt8(ascii: "\n") { break }
                        if b == UInt8(ascii: "\""), bytes[i] == UInt8(ascii: "\\") { i += 1 }
                        i += 1
                    }
                    i += delimiter.count
                    lineStart = false
                    continue
                }
                if b == UInt8(ascii: "["), containers.isEmpty, lineStart {
                    var j = i + 1
                    if j < bytes.count, bytes[j] == UInt8(ascii: "[") { j += 1 }
                    while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                    if j < bytes.count, !isKeyStart(bytes[j]), bytes[j] != UInt8(ascii: "]") {
                        return (j, "a table header needs a key, as in [domain]")
                    }
                    while i < bytes.count, bytes[i] != UInt8(ascii: "\n"), bytes[i] != UInt8(ascii: "#") { i += 1 }
                    continue
                }
                lineStart = false
                switch b {
                case UInt8(ascii: "}") where wasExpectingArrayValue:
                    return (i, "'}' where an array value or ']' belongs")
                case UInt8(ascii: "["):
                    containers.append(b)
                    expectingArrayValue = true
                case UInt8(ascii: "{"):
                    containers.append(b)
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    _ = containers.popLast()
                case UInt8(ascii: ","):
                    expectingArrayValue = containers.last == UInt8(ascii: "[")
                default:
                    break
                }
                i += 1
            }
            return nil
        }

        /// An error at a 1-based line and column as TOMLKit reports them.
        func error(_ message: String, line: Int, column: Int) -> ObjectiveError {
            var offset = 0
            var currentLine = 1
            while currentLine < line, offset < bytes.count {
                if bytes[offset] == UInt8(ascii: "\n") { currentLine += 1 }
                offset += 1
            }
            let lineStart = offset
            var end = lineStart
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let lineText = String(decoding: bytes[lineStart..<end], as: UTF8.self)
            let prefix = lineText.prefix(max(0, column - 1))
            return self.error(message, at: lineStart + prefix.utf8.count)
        }

        /// An error at a key's line: under the key, or with `value`, under its value. A key
        /// that is absent points at the table that should hold it (line 1 for the top level).
        func error(_ message: String, key path: [String], value: Bool = false) -> ObjectiveError {
            guard let (keyRange, valueRange) = locate(path) else {
                if path.count > 1, let (parent, _) = locate(Array(path.dropLast())) {
                    return error(message, at: parent.lowerBound, length: parent.count)
                }
                return error(message, at: 0)
            }
            let range = value ? valueRange : keyRange
            return error(message, at: range.lowerBound, length: range.count)
        }

        /// The byte ranges of a key and of its value (to the end of the line, without a
        /// trailing comment), found by scanning the text: a top-level key at the start of a
        /// line, a nested key as the first `key =` after its parent's key or `[table]` header.
        func locate(_ path: [String]) -> (key: Range<Int>, value: Range<Int>)? {
            var searchFrom = 0
            var found: (Range<Int>, Range<Int>)?
            for (depth, key) in path.enumerated() {
                guard let match = findKey(key, from: searchFrom, atLineStart: depth == 0) else { return nil }
                found = match
                searchFrom = match.0.upperBound
            }
            return found
        }

        private func findKey(_ key: String, from start: Int, atLineStart: Bool) -> (Range<Int>, Range<Int>)? {
            let keyBytes = Array(key.utf8)
            var i = start
            func isKeyByte(_ b: UInt8) -> Bool {
                (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == 0x2D || b == 0x5F
            }
            while i + keyBytes.count <= bytes.count {
                defer { i += 1 }
                guard Array(bytes[i..<i + keyBytes.count]) == keyBytes else { continue }
                if i > 0, isKeyByte(bytes[i - 1]) { continue }
                let end = i + keyBytes.count
                if end < bytes.count, isKeyByte(bytes[end]) { continue }
                if atLineStart {
                    var j = i
                    while j > 0, bytes[j - 1] == 0x20 || bytes[j - 1] == 0x09 || bytes[j - 1] == UInt8(ascii: "[") { j -= 1 }
                    guard j == 0 || bytes[j - 1] == UInt8(ascii: "\n") else { continue }
                }
                var j = end
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "]") {  // a [table] header
                    return (i..<end, i..<end)
                }
                guard j < bytes.count, bytes[j] == UInt8(ascii: "=") else { continue }
                j += 1
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                var valueEnd = j
                while valueEnd < bytes.count, bytes[valueEnd] != UInt8(ascii: "\n"), bytes[valueEnd] != UInt8(ascii: "\r") { valueEnd += 1 }
                if let hash = bytes[j..<valueEnd].firstIndex(of: UInt8(ascii: "#")), bytes[j] != UInt8(ascii: "\""), bytes[j] != UInt8(ascii: "'") {
                    valueEnd = hash
                }
                while valueEnd > j, bytes[valueEnd - 1] == 0x20 || bytes[valueEnd - 1] == 0x09 { valueEnd -= 1 }
                return (i..<end, j..<max(valueEnd, j + 1))
            }
            return nil
        }

        /// A syntax error of the expression, placed in the file: exactly, when the TOML string
        /// holds the expression verbatim (no escapes); otherwise at the start of the value.
        func expressionError(_ error: SyntaxError, expression: String) -> ObjectiveError {
            guard let (_, value) = locate(["expression"]) else { return self.error(error.message, at: 0) }
            var start = value.lowerBound
            for delimiter in ["\"\"\"", "'''", "\"", "'"] where bytes[start...].starts(with: delimiter.utf8) {
                start += delimiter.utf8.count
                if delimiter.count == 3 {
                    if bytes[start...].starts(with: "\r\n".utf8) { start += 2 } else if bytes[start...].starts(with: "\n".utf8) { start += 1 }
                }
                break
            }
            let expressionBytes = Array(expression.utf8)
            guard bytes[start...].starts(with: expressionBytes) else {
                return self.error(error.message, at: value.lowerBound, length: value.count)
            }
            return self.error(error.message, at: start + error.range.lowerBound, length: max(1, error.range.count))
        }

        func string(_ table: TOMLDocument, _ key: String, required: Bool) throws(ObjectiveError) -> String? {
            guard let value = table[key] else {
                if required { throw error("missing key '\(key)'", key: [key]) }
                return nil
            }
            guard let string = value.string else {
                throw error("'\(key)' must be a string in quotes, not \(value.kindName)", key: [key], value: true)
            }
            return string
        }

        /// A point [x, y] of two finite numbers.
        func point(_ value: TOMLDocument.Value?, key path: [String], required: Bool) throws(ObjectiveError) -> [Double]? {
            let name = path.joined(separator: ".")
            guard let value else {
                if required { throw error("missing key '\(name)'", key: path) }
                return nil
            }
            guard let array = value.array, array.count == 2, let x = array[0].number, let y = array[1].number else {
                throw error("'\(name)' must be a point [x, y] of two numbers", key: path, value: true)
            }
            guard x.isFinite, y.isFinite else {
                throw error("'\(name)' must have finite coordinates", key: path, value: true)
            }
            return [x, y]
        }

        func points(_ table: TOMLDocument, _ key: String) throws(ObjectiveError) -> [[Double]] {
            guard let value = table[key] else { return [] }
            guard let array = value.array else {
                throw error("'\(key)' must be a list of points, as in [[1.0, 1.0]] (or [] for none)", key: [key], value: true)
            }
            var points = [[Double]]()
            for element in array {
                guard let point = try point(element, key: [key], required: true) else { continue }
                points.append(point)
            }
            return points
        }

        func domain(_ table: TOMLDocument) throws(ObjectiveError) -> Domain? {
            guard let value = table["domain"] else { return nil }
            guard let domain = value.table else {
                throw error("'domain' must be a table, as in domain = { x = [-2.0, 2.0], y = [-1.0, 3.0] }", key: ["domain"], value: true)
            }
            for key in domain.keys where key != "x" && key != "y" {
                throw error("unknown key 'domain.\(key)': the domain has x and y", key: ["domain", key])
            }
            func range(_ axis: String) throws(ObjectiveError) -> ClosedRange<Double> {
                let path = ["domain", axis]
                guard let value = domain[axis] else {
                    throw error("missing key 'domain.\(axis)'", key: path)
                }
                guard let array = value.array, array.count == 2, let low = array[0].number, let high = array[1].number else {
                    throw error("'domain.\(axis)' must be a range [min, max] of two numbers", key: path, value: true)
                }
                guard low.isFinite, high.isFinite, low < high else {
                    throw error("'domain.\(axis)' must be finite with min < max, not [\(low), \(high)]", key: path, value: true)
                }
                return low...high
            }
            return Domain(x: try range("x"), y: try range("y"))
        }
    }
}
