import Objectives
import Optimizers
import Trajectories

/// Default file names for outputs: a readable slug of what was run, plus, wherever the slug
/// loses information, 8 hex digits of a stable hash of the exact inputs, so that distinct runs
/// never share a name: `rosenbrock-adam` (a catalog function, a plain optimizer name), but
/// `rosenbrock-adam-lr-0-1-5d3c0a5e` for `adam(lr=0.1)` and `x-2-y-2-adam-1b0e9f42` for
/// `"x^2+y^2"`. The hash is FNV-1a (64 bits, folded to 32), the same on every run and machine.
public enum OutputName {
    /// The slugs of `parts` joined by hyphens (at most 80 characters, never empty), followed by
    /// `-` and the hash of `exact` unless `exact` is `parts` and every part is its own slug.
    public static func make(_ parts: [String], exact: [String]? = nil) -> String {
        let joined = parts.map(slug).filter { !$0.isEmpty }.joined(separator: "-")
        let readable = joined.isEmpty ? "render" : String(joined.prefix(80))
        let exact = exact ?? parts
        let lossless = exact == parts && parts.allSatisfy { slug($0) == $0 } && readable == joined
        return lossless ? readable : "\(readable)-\(hash(exact))"
    }

    /// The name of a run of `optimizers` on `function`, with `others` (trajectory files, ...)
    /// drawn beside them and `configuration` when it differs from the defaults (`defaultSteps`
    /// steps from the function's start, zero-grad inplace, no clipping, one tensor).
    public static func forRun(
        function: FunctionDefinition, optimizers: [OptimizerSpec], others: [String] = [],
        configuration: RunConfiguration? = nil, defaultSteps: Int = 300
    ) -> String {
        let parts = [function.name] + optimizers.map(\.description) + others
        var exact = [identity(of: function)] + optimizers.map(\.description) + others
        if let configuration {
            exact += qualifiers(configuration, start: function.start, defaultSteps: defaultSteps)
        }
        return make(parts, exact: exact)
    }

    /// The name of one optimizer among others (the gallery's per-optimizer maps): `adam` for a
    /// plain name, the slug and hash of its canonical spec otherwise.
    public static func forOptimizer(_ spec: OptimizerSpec) -> String {
        make([spec.description])
    }

    /// The word characters of `text`, lower-cased, with runs of anything else made one hyphen.
    public static func slug(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isLetter && character.isASCII || character.isNumber && character.isASCII {
                result.append(character)
            } else if !result.isEmpty && result.last != "-" {
                result.append("-")
            }
        }
        while result.last == "-" { result.removeLast() }
        return result
    }

    /// 8 lower-case hex digits: FNV-1a 64 of the parts' UTF-8, each part ended by a newline,
    /// with the high and low halves xor-ed.
    public static func hash(_ parts: [String]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.map({ $0 + "\n" }).joined().utf8 {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let folded = UInt32(truncatingIfNeeded: value ^ (value >> 32))
        let digits = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// A catalog function is its name; anything else (a file, an expression, a family at some
    /// dimension) is its name, title, dimension and expression.
    private static func identity(of function: FunctionDefinition) -> String {
        if case .builtIn = function.origin { return function.name }
        return [function.name, function.title, "\(function.dimension)", function.expression].joined(separator: "|")
    }

    /// What about a run differs from the defaults, as `key=value` texts.
    private static func qualifiers(_ configuration: RunConfiguration, start: [Double], defaultSteps: Int) -> [String] {
        var texts: [String] = []
        if configuration.steps != defaultSteps { texts.append("steps=\(configuration.steps)") }
        if configuration.start != start { texts.append("start=\(configuration.start.map { "\($0)" }.joined(separator: ","))") }
        if configuration.zeroGrad != .inplace { texts.append("zero-grad=\(configuration.zeroGrad.rawValue)") }
        if let clip = configuration.clipGradNorm { texts.append("clip-grad-norm=\(clip)") }
        if configuration.layout != .tensor { texts.append("param-layout=\(configuration.layout.rawValue)") }
        if let scheduler = configuration.scheduler { texts.append("scheduler=\(scheduler.description)") }
        if let noise = configuration.gradientNoise { texts.append("noise=\(noise.sigma),\(noise.scale.rawValue),\(noise.seed)") }
        return texts
    }
}
