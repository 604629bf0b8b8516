import ArgumentParser
import Testing
@testable import TrajVizCLI

/// `trajviz render`'s view and camera flags.
@Suite struct RenderViewFlagTests {
    @Test(arguments: [
        ["--azimuth", "30"],
        ["--elevation", "20"],
        ["--view", "3d", "--elevation", "95"],
        ["--view", "3d", "--azimuth", "nan"],
        ["--view", "3d", "--rotate"],
        ["--view", "both", "--layout", "grid"],
        ["--rotate", "--animate"],
    ])
    func refusesCameraFlagsThatCannotApply(arguments: [String]) {
        #expect {
            _ = try TrajVizCommand.parseAsRoot(["render", "--function", "rosenbrock", "--optimizer", "adam"] + arguments)
        } throws: { error in
            TrajVizCommand.exitCode(for: error) == .validationFailure
        }
    }

    @Test func acceptsACameraWithAThreeDView() throws {
        _ = try TrajVizCommand.parseAsRoot(["render", "--function", "rosenbrock", "--optimizer", "adam", "--view", "both", "--azimuth=-120", "--elevation", "40", "--animate", "--rotate"])
    }
}
