import Foundation
internal import CTOML

/// A TOML document parsed by TOMLKit (toml++ 3.4 inside it) and copied out into Swift values,
/// with everything TOMLKit allocates for it freed again.
///
/// TOMLKit 0.6.0's Swift layer frees nothing its C++ side allocates (LebJe/TOMLKit#26):
/// `TOMLTable` has no `deinit`, so the parsed `toml::table` and every node in it stay
/// allocated; `TOMLTable(string:)` allocates an error slot it never deallocates; and `.string`,
/// `.double`, `.int`, `.bool` and `.keys` return `malloc`/`strdup` copies that nothing frees.
/// Reading `rosenbrock.toml` that way lost 3,029 bytes in 63 blocks (valgrind and LeakSanitizer
/// agree). This reader calls TOMLKit's C layer (its `CTOML` target) directly instead: it keeps
/// the parse error on the stack, frees every copy it is handed, and empties the table with
/// `tableClear`, which deletes every node.
///
/// One block remains: the empty `toml::table` object (96 bytes) that `tableCreateFromString`
/// allocates with `new`. CTOML has no function that deletes a table, and toml++'s header is not
/// among TOMLKit's public headers (so C++ interoperability cannot reach the destructor either):
/// no use of TOMLKit 0.6.0 frees it. It is announced to LeakSanitizer when that
/// is present (`__lsan_ignore_object`, after the table has been emptied, so nothing else is
/// hidden with it); `Tools/robustness/tomlkit.supp` suppresses exactly that allocation in valgrind.
struct TOMLDocument: Equatable {
    /// A TOML value. Dates and times are kept only as a kind: function files have none.
    enum Value: Equatable {
        case string(String)
        case integer(Int64)
        case float(Double)
        case boolean(Bool)
        case dateOrTime
        case array([Value])
        case table(TOMLDocument)

        var string: String? { if case .string(let string) = self { string } else { nil } }
        /// A float, or an integer converted to a double.
        var number: Double? {
            switch self {
            case .float(let value): value
            case .integer(let value): Double(value)
            default: nil
            }
        }
        var array: [Value]? { if case .array(let array) = self { array } else { nil } }
        var table: TOMLDocument? { if case .table(let table) = self { table } else { nil } }

        /// The kind of value with its article, for messages: "a string", "an array", ...
        var kindName: String {
            switch self {
            case .string: "a string"
            case .integer: "an integer"
            case .float: "a number"
            case .boolean: "a boolean"
            case .dateOrTime: "a date or time"
            case .array: "an array"
            case .table: "a table"
            }
        }
    }

    /// A TOML syntax error as toml++ reports it, at a 1-based line and column.
    struct SyntaxError: Error, Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    /// The keys and values of the table, in toml++'s order (sorted by key).
    var entries: [(key: String, value: Value)]

    var keys: [String] { entries.map(\.key) }

    subscript(key: String) -> Value? { entries.first { $0.key == key }?.value }

    static func == (lhs: TOMLDocument, rhs: TOMLDocument) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.key == $1.key && $0.value == $1.value }
    }

    /// Parses `text` (UTF-8 without NUL bytes: the C interface stops at the first NUL).
    ///
    /// toml++ 3.4 asserts, aborting the process, on a few malformed inputs; callers refuse
    /// those first (see `FunctionFile`).
    init(parsing text: String) throws(SyntaxError) {
        let root = withUnsafeTemporaryAllocation(of: CTOMLParseError.self, capacity: 1) { error -> Result<OpaquePointer, SyntaxError> in
            guard let table = text.withCString({ tableCreateFromString($0, error.baseAddress!) }) else {
                let fault = error[0]
                defer { free(UnsafeMutableRawPointer(mutating: fault.description)) }
                return .failure(SyntaxError(
                    message: String(cString: fault.description),
                    line: Int(fault.source.begin.line), column: Int(fault.source.begin.column)))
            }
            return .success(table)
        }
        let table = try root.get()
        self = Self(copying: table)
        tableClear(table)
        LeakSanitizer.ignore(table)
    }

    private init(copying table: OpaquePointer) {
        let count = tableSize(table)
        let keys = tableGetKeys(table)
        let values = tableGetValues(table)
        defer {
            for index in 0..<count { free(UnsafeMutableRawPointer(mutating: keys[index])) }
            free(UnsafeMutableRawPointer(mutating: keys))
            free(UnsafeMutableRawPointer(mutating: values))
        }
        entries = (0..<count).map { index in
            (String(cString: keys[index]), Self.value(of: values[index]))
        }
    }

    /// Copies a node. CTOML's accessors return nil for a node of another kind; each scalar
    /// comes as a `malloc`ed copy, freed here.
    private static func value(of node: OpaquePointer) -> Value {
        func take<T>(_ copy: UnsafePointer<T>, _ wrap: (T) -> Value) -> Value {
            defer { free(UnsafeMutableRawPointer(mutating: copy)) }
            return wrap(copy.pointee)
        }
        if let copy = nodeAsString(node) {
            defer { free(UnsafeMutableRawPointer(mutating: copy)) }
            return .string(String(cString: copy))
        }
        if let copy = nodeAsInt(node) { return take(copy) { .integer($0) } }
        if let copy = nodeAsDouble(node) { return take(copy) { .float($0) } }
        if let copy = nodeAsBool(node) { return take(copy) { .boolean($0) } }
        if let array = nodeAsArray(node) {
            return .array((0..<arraySize(array)).map { value(of: arrayGetNode(array, Int64($0))) })
        }
        if let table = nodeAsTable(node) { return .table(TOMLDocument(copying: table)) }
        return .dateOrTime  // the kinds left: date, time, date-time
    }

    private init(entries: [(key: String, value: Value)]) { self.entries = entries }
}

/// LeakSanitizer's `__lsan_ignore_object`, when the process runs under AddressSanitizer or
/// LeakSanitizer; nothing otherwise.
private enum LeakSanitizer {
    private typealias IgnoreObject = @convention(c) (OpaquePointer?) -> Void
    private static let ignoreObject: IgnoreObject? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "__lsan_ignore_object") else { return nil }
        return unsafeBitCast(symbol, to: IgnoreObject.self)
    }()

    /// Tells LeakSanitizer that the heap block at `pointer` is known never to be freed.
    static func ignore(_ pointer: OpaquePointer) { ignoreObject?(pointer) }
}
