import Foundation
import Testing
import Trajectories
@testable import Scenes

@Suite struct PathFileTests {
    /// Writes `text` to a fresh temporary file with the given extension.
    func file(_ text: String, extension pathExtension: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-pathfile-\(UUID().uuidString).\(pathExtension)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func readsPlainAndHeaderedCSV() throws {
        let plain = try PathFile.csvRun("0,1\n2,3\n", name: "mine", source: "mine.csv")
        #expect(plain.points.rows == [[0, 1], [2, 3]])
        #expect(plain.optimizer == "mine")
        let headed = try PathFile.csvRun("step,y,x,loss\n0,1,2,5\n1,3,4,0.5\n", name: "m", source: "m.csv")
        #expect(headed.points.rows == [[2, 1], [4, 3]])
        #expect(headed.losses == [5, 0.5])
    }

    @Test func readsTheCoordinatesOfOurCSVInAnyDimension() throws {
        let run = Trajectory(
            function: "rosenbrock-n", optimizer: "adam", start: [1, 2, 3], steps: 1, zeroGrad: "inplace", clipGradNorm: nil,
            points: [[1, 2, 3], [4, 5, 6]], losses: [7, 8], gradients: [[0, 0, 0]])
        let read = try PathFile.run(try file(TrajectoryCSV.text(of: run), extension: "csv"), dimension: 3)
        #expect(read.points == run.points)
        #expect(read.losses == run.losses)
    }

    @Test func namesTheLineOfABadRow() {
        #expect(throws: SceneError("m.csv:2: expected numbers in columns 1 and 2 (x,y), got '1,oops'")) {
            try PathFile.csvRun("0,1\n1,oops\n", name: "m", source: "m.csv")
        }
    }

    @Test func readsOurTrajectoryJSONInTheOldAndTheNewKeys() throws {
        for zeroGrad in [#""zero_grad":"inplace","clip_grad_norm":null"#, #""zeroGrad":"inplace","clipGradNorm":null"#] {
            let json = #"{"function":"f","optimizer":"adam(lr=0.1)","start":[0,0],"steps":1,"# + zeroGrad
                + #","points":[[0,0],[1,1]],"losses":[0,2],"gradients":[[1,1]]}"#
            let path = try PathFile.read(try file(json, extension: "json"), dimension: 2)
            #expect(path.label == "adam(lr=0.1)")
            #expect(path.points == [[0, 0], [1, 1]])
            #expect(path.finalLoss == 2)
        }
    }

    @Test(arguments: [
        ("json", #"{"function":"f","optimizer":"o","start":[0,0,0],"steps":1,"zeroGrad":"none","points":[[0,0,0],[1,1,1]],"losses":[0,1],"gradients":[[1,1,1]]}"#, 2),
        ("csv", "x1,x2,x3\n0,0,0\n1,1,1\n", 2),
        ("csv", "x,y\n0,0\n1,1\n", 3),
        ("csv", "0,0\n1,1\n", 10),
    ])
    func refusesARunOfAnotherDimension(_ kind: String, _ text: String, _ dimension: Int) throws {
        let path = try file(text, extension: kind)
        do {
            _ = try PathFile.run(path, dimension: dimension)
            Issue.record("accepted a run of another dimension than \(dimension)")
        } catch {
            #expect(error.description.contains("but the function has \(dimension) variables"), "\(error)")
        }
    }

    @Test(arguments: [
        ("csv", "x,y\n0,0\n1,1\nnan,2\n3,3\n", 2, 2),
        ("csv", "x,y\n0,0\ninf,1\n", 1, 1),
        ("csv", "x,y,loss\n0,0,1\n1,1,inf\n2,2,1\n", 2, 2),
        ("json", #"{"function":"f","optimizer":"o","start":[0,0],"steps":3,"zeroGrad":"none","points":[[0,0],[1,"NaN"],[2,2],[3,3]],"losses":[0,1,2,3],"gradients":[[1,1],[1,1],[1,1]]}"#, 1, 1),
    ])
    func endsARunAtItsFirstNonFiniteRow(_ kind: String, _ text: String, _ kept: Int, _ divergedAt: Int) throws {
        let run = try PathFile.run(try file(text, extension: kind), dimension: 2)
        #expect(run.points.count == kept)
        #expect(run.losses.count == kept)
        #expect(run.points.allSatisfy { $0.allSatisfy(\.isFinite) })
        #expect(run.divergedAtStep == divergedAt)
        #expect(run.gradients.count <= max(kept - 1, 0))
    }

    @Test func refusesARunWhoseFirstPointIsNotFinite() throws {
        let path = try file("x,y\nnan,0\n1,1\n", extension: "csv")
        #expect(throws: SceneError.self) { try PathFile.run(path, dimension: 2) }
    }

    @Test(arguments: [
        (#"{"function":"f","optimizer":"o","start":[0,0],"steps":1,"zeroGrad":"none","points":[[0,0],[1,"x"]],"losses":[0,1],"gradients":[[1,1]]}"#, "points[1][1]"),
        (#"{"function":"f","optimizer":"o","start":[0,0],"steps":1,"zeroGrad":"none","points":[[0,0],[1,1]],"gradients":[[1,1]]}"#, "losses"),
        (#"{"function":"f","optimizer":"o","start":[0,0],"steps":1,"zeroGrad":"none","points":[[0,0],[1]],"losses":[0,1],"gradients":[[1,1]]}"#, "points"),
        (#"{"function":"f","optimizer":"o","start":[0,0],"steps":"1","zeroGrad":"none","points":[[0,0],[1,1]],"losses":[0,1],"gradients":[[1,1]]}"#, "steps"),
        (#"{"function":"f","optimizer":"o","start":[0,0],"steps":1,"zeroGrad":"sometimes","points":[[0,0],[1,1]],"losses":[0,1],"gradients":[[1,1]]}"#, "zeroGrad"),
        (#"{"function":"f","optimizer":"o","start":[0,0],"steps":1,"zeroGrad":"none","points":[[0,0],[1,1]],"losses":[0],"gradients":[[1,1]]}"#, "losses"),
        (#"{"function":"f","optimizer":"o","start":[0,0],"steps":1,"zeroGrad":"none","points":[[0,0],[1,1]],"losses":[0,1],"gradients":[[1,1,1]]}"#, "gradients[0]"),
        (#"{"function":"f","optimizer":"o","start":[0,0],"steps":1,"zeroGrad":"none","points":[[0,0],[1,1]],"losses":[0,1],"gradients":[[1,1]],"divergedAtStep":7}"#, "divergedAtStep"),
        (#"{"function":"f","optimizer":"o","start":[0,0],"steps":1,"#, "not valid JSON"),
    ])
    func namesTheFieldOfMalformedJSON(_ json: String, _ field: String) throws {
        let path = try file(json, extension: "json")
        do {
            _ = try PathFile.run(path, dimension: 2)
            Issue.record("accepted \(json)")
        } catch {
            let message = error.description
            #expect(message.contains(field.hasPrefix("not") ? field : "field '\(field)"), "\(message)")
            #expect(!message.contains("\n") && !message.contains("DecodingError") && !message.contains("CodingKeys"), "\(message)")
        }
    }
}
