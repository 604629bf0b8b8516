import Foundation

/// Everything that affects a learning-rate search's result, so that a cached result is reused
/// exactly when the search would find it again.
///
/// `canonicalText` lists every field as `name=value` lines in a fixed order, with numbers in
/// Swift's shortest round-trip form, and the search's `LearningRateSearch.algorithmVersion`, so
/// that results of an older algorithm are never reused; `digest` is its 64-bit FNV-1a hash in 16
/// hex digits, stable across runs, platforms and Swift versions (unlike `Hasher`).
public struct SearchCacheKey: Codable, Sendable, Hashable {
    /// The function's expression text (not its name: editing a definition file changes it).
    public var expression: String
    /// The function's known global minima, which the distance objectives measure against.
    public var minima: [[Double]]
    /// The plotting domain, which the penalised objective keeps paths in.
    public var domain: SearchDomain?
    /// The optimizer spec with every setting but lr, normalised, e.g. `diffgrad(version=1, clone=false)`.
    public var optimizer: String
    public var bounds: LearningRateBounds
    /// The options tuned, in order (`lr` alone by default); their intervals come from the
    /// optimizer's definition, so `toolVersion` covers them.
    public var tuned: [String]
    public var objective: SearchObjective
    public var search: LearningRateSearch
    /// Optimizer steps per evaluation.
    public var steps: Int
    public var start: [Double]
    /// Gradient clipping by norm, or `nil` for none.
    public var clipGradNorm: Double?
    /// `inplace` or `none`.
    public var zeroGrad: String
    /// The tool's version: a new runner or search may find other results.
    public var toolVersion: String

    public init(
        expression: String, minima: [[Double]], domain: SearchDomain?, optimizer: String,
        bounds: LearningRateBounds, objective: SearchObjective, search: LearningRateSearch,
        steps: Int, start: [Double], clipGradNorm: Double?, zeroGrad: String, toolVersion: String, tuned: [String] = ["lr"]
    ) {
        self.tuned = tuned
        self.expression = expression
        self.minima = minima
        self.domain = domain
        self.optimizer = optimizer
        self.bounds = bounds
        self.objective = objective
        self.search = search
        self.steps = steps
        self.start = start
        self.clipGradNorm = clipGradNorm
        self.zeroGrad = zeroGrad
        self.toolVersion = toolVersion
    }

    /// One `name=value` line per field, in a fixed order; strings are quoted and escaped.
    public var canonicalText: String {
        func number(_ x: Double) -> String { "\(x)" }
        func vector(_ v: [Double]) -> String { "[" + v.map(number).joined(separator: ",") + "]" }
        func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n") + "\""
        }
        let lines = [
            "expression=\(quoted(expression))",
            "minima=[" + minima.map(vector).joined(separator: ",") + "]",
            "domain=" + (domain.map { vector($0.lower) + ".." + vector($0.upper) } ?? "none"),
            "optimizer=\(quoted(optimizer))",
            "bounds=\(number(bounds.logLower))..\(number(bounds.logUpper))",
            "tuned=\(tuned.joined(separator: ","))",
            "objective=\(objective)",
            "budget=\(search.budget)",
            "seed=\(search.seed)",
            "searchAlgorithm=\(LearningRateSearch.algorithmVersion)",
            "steps=\(steps)",
            "start=\(vector(start))",
            "clipGradNorm=" + (clipGradNorm.map(number) ?? "none"),
            "zeroGrad=\(quoted(zeroGrad))",
            "toolVersion=\(quoted(toolVersion))",
        ]
        return lines.joined(separator: "\n")
    }

    /// The 64-bit FNV-1a hash of `canonicalText`, as 16 lowercase hex digits.
    public var digest: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in canonicalText.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
