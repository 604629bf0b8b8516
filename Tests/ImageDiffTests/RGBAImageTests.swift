import Testing
@testable import ImageDiff

@Suite struct RGBAImageTests {
    @Test func equalPixelsMakeEqualImages() {
        let a = RGBAImage(width: 1, height: 1, pixels: [1, 2, 3, 4])
        #expect(a == RGBAImage(width: 1, height: 1, pixels: [1, 2, 3, 4]))
        #expect(a != RGBAImage(width: 1, height: 1, pixels: [1, 2, 3, 5]))
    }
}
