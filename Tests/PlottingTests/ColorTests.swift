import Testing
@testable import Plotting

@Suite struct ColorTests {
    @Test func hexLiteralSplitsIntoChannels() {
        #expect(Color(hex: 0x12_34_56) == Color(red: 0x12, green: 0x34, blue: 0x56))
    }
}
