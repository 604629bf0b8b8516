import Testing
@testable import ImageDiff

/// A white image with a black area right of `edge`, and one grey (anti-aliasing) column at `edge`.
func softEdge(width: Int = 24, height: Int = 16, edge: Int) -> RGBAImage {
    var image = RGBAImage(width: width, height: height, red: 255, green: 255, blue: 255)
    for y in 0..<height {
        image[edge, y] = (128, 128, 128, 255)
        for x in (edge + 1)..<width { image[x, y] = (0, 0, 0, 255) }
    }
    return image
}

@Suite struct PixelmatchTests {
    @Test func identicalImagesGiveZero() throws {
        let image = try Fixtures.corpusImage("noise-vs-noise.a.png")
        let result = try pixelmatch(baseline: image, actual: image)
        #expect(result.mismatchedPixels == 0 && result.antiAliasedPixels == 0)
    }

    @Test func oneChangedPixelGivesOne() throws {
        let baseline = RGBAImage(width: 20, height: 10, red: 200, green: 210, blue: 220)
        var actual = baseline
        actual[7, 3] = (20, 30, 40, 255)
        let result = try pixelmatch(baseline: baseline, actual: actual)
        #expect(result.mismatchedPixels == 1)
        let diff = try #require(result.diffImage)
        #expect(diff[7, 3] == (255, 0, 0, 255))
        #expect(diff[0, 0].red == diff[0, 0].green && diff[0, 0].red > 230)  // baseline faded to light grey
    }

    @Test func aShiftedAntiAliasedEdgeIsSkippedUnlessIncludeAA() throws {
        let baseline = softEdge(edge: 10)
        let actual = softEdge(edge: 11)
        let skipped = try pixelmatch(baseline: baseline, actual: actual)
        #expect(skipped.mismatchedPixels == 0)
        #expect(skipped.antiAliasedPixels == 2 * 16)
        let diff = try #require(skipped.diffImage)
        #expect(diff[10, 5] == (255, 255, 0, 255))
        let counted = try pixelmatch(baseline: baseline, actual: actual, options: PixelmatchOptions(includeAA: true))
        #expect(counted.mismatchedPixels == 2 * 16)
    }

    @Test func theThresholdDecides() throws {
        let baseline = RGBAImage(width: 4, height: 4, red: 100, green: 100, blue: 100)
        let actual = RGBAImage(width: 4, height: 4, red: 110, green: 100, blue: 100)
        #expect(try pixelmatch(baseline: baseline, actual: actual, options: PixelmatchOptions(threshold: 0.01)).mismatchedPixels == 16)
        #expect(try pixelmatch(baseline: baseline, actual: actual, options: PixelmatchOptions(threshold: 0.5)).mismatchedPixels == 0)
    }

    @Test func transparentPixelsOfAnyColourAreEqualOverWhite() throws {
        let baseline = RGBAImage(width: 3, height: 3, red: 0, green: 0, blue: 0, alpha: 0)
        let actual = RGBAImage(width: 3, height: 3, red: 255, green: 0, blue: 90, alpha: 0)
        #expect(try pixelmatch(baseline: baseline, actual: actual, options: PixelmatchOptions(threshold: 0)).mismatchedPixels == 0)
    }

    @Test func differentSizesAreAClearFailure() {
        let baseline = RGBAImage(width: 800, height: 600, red: 0, green: 0, blue: 0)
        let actual = RGBAImage(width: 800, height: 601, red: 0, green: 0, blue: 0)
        let error = #expect(throws: ImageSizeMismatch.self) { try pixelmatch(baseline: baseline, actual: actual) }
        #expect(error?.description == "baseline 800x600, actual 800x601")
    }

    @Test func theDiffMaskHasOnlyTheDifferencesOnTransparency() throws {
        let baseline = RGBAImage(width: 5, height: 5, red: 200, green: 200, blue: 200)
        var actual = baseline
        actual[2, 2] = (0, 0, 0, 255)
        let mask = try #require(try pixelmatch(baseline: baseline, actual: actual, options: PixelmatchOptions(diffMask: true)).diffImage)
        #expect(mask[2, 2] == (255, 0, 0, 255))
        #expect(mask[0, 0] == (0, 0, 0, 0))
    }

    @Test func withoutADiffImageTheCountsAreTheSame() throws {
        let baseline = try Fixtures.corpusImage("text-shift.a.png")
        let actual = try Fixtures.corpusImage("text-shift.b.png")
        let with = try pixelmatch(baseline: baseline, actual: actual)
        let without = try pixelmatch(baseline: baseline, actual: actual, makeDiffImage: false)
        #expect(without.diffImage == nil)
        #expect(with.mismatchedPixels == without.mismatchedPixels && with.antiAliasedPixels == without.antiAliasedPixels)
        #expect(with.mismatchedPixels > 0)
    }
}
