import Testing
@testable import TrajVizCLI

@Suite struct RootCommandTests {
    @Test func helpNamesTheTool() {
        #expect(TrajVizCommand.helpMessage().contains("trajviz"))
    }
}
