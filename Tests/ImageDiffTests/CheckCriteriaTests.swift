import Testing
@testable import ImageDiff

@Suite struct CheckCriteriaTests {
    @Test func byDefaultNoMismatchedPixelIsAllowed() {
        let criteria = CheckCriteria()
        #expect(criteria.passes(mismatchedPixels: 0, pixelCount: 100, rms: 50))
        #expect(!criteria.passes(mismatchedPixels: 1, pixelCount: 100, rms: 0))
    }

    @Test func maxDiffPixelsAndPercentSetTheLimit() {
        #expect(CheckCriteria(maxDiffPixels: 5).passes(mismatchedPixels: 5, pixelCount: 100, rms: 0))
        #expect(!CheckCriteria(maxDiffPixels: 5).passes(mismatchedPixels: 6, pixelCount: 100, rms: 0))
        #expect(CheckCriteria(maxDiffPercent: 2).passes(mismatchedPixels: 2, pixelCount: 100, rms: 0))
        #expect(!CheckCriteria(maxDiffPercent: 2).passes(mismatchedPixels: 3, pixelCount: 100, rms: 0))
    }

    @Test func theRMSMetricComparesWithTheTolerance() {
        let criteria = CheckCriteria(metric: .rms, rmsTolerance: 1.5)
        #expect(criteria.passes(mismatchedPixels: 90, pixelCount: 100, rms: 1.5))
        #expect(!criteria.passes(mismatchedPixels: 0, pixelCount: 100, rms: 1.51))
    }
}
