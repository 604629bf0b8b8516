import Foundation

/// Turns what a user passes to `--function` into a definition.
///
/// In order, the argument is taken as:
/// 1. the path of a definition file, when it ends in `.toml` or names an existing file;
/// 2. an n-dimensional family (`rosenbrock-n`, `rastrigin-n`, `quadratic-n`);
/// 3. a name in a user folder (the `searchPaths` given, then the folders of the environment
///    variable `TRAJVIZ_FUNCTIONS`, colon-separated), found as `<folder>/<name>.toml`;
///    earlier folders win, and all of them win over the built-in catalog;
/// 4. a name in the built-in catalog (`Functions/*.toml`, embedded in the binary);
/// 5. an inline expression in x and y. A word that is neither a known name nor a valid
///    expression is reported as an unknown function, with the nearest name suggested.
///
/// Inline expressions get no domain (the plotter fits one around the paths), no minima,
/// the start `inlineStart`, and linear levels.
public struct FunctionCatalog: Sendable {
    /// User folders of definition files, searched in order before the built-in catalog.
    public var searchPaths: [String]

    /// Whether a definition file may be named: false for requests from elsewhere (the server),
    /// which get the families, the built-in catalog and inline expressions only.
    public var readsFiles: Bool

    /// The start point of inline expressions.
    public static let inlineStart = [-1.5, 1.5]

    /// The environment variable that lists extra folders, colon-separated.
    public static let environmentVariable = "TRAJVIZ_FUNCTIONS"

    /// `searchPaths` first, then the folders in `TRAJVIZ_FUNCTIONS` of `environment`.
    public init(
        searchPaths: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment, readsFiles: Bool = true
    ) {
        self.readsFiles = readsFiles
        let fromEnvironment = (environment[Self.environmentVariable] ?? "")
            .split(separator: ":", omittingEmptySubsequences: true).map(String.init)
        self.searchPaths = searchPaths + fromEnvironment
    }

    /// The names of the built-in catalog, sorted.
    public static var builtInNames: [String] {
        EmbeddedFunctionFiles.files.map { ($0.name as NSString).deletingPathExtension }
    }

    /// Every built-in definition, sorted by name.
    public static func builtIn() throws(ObjectiveError) -> [FunctionDefinition] {
        var definitions = [FunctionDefinition]()
        for file in EmbeddedFunctionFiles.files {
            definitions.append(try FunctionFile.parse(file.text, sourceName: file.name, origin: .builtIn(fileName: file.name)))
        }
        return definitions
    }

    /// Every name this catalog knows: families, user folders' files, and the built-in ones.
    public func names() throws(ObjectiveError) -> [String] {
        var names = FunctionFamily.allCases.map(\.rawValue)
        for folder in searchPaths {
            for file in try tomlFiles(in: folder) where !names.contains(file) { names.append(file) }
        }
        for name in Self.builtInNames where !names.contains(name) { names.append(name) }
        return names
    }

    /// The definition for a `--function` argument; see the type's documentation for the
    /// order. `dimension` applies to the n-dimensional families only (default
    /// `FunctionFamily.defaultDimension`), `conditionNumber` to `quadratic-n` only.
    public func resolve(_ argument: String, dimension: Int? = nil, conditionNumber: Double? = nil) throws(ObjectiveError) -> FunctionDefinition {
        let trimmed = argument.trimmingCharacters(in: .whitespacesAndNewlines)
        if let family = FunctionFamily(rawValue: trimmed) {
            return try family.definition(dimension: dimension ?? FunctionFamily.defaultDimension, conditionNumber: conditionNumber)
        }
        let definition = try resolveTwoDimensional(trimmed, original: argument)
        if let dimension, dimension != 2 {
            throw ObjectiveError(
                "'\(definition.name)' is a function of x and y; a dimension (\(dimension)) applies only to "
                    + FunctionFamily.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if conditionNumber != nil {
            throw ObjectiveError("a condition number applies to quadratic-n only, not '\(definition.name)'")
        }
        return definition
    }

    private func resolveTwoDimensional(_ name: String, original: String) throws(ObjectiveError) -> FunctionDefinition {
        guard readsFiles || !name.hasSuffix(".toml") else {
            throw ObjectiveError("'\(name)' names a definition file; files are not read here: give a catalog name or an expression in x and y")
        }
        var isFolder: ObjCBool = false
        let exists = readsFiles && FileManager.default.fileExists(atPath: name, isDirectory: &isFolder)
        if name.hasSuffix(".toml") || (exists && !isFolder.boolValue) {
            guard exists, !isFolder.boolValue else {
                throw ObjectiveError("no function file '\(name)'")
            }
            return try FunctionFile.load(path: name)
        }
        if Self.isName(name) {
            for folder in searchPaths {
                let path = (folder as NSString).appendingPathComponent(name + ".toml")
                if FileManager.default.fileExists(atPath: path) { return try FunctionFile.load(path: path) }
            }
            if let file = EmbeddedFunctionFiles.files.first(where: { $0.name == name + ".toml" }) {
                return try FunctionFile.parse(file.text, sourceName: file.name, origin: .builtIn(fileName: file.name))
            }
        }
        if exists && isFolder.boolValue {
            throw ObjectiveError(
                "'\(name)' is a folder, not a function: give a definition file (name.toml), a catalog name or an expression; "
                    + "a folder of definition files goes to --functions-dir")
        }
        do {
            let objective = try ExpressionObjective(original, sourceName: "expression")
            return FunctionDefinition(
                name: name, title: name, expression: original, domain: nil, minima: [],
                start: Self.inlineStart, levelScale: .linear, origin: .inline, objective: objective)
        } catch {
            guard Self.isName(name) else { throw error }
            let known = try names()
            throw ObjectiveError(
                "unknown function '\(name)'" + didYouMean(name, among: known)
                    + "; give a catalog name (\(known.joined(separator: ", "))), a .toml file, or an expression in x and y")
        }
    }

    /// A word of letters, digits, '-' and '_' that starts with a letter.
    static func isName(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// The names (file stems) of the `.toml` files in a user folder.
    private func tomlFiles(in folder: String) throws(ObjectiveError) -> [String] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw ObjectiveError("cannot read the function folder '\(folder)' (from --functions-dir or \(Self.environmentVariable)): it does not exist or is not a readable folder")
        }
        return entries.filter { $0.hasSuffix(".toml") }.map { ($0 as NSString).deletingPathExtension }.sorted()
    }
}
