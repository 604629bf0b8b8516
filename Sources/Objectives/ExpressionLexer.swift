/// A token of the expression language, with its UTF-8 byte range in the source.
struct Token: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case identifier(String)
        case symbol(UInt8)  // one of + - * / ^ ( ) ,
        case end
    }
    var kind: Kind
    var range: Range<Int>

    /// How the token reads in a message: `'*'`, `'sin'`, `'2.5'`, or `end of input`.
    var quoted: String {
        switch kind {
        case .number, .identifier, .symbol: return "'\(text)'"
        case .end: return "end of input"
        }
    }
    /// The token's text as written (numbers re-read from the source by the lexer).
    var text: String = ""
}

/// A fault in the text of an expression, at a UTF-8 byte range of it.
struct SyntaxError: Error, Equatable {
    var message: String
    var range: Range<Int>
}

/// Splits an expression into tokens: numbers (`3`, `0.5`, `.5`, `1e-3`, `2.5E+4`),
/// identifiers (`[A-Za-z_][A-Za-z0-9_]*`), the symbols `+ - * / ^ ( ) ,`, and spaces, tabs
/// and line breaks between them.
func tokenize(_ text: String) throws(SyntaxError) -> [Token] {
    let bytes = Array(text.utf8)
    var tokens = [Token]()
    var i = 0
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == UInt8(ascii: "_")
    }
    while i < bytes.count {
        let byte = bytes[i]
        let start = i
        if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            i += 1
        } else if isDigit(byte) || (byte == UInt8(ascii: ".") && i + 1 < bytes.count && isDigit(bytes[i + 1])) {
            while i < bytes.count, isDigit(bytes[i]) || bytes[i] == UInt8(ascii: ".") { i += 1 }
            if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
                var j = i + 1
                if j < bytes.count, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
                if j < bytes.count, isDigit(bytes[j]) {
                    while j < bytes.count, isDigit(bytes[j]) { j += 1 }
                    i = j
                } else {
                    throw SyntaxError(
                        message: "malformed number '\(String(decoding: bytes[start..<j], as: UTF8.self))': the exponent needs digits, as in 1e-3",
                        range: start..<j)
                }
            }
            let literal = String(decoding: bytes[start..<i], as: UTF8.self)
            guard let value = Double(literal) else {
                throw SyntaxError(message: "malformed number '\(literal)'", range: start..<i)
            }
            guard value.isFinite else {
                throw SyntaxError(message: "number '\(literal)' is too large for a double", range: start..<i)
            }
            tokens.append(Token(kind: .number(value), range: start..<i, text: literal))
        } else if isLetter(byte) {
            while i < bytes.count, isLetter(bytes[i]) || isDigit(bytes[i]) { i += 1 }
            let name = String(decoding: bytes[start..<i], as: UTF8.self)
            tokens.append(Token(kind: .identifier(name), range: start..<i, text: name))
        } else if "+-*/^(),".utf8.contains(byte) {
            i += 1
            tokens.append(Token(kind: .symbol(byte), range: start..<i, text: String(UnicodeScalar(byte))))
        } else {
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            let character = String(decoding: bytes[start..<i], as: UTF8.self)
            let hint = character == "×" || character == "·" ? " (use '*')" : character == "−" ? " (use '-')" : ""
            throw SyntaxError(message: "unexpected character '\(character)'\(hint)", range: start..<i)
        }
    }
    tokens.append(Token(kind: .end, range: bytes.count..<bytes.count))
    return tokens
}
