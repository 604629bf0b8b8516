import Foundation
import Plotting
import Testing
@testable import Scenes

@Suite struct OutputNameTests {
    @Test func slugsAreLowercaseWordsJoinedByHyphens() {
        #expect(OutputName.make(["Rosenbrock", "adam(lr=0.1)", "(1-x)^2"]) == "rosenbrock-adam-lr-0-1-1-x-2")
        #expect(OutputName.make(["***"]) == "render")
    }
}
