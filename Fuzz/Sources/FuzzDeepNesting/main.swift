import Foundation
import FuzzSupport
import Objectives

/// Grows short inputs into deep ones, so that nesting far past any stack is fuzzed without
/// megabyte inputs: the input is `count(2 bytes) opening \0 middle \0 closing`, and the text is
/// opening × n + middle + closing × n with n = count (up to 65,535, and 32 KiB of repeats). The text is parsed as an
/// expression, as the expression of a function file, and as a line of a function file's TOML.
/// Every outcome must be a value or a one-line error with a location; a trap or a stack
/// overflow is a finding.
let fuzzDeepNesting: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
    guard let data, size >= 2 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let requested = Int(bytes[0]) << 8 | Int(bytes[1])
    let parts = bytes[2...].split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self)
    }
    let opening = parts[0], middle = parts.count > 1 ? parts[1] : "x", closing = parts.count > 2 ? parts[2] : ""
    // At most 32 KiB of repeats (16,384 levels of a one-byte opening and closing, past the 15,000 that once overflowed
    // the stack), so that each input stays fast.
    let count = min(requested, (1 << 15) / max(1, opening.utf8.count + closing.utf8.count))
    let text = String(repeating: opening, count: count) + middle + String(repeating: closing, count: count)
    do throws(ObjectiveError) {
        let objective = try ExpressionObjective(text)
        var gradient = [0.0, 0.0]
        _ = objective.valueAndGradient(at: [0.5, -1.25], into: &gradient)
        _ = objective.values(onGridX: [-1, 0.5], y: [2])
        _ = objective.syntax.description
    } catch {
        expectOneLineErrorWithLocation(error)
    }
    for file in [
        "name = \"deep\"\nexpression = \"\(text)\"\nstart = [0.5, 0.5]\n",
        "name = \"deep\"\nexpression = \"x^2\"\nstart = [0.5, 0.5]\n\(text)\n",
    ] {
        do throws(ObjectiveError) {
            let definition = try FunctionFile.parse(file, sourceName: "deep.toml", origin: .inline)
            var gradient = [0.0, 0.0]
            _ = definition.objective.valueAndGradient(at: definition.start, into: &gradient)
        } catch {
            expectOneLineErrorWithLocation(error)
        }
    }
    return 0
}

runFuzzer(fuzzDeepNesting)
