import Testing
@testable import Objectives

@Suite struct SourceLocationTests {
    @Test func locatesLineAndColumnInCharacters() {
        let text = "first line\nsecond: αβγ wrong\nthird"
        let offset = Array(text.utf8).firstIndex(of: UInt8(ascii: "w"))!
        let location = SourceLocation(utf8Range: offset..<offset + 5, in: text, sourceName: "f.toml")
        #expect(location.description == "f.toml:2:13")
        #expect(location.lineText == "second: αβγ wrong")
        #expect(location.excerpt == "second: αβγ wrong\n            ^~~~~")
    }

    @Test func rangePastTheEndPointsAfterTheLastCharacter() {
        let location = SourceLocation(utf8Range: 3..<3, in: "x +", sourceName: "expression")
        #expect(location.description == "expression:1:4")
        #expect(location.excerpt == "x +\n   ^")
    }

    @Test func rangeOverALineBreakIsCutAtTheLineEnd() {
        let location = SourceLocation(utf8Range: 2..<9, in: "ab\r\ncdef\ngh", sourceName: "s")
        #expect(location.line == 1)
        #expect(location.lineText == "ab")
        #expect(location.length == 1)
    }

    /// A 30,000-character line (a deep expression) is shown as a window around the fault, the
    /// caret still under it, so the error stays readable.
    @Test(arguments: [0, 57, 15_000, 29_999, 30_000])
    func longLineIsCutAroundTheFault(offset: Int) {
        let text = String(repeating: "ab", count: 15_000)
        let location = SourceLocation(utf8Range: offset..<offset + 1, in: text, sourceName: "e")
        let lines = location.excerpt.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        #expect(lines.count == 2)
        #expect(lines[0].count <= SourceLocation.excerptWidth + 2)
        let caret = lines[1].count - 1
        #expect(lines[1].last == "^")
        let under = caret < lines[0].count ? lines[0][caret] : nil
        #expect(under == (offset < text.utf8.count ? (offset % 2 == 0 ? "a" : "b") : nil))
    }

    @Test func errorWithoutLocationIsTheMessageAlone() {
        #expect(ObjectiveError("no such thing").description == "no such thing")
    }
}
