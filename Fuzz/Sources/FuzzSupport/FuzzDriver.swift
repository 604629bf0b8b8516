import Foundation
import Objectives

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Runs libFuzzer's driver (from `libclang_rt.fuzzer_no_main`, linked by `run.sh`) on `callback`
/// with the process's arguments, and exits with its status.
public func runFuzzer(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
}

/// What every refused input must give: a one-line message with a location (a trap otherwise).
public func expectOneLineErrorWithLocation(_ error: ObjectiveError) {
    precondition(!error.message.isEmpty && !error.message.contains("\n"), "one-line message")
    precondition(error.location != nil, "a location")
}
