import Testing
@testable import ImageDiff

@Suite struct RootMeanSquareErrorTests {
    @Test func opaqueImagesAreComparedOverRGB() throws {
        let baseline = RGBAImage(width: 2, height: 1, red: 10, green: 10, blue: 10)
        var actual = baseline
        actual[1, 0] = (40, 10, 10, 255)
        #expect(try rootMeanSquareError(baseline: baseline, actual: actual) == (900.0 / 6).squareRoot())
    }

    @Test func translucentImagesAreComparedOverRGBA() throws {
        let baseline = RGBAImage(width: 2, height: 1, red: 10, green: 10, blue: 10, alpha: 100)
        var actual = baseline
        actual[1, 0] = (40, 10, 10, 120)
        #expect(try rootMeanSquareError(baseline: baseline, actual: actual) == (1300.0 / 8).squareRoot())
    }

    @Test func identicalImagesHaveZeroAndSizesMustMatch() throws {
        let image = RGBAImage(width: 3, height: 2, red: 1, green: 2, blue: 3)
        #expect(try rootMeanSquareError(baseline: image, actual: image) == 0)
        #expect(throws: ImageSizeMismatch.self) {
            try rootMeanSquareError(baseline: image, actual: RGBAImage(width: 2, height: 3, red: 1, green: 2, blue: 3))
        }
    }
}
