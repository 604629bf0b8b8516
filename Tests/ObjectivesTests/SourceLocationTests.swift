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

    @Test func errorWithoutLocationIsTheMessageAlone() {
        #expect(ObjectiveError("no such thing").description == "no such thing")
    }
}
