import Foundation
import Testing
@testable import Trajectories

@Suite struct TrajectoryJSONWriterTests {
    /// The writer's numbers are JSONEncoder's, for integral, tiny, huge, subnormal, negative
    /// zero, non-finite and a million random bit patterns.
    @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [
            0, -0.0, 1, -1, 100, 0.1, 1e-7, 1e16, 1e21, 123456789012345680, .leastNonzeroMagnitude, .leastNormalMagnitude,
            .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, -.infinity, .nan, 2.5, 1e-5, 12345.678,
        ]
        for _ in 0..<1_000_000 {
            let value = Double(bitPattern: generator.next())
            if value.isFinite { values.append(value) }
        }
        for exponent in -30...30 { values.append(pow(10, Double(exponent))) }
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let expected = String(decoding: try encoder.encode(values), as: UTF8.self)
        let written = "[" + values.map(TrajectoryJSONWriter.number).joined(separator: ",") + "]"
        #expect(written == expected)
    }
}
