/// File names for renders: lower-case words joined by hyphens, from the function and optimizers.
public enum OutputName {
    /// e.g. `rosenbrock-adam-diffgrad`; at most 80 characters, never empty.
    public static func make(_ parts: [String]) -> String {
        let slug = parts.map(slug).filter { !$0.isEmpty }.joined(separator: "-")
        return slug.isEmpty ? "render" : String(slug.prefix(80))
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
}
