import Foundation
import Testing
@testable import Objectives

/// Resolution of `--function` arguments, in its documented order.
@Suite struct FunctionCatalogTests {
    private let empty = FunctionCatalog(environment: [:])

    @Test func catalogNameResolvesToTheBuiltInFile() throws {
        let definition = try empty.resolve("rosenbrock")
        #expect(definition.origin == .builtIn(fileName: "rosenbrock.toml"))
        #expect(definition.title == "Rosenbrock")
    }

    @Test func familyNameTakesTheDimension() throws {
        let definition = try empty.resolve("rosenbrock-n", dimension: 10)
        #expect(definition.dimension == 10)
        #expect(definition.origin == .family)
        #expect(try empty.resolve("quadratic-n").dimension == FunctionFamily.defaultDimension)
        #expect(try empty.resolve("quadratic-n", dimension: 3, conditionNumber: 1e4).title == "Quadratic (n = 3, κ = 10000)")
    }

    @Test func inlineExpressionHasNoDomainAndADefaultStart() throws {
        let definition = try empty.resolve("(1-x)^2 + 100*(y-x^2)^2")
        #expect(definition.origin == .inline)
        #expect(definition.domain == nil)
        #expect(definition.minima.isEmpty)
        #expect(definition.start == FunctionCatalog.inlineStart)
        #expect(definition.objective.value(at: [-2, 2]) == 409)
        #expect(try empty.resolve("x").objective.value(at: [3, 4]) == 3)
        #expect(try empty.resolve("pi").objective.value(at: [3, 4]) == Double.pi)
    }

    @Test func inlineErrorsPointIntoTheArgument() {
        #expect(throws: ObjectiveError.self) { try empty.resolve("x + sinn(y)") }
        do {
            _ = try empty.resolve("x + sinn(y)")
        } catch {
            #expect(error.description == "expression:1:5: unknown function 'sinn' (did you mean 'sin'?)\nx + sinn(y)\n    ^~~~")
        }
    }

    @Test func unknownNameSuggestsTheNearestCatalogName() {
        do {
            _ = try empty.resolve("rosenbrok")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("unknown function 'rosenbrok' (did you mean 'rosenbrock'?); give a catalog name ("))
            #expect(error.message.hasSuffix("), a .toml file, or an expression in x and y"))
        }
        do {
            _ = try empty.resolve("himelblau")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("unknown function 'himelblau' (did you mean 'himmelblau'?)"))
        }
    }

    @Test func pathsLoadFilesAndMissingFilesAreErrors() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mine.toml")
        try "name = \"mine\"\nexpression = \"x*y\"\nstart = [1, 1]\n".write(to: file, atomically: true, encoding: .utf8)
        let definition = try empty.resolve(file.path)
        #expect(definition.name == "mine")
        #expect(definition.origin == .file(path: file.path))
        #expect(throws: ObjectiveError("no function file 'missing.toml'")) { try empty.resolve("missing.toml") }
    }

    @Test func userFoldersComeBeforeTheBuiltInCatalogInOrder() throws {
        let first = try temporaryFolder(), second = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        try "name = \"rosenbrock\"\ntitle = \"Mine\"\nexpression = \"x^2\"\nstart = [1, 1]\n"
            .write(to: first.appendingPathComponent("rosenbrock.toml"), atomically: true, encoding: .utf8)
        try "name = \"rosenbrock\"\ntitle = \"Theirs\"\nexpression = \"y^2\"\nstart = [1, 1]\n"
            .write(to: second.appendingPathComponent("rosenbrock.toml"), atomically: true, encoding: .utf8)
        try "name = \"extra\"\nexpression = \"y^2\"\nstart = [1, 1]\n"
            .write(to: second.appendingPathComponent("extra.toml"), atomically: true, encoding: .utf8)

        let catalog = FunctionCatalog(searchPaths: [first.path], environment: ["TRAJVIZ_FUNCTIONS": second.path])
        #expect(catalog.searchPaths == [first.path, second.path])
        #expect(try catalog.resolve("rosenbrock").title == "Mine")
        #expect(try catalog.resolve("extra").origin == .file(path: second.appendingPathComponent("extra.toml").path))
        #expect(try catalog.names().contains("extra"))
        let reversed = FunctionCatalog(environment: ["TRAJVIZ_FUNCTIONS": "\(second.path)::\(first.path)"])
        #expect(reversed.searchPaths == [second.path, first.path])
        #expect(try reversed.resolve("rosenbrock").title == "Theirs")
        #expect(try empty.resolve("rosenbrock").title == "Rosenbrock")
    }

    @Test func aMissingUserFolderIsReportedWhenNamesAreListed() {
        let catalog = FunctionCatalog(searchPaths: ["/nonexistent/functions"], environment: [:])
        #expect(throws: ObjectiveError.self) { try catalog.resolve("no-such-function") }
    }

    @Test func dimensionAndConditionNumberOnlyApplyToFamilies() {
        #expect(throws: ObjectiveError("'rosenbrock' is a function of x and y; a dimension (10) applies only to rosenbrock-n, rastrigin-n, quadratic-n")) {
            try empty.resolve("rosenbrock", dimension: 10)
        }
        #expect(throws: ObjectiveError("a condition number applies to quadratic-n only, not 'rosenbrock'")) {
            try empty.resolve("rosenbrock", conditionNumber: 10)
        }
        #expect(throws: Never.self) { try empty.resolve("rosenbrock", dimension: 2) }
    }
}
