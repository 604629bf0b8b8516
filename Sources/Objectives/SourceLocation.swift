/// A place in a source text (a function file, or an expression given on the command line),
/// as error messages print it: `name:line:column`, then the line and a caret under the fault.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// The file name, or `expression` for an inline expression.
    public var sourceName: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int
    /// The text of the line, without its line break.
    public var lineText: String
    /// How many characters the fault covers (at least 1).
    public var length: Int

    public init(sourceName: String, line: Int, column: Int, lineText: String, length: Int = 1) {
        self.sourceName = sourceName
        self.line = line
        self.column = column
        self.lineText = lineText
        self.length = max(1, length)
    }

    /// The location of the UTF-8 byte range `range` of `text`. A range past the end of the
    /// text points just after its last character; a range that runs over a line break is
    /// underlined to the end of its first line.
    public init(utf8Range range: Range<Int>, in text: String, sourceName: String) {
        let bytes = Array(text.utf8)
        let start = min(max(0, range.lowerBound), bytes.count)
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var lineEnd = start
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        let line = 1 + bytes[..<lineStart].lazy.filter { $0 == UInt8(ascii: "\n") }.count
        var lineBytes = bytes[lineStart..<lineEnd]
        if lineBytes.last == UInt8(ascii: "\r") { lineBytes = lineBytes.dropLast() }
        let before = String(decoding: bytes[lineStart..<start], as: UTF8.self)
        let end = min(max(start, range.upperBound), lineEnd)
        let covered = String(decoding: bytes[start..<end], as: UTF8.self)
        self.init(
            sourceName: sourceName, line: line, column: before.count + 1,
            lineText: String(decoding: lineBytes, as: UTF8.self), length: covered.count)
    }

    /// `name:line:column`.
    public var description: String { "\(sourceName):\(line):\(column)" }

    /// At most this many characters of the line are shown, centred on the fault.
    static let excerptWidth = 100

    /// The source line and, under it, a caret at the column followed by `~` over the rest of
    /// the fault. Tabs before the column are repeated so that the caret lines up. A line longer
    /// than `excerptWidth` characters is cut to that many around the column, `…` marking a cut.
    public var excerpt: String {
        let characters = Array(lineText)
        let first = characters.count <= Self.excerptWidth ? 0 : min(max(0, column - 1 - Self.excerptWidth / 2), characters.count - Self.excerptWidth)
        let last = min(characters.count, first + Self.excerptWidth)
        let lead = first > 0 ? "…" : ""
        let shown = lead + String(characters[first..<last]) + (last < characters.count ? "…" : "")
        let padding = (lead + String(characters[first..<min(last, max(first, column - 1))])).map { $0 == "\t" ? "\t" : " " }.joined()
        let underline = max(1, min(length, last - (column - 1)))
        return shown + "\n" + padding + "^" + String(repeating: "~", count: underline - 1)
    }
}

/// What went wrong while reading, parsing or resolving a function: a one-line message, and,
/// when the fault has a place in a source text, that place with a caret under it.
///
/// `description` is `file:line:column: message`, then the source line and the caret line;
/// without a location it is the message alone.
public struct ObjectiveError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        guard let location else { return message }
        return "\(location): \(message)\n\(location.excerpt)"
    }
}
