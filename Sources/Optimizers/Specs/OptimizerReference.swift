/// The code whose trajectories an optimizer reproduces: a published package's class at a
/// version, or a file in a repository that is not a package.
public struct OptimizerReference: Sendable, CustomStringConvertible {
    /// Where the reference lives.
    public enum Source: Sendable, Equatable {
        /// A package on PyPI: `name@package` picks its class.
        case package(ReferencePackage)
        /// A repository that is not a package, e.g. `lessw2020/Best-Deep-Learning-Optimizers`.
        case repository(String)
    }

    public let source: Source
    /// The class, or the file and class in a repository (`Ranger/ranger.py Ranger`).
    public let className: String
    /// The package version, or the reference's own naming of it in a repository.
    public let version: String
    /// What else to know, e.g. which base optimizer a wrapper wraps; empty when nothing.
    public let note: String

    public init(_ source: Source, _ className: String, version: String, note: String = "") {
        self.source = source
        self.className = className
        self.version = version
        self.note = note
    }

    /// A class of `torch.optim`.
    public static func torch(_ className: String) -> OptimizerReference {
        OptimizerReference(.package(.torch), className, version: ReferencePackage.torch.version)
    }

    /// A class of torch_optimizer.
    public static func torchOptimizer(_ className: String, note: String = "") -> OptimizerReference {
        OptimizerReference(.package(.torchOptimizer), className, version: ReferencePackage.torchOptimizer.version, note: note)
    }

    /// A class of pytorch_optimizer.
    public static func pytorchOptimizer(_ className: String) -> OptimizerReference {
        OptimizerReference(.package(.pytorchOptimizer), className, version: ReferencePackage.pytorchOptimizer.version)
    }

    /// The package, when the reference is one.
    public var package: ReferencePackage? {
        if case .package(let package) = source { package } else { nil }
    }

    /// e.g. `torch.optim.Adam (torch 2.x)`, `torch_optimizer.AdaMod (0.3.0)`.
    public var description: String {
        let origin: String
        switch source {
        case .package(let package): origin = "\(package.module).\(className) (\(package.rawValue) \(version))"
        case .repository(let repository): origin = "\(repository) \(className) (\(version))"
        }
        return note.isEmpty ? origin : "\(origin); \(note)"
    }
}

/// The packages whose classes `name@package` picks. A bare name found in several picks the
/// first of them in this order: torch, torch_optimizer, pytorch_optimizer.
public enum ReferencePackage: String, Sendable, CaseIterable {
    case torch
    case torchOptimizer = "torch_optimizer"
    case pytorchOptimizer = "pytorch_optimizer"

    /// The module a class is imported from.
    public var module: String {
        switch self {
        case .torch: "torch.optim"
        case .torchOptimizer: "torch_optimizer"
        case .pytorchOptimizer: "pytorch_optimizer"
        }
    }

    /// The version the goldens were made with.
    public var version: String {
        switch self {
        case .torch: "2.13"
        case .torchOptimizer: "0.3.0"
        case .pytorchOptimizer: "4.1.0"
        }
    }
}
