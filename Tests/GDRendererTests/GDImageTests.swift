import Testing
@testable import GDRenderer

@Suite struct GDImageTests {
    @Test func allocatesTheRequestedSize() throws {
        let image = try #require(GDImage(width: 7, height: 5))
        #expect(image.width == 7 && image.height == 5)
    }

    @Test func refusesAnEmptySize() {
        #expect(GDImage(width: 0, height: 5) == nil)
    }
}
