import Foundation
import Testing

@testable import UseCases

/// The server's requests never read files; the command line's may.
struct FunctionRequestTests {
    /// A valid definition file, written to a fresh temporary folder, under `name`.
    private func definitionFile(named name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("usecases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try """
            name = "bowl"
            title = "Bowl"
            expression = "x^2 + y^2"
            start = [1.0, 1.0]
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: ["bowl.toml", "bowl"])
    func theServerReadsNoDefinitionFile(name: String) throws {
        let path = try definitionFile(named: name)
        let request = FunctionRequest(function: path)
        #expect(try request.resolve(limits: .commandLine).name == "bowl")
        #expect(throws: RequestError.self) { try request.resolve(limits: .server) }
    }

    @Test func theServerRefusesFunctionFolders() throws {
        let folder = (try definitionFile(named: "bowl.toml") as NSString).deletingLastPathComponent
        let request = FunctionRequest(function: "bowl", functionFolders: [folder])
        #expect(try request.resolve(limits: .commandLine).name == "bowl")
        #expect(throws: RequestError("--functions-dir names a folder; files are not read here")) { try request.resolve(limits: .server) }
    }

    @Test func catalogNamesFamiliesAndExpressionsResolveOnTheServer() throws {
        #expect(try FunctionRequest(function: "rosenbrock").resolve(limits: .server).dimension == 2)
        #expect(try FunctionRequest(function: "rastrigin-n", dim: 7).resolve(limits: .server).dimension == 7)
        #expect(try FunctionRequest(function: "x^2 + 3*y^2").resolve(limits: .server).objective.value(at: [1, 1]) == 4)
    }

    @Test func dimensionAndLengthAreCappedByTheLimits() throws {
        let dim = RequestLimits.server.maximumDimension + 1
        #expect(throws: RequestError("--dim must be from 1 to \(dim - 1) (got \(dim))")) {
            try FunctionRequest(function: "rosenbrock-n", dim: dim).resolve(limits: .server)
        }
        #expect(try FunctionRequest(function: "rosenbrock-n", dim: dim).resolve(limits: .commandLine).dimension == dim)
        let long = "x" + String(repeating: " ", count: RequestLimits.server.maximumExpressionLength) + "+ y"
        #expect(throws: RequestError.self) { try FunctionRequest(function: long).resolve(limits: .server) }
        #expect(try FunctionRequest(function: long).resolve(limits: .commandLine).dimension == 2)
    }
}
