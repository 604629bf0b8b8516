import Foundation
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
        precondition(!error.message.isEmpty && !error.message.contains("\n"), "one-line message")
        precondition(error.location != nil, "a location")
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzFunctionFile))
