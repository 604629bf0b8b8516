import Foundation
import FuzzSupport
import Objectives

/// Loads the input as a function definition file; every outcome must be a definition or an
/// error with a one-line message and a location. Any trap is a finding.
let fuzzFunctionFile: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do throws(ObjectiveError) {
        let definition = try FunctionFile.parse(text, sourceName: "fuzz.toml", origin: .inline)
        var gradient = [0.0, 0.0]
        _ = definition.objective.valueAndGradient(at: definition.start, into: &gradient)
        for minimum in definition.minima { _ = definition.objective.value(at: minimum) }
    } catch {
        expectOneLineErrorWithLocation(error)
    }
    return 0
}

runFuzzer(fuzzFunctionFile)
