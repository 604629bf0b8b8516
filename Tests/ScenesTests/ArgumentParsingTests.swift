import Foundation
import Plotting
import Testing
@testable import Scenes

@Suite struct PathFileTests {
    @Test func readsPlainAndHeaderedCSV() throws {
        let plain = try PathFile.csvPath("0,1\n2,3\n", name: "mine", source: "mine.csv")
        #expect(plain.points == [[0, 1], [2, 3]])
        let headed = try PathFile.csvPath("step,y,x,loss\n0,1,2,5\n1,3,4,0.5\n", name: "m", source: "m.csv")
        #expect(headed.points == [[2, 1], [4, 3]])
        #expect(headed.finalLoss == 0.5)
    }

    @Test func namesTheLineOfABadRow() {
        #expect(throws: SceneError("m.csv:2: expected numbers in columns 1 and 2 (x,y), got '1,oops'")) {
            try PathFile.csvPath("0,1\n1,oops\n", name: "m", source: "m.csv")
        }
    }

    @Test func readsOurTrajectoryJSON() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-pathfile-\(UUID().uuidString).json")
        try Data(#"{"function":"f","optimizer":"adam(lr=0.1)","start":[0,0],"steps":1,"zero_grad":"inplace","clip_grad_norm":null,"points":[[0,0],[1,1]],"losses":[0,2],"gradients":[[1,1]]}"#.utf8).write(to: url)
        let path = try PathFile.read(url.path)
        #expect(path.label == "adam(lr=0.1)")
        #expect(path.points == [[0, 0], [1, 1]])
        #expect(path.finalLoss == 2)
    }
}
