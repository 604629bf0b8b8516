import Testing
@testable import Diagnostics

@Suite struct ElementSampleTests {
    @Test(arguments: [1, 2, 10, 24])
    func fewElementsAreAllDrawn(total: Int) {
        let sample = ElementSample(total: total)
        #expect(sample.elements == Array(0..<total))
        #expect(!sample.isSampled)
    }

    @Test(arguments: [25, 26, 100, 1000, 9999])
    func manyElementsAreAnEvenDeterministicSample(total: Int) {
        let sample = ElementSample(total: total)
        #expect(sample.elements.count == ElementSample.sampleSize)
        #expect(sample.elements.first == 0 && sample.elements.last == total - 1)
        #expect(zip(sample.elements, sample.elements.dropFirst()).allSatisfy { $0 < $1 })
        #expect(sample == ElementSample(total: total))
        #expect(sample.description == "12 of \(total) elements")
    }
}
