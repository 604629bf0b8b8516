import Foundation
import Testing
@testable import ImageDiff

@Suite struct PNGEncodingTests {
    @Test func opaqueAndFullyTransparentPixelsRoundTripExactly() throws {
        var image = try Fixtures.corpusImage("noise-vs-noise.a.png")
        image[3, 4] = (10, 20, 30, 0)
        let decoded = try RGBAImage(pngData: image.pngData(), source: "round trip")
        #expect(decoded == image)
    }

    @Test func semiTransparentAlphaIsKeptToWithinTwo() throws {
        let ramp = try Fixtures.corpusImage("alpha-ramp.a.png")
        let decoded = try RGBAImage(pngData: ramp.pngData(), source: "ramp")
        let worst = zip(ramp.pixels, decoded.pixels).enumerated().filter { $0.offset % 4 == 3 }.map { abs(Int($0.element.0) - Int($0.element.1)) }.max()
        #expect(worst.map { $0 <= 2 } == true)
    }

    @Test func anEmptyImageCannotBeEncoded() {
        #expect(throws: ImageDiffError.self) { try RGBAImage(width: 0, height: 0, pixels: []).pngData() }
    }
}
