import Foundation
import Objectives
import _AtomicWrite

/// The function to run on, as `--function`, `--dim`, `--condition-number` and `--functions-dir` give it.
public struct FunctionRequest: Codable, Sendable, Equatable {
    /// A catalog name, an n-dimensional family, an inline expression in x and y, or (command line
    /// only) a definition file.
    public var function: String
    /// The dimension of an n-dimensional family.
    public var dim: Int?
    /// The condition number of quadratic-n (default 100).
    public var conditionNumber: Double?
    /// Folders of extra definition files (command line only).
    public var functionFolders: [String]

    public init(function: String, dim: Int? = nil, conditionNumber: Double? = nil, functionFolders: [String] = []) {
        self.function = function
        self.dim = dim
        self.conditionNumber = conditionNumber
        self.functionFolders = functionFolders
    }

    /// The definition, checked against `limits`: a file or folder only where files may be read;
    /// a definition file read is noted as an input of the run, which no output may replace.
    public func resolve(limits: RequestLimits) throws(RequestError) -> FunctionDefinition {
        if let dim, dim < 1 || dim > limits.maximumDimension {
            throw RequestError("--dim must be from 1 to \(limits.maximumDimension) (got \(dim))")
        }
        if let conditionNumber, !(conditionNumber >= 1 && conditionNumber.isFinite) {
            throw RequestError("--condition-number must be a finite number >= 1 (got \(conditionNumber))")
        }
        guard function.count <= limits.maximumExpressionLength else {
            throw RequestError("--function is \(function.count) characters long; at most \(limits.maximumExpressionLength) are read here")
        }
        if !limits.readsFiles {
            guard functionFolders.isEmpty else { throw RequestError("--functions-dir names a folder; files are not read here") }
        }
        for folder in functionFolders {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw RequestError("--functions-dir \(folder) is not a folder; give a folder of definition files (name.toml)")
            }
        }
        let catalog =
            limits.readsFiles ? FunctionCatalog(searchPaths: functionFolders) : FunctionCatalog(environment: [:], readsFiles: false)
        let definition = try asRequestError { try catalog.resolve(function, dimension: dim, conditionNumber: conditionNumber) }
        if case .file(let path) = definition.origin { RunInputs.note(path, as: "the --function file") }
        return definition
    }
}
