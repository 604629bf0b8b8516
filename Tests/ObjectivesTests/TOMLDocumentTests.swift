import Testing
@testable import Objectives

@Suite struct TOMLDocumentTests {
    @Test func copiesEveryKindOfValue() throws {
        let document = try TOMLDocument(parsing: """
            text = "sin(x) \\u00b7 y"
            literal = 'C:\\path'
            count = -42
            ratio = 2.5e-3
            flag = true
            when = 2024-01-02
            list = [1, 2.0, "three", [4]]
            inline = { x = [-2.0, 2.0] }

            [section]
            inner = 7
            """)
        #expect(document["text"] == .string("sin(x) · y"))
        #expect(document["literal"] == .string("C:\\path"))
        #expect(document["count"] == .integer(-42))
        #expect(document["ratio"] == .float(2.5e-3))
        #expect(document["flag"] == .boolean(true))
        #expect(document["when"] == .dateOrTime)
        #expect(document["list"] == .array([.integer(1), .float(2), .string("three"), .array([.integer(4)])]))
        #expect(document["inline"]?.table?["x"] == .array([.float(-2), .float(2)]))
        #expect(document["section"]?.table?["inner"] == .integer(7))
        #expect(document["missing"] == nil)
        #expect(document.keys == ["count", "flag", "inline", "list", "literal", "ratio", "section", "text", "when"])
    }

    @Test func numbersAndKindNames() {
        #expect(TOMLDocument.Value.integer(3).number == 3)
        #expect(TOMLDocument.Value.float(-0.5).number == -0.5)
        #expect(TOMLDocument.Value.string("3").number == nil)
        #expect(TOMLDocument.Value.boolean(false).kindName == "a boolean")
        #expect(TOMLDocument.Value.array([]).kindName == "an array")
    }

    @Test func anEmptyDocumentHasNoKeys() throws {
        #expect(try TOMLDocument(parsing: "").keys.isEmpty)
        #expect(try TOMLDocument(parsing: "# only a comment\n").keys.isEmpty)
    }

    /// toml++'s own message and position, passed through (a position past the last line
    /// break stays on that line, as toml++ counts it).
    @Test(arguments: [
        ("a = 1\nb = ", "Error while parsing key-value pair: encountered end-of-file", 2, 5),
        ("a = [1, 2\n", "Error while parsing array: encountered end-of-file", 1, 11),
        ("a = 1\na = 2\n", "Error while parsing key-value pair: cannot redefine existing integer 'a'", 2, 5),
    ])
    func syntaxErrorsCarryTomlppsMessageAndPosition(text: String, message: String, line: Int, column: Int) {
        #expect(throws: TOMLDocument.SyntaxError(message: message, line: line, column: column)) {
            _ = try TOMLDocument(parsing: text)
        }
    }

    /// Each parse copies the values out and empties toml++'s table; parsing the same text
    /// many times must give equal documents (nothing is shared with, or freed under, the copy).
    @Test func repeatedParsesGiveEqualDocuments() throws {
        let text = "name = \"bowl\"\nstart = [1.0, -1.0]\ndomain = { x = [-2, 2], y = [-1.5, 1.5] }\n"
        let first = try TOMLDocument(parsing: text)
        for _ in 0..<200 {
            #expect(try TOMLDocument(parsing: text) == first)
        }
    }
}
