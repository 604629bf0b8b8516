import Foundation
import Trajectories

extension Diagnosis {
    /// A recorded run read from a trajectory JSON file (what `trajviz trajectory` and the Python
    /// recorder write), with a one-line error naming the file (and, from the decoder, the field)
    /// when it cannot be read.
    public static func recordedRun(at path: String) throws(SceneError) -> Trajectory {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SceneError("cannot read recorded run \(path): check the path and its permissions")
        }
        do {
            return try Trajectory.decoded(from: data)
        } catch {
            let reason = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
            throw SceneError("\(path) is not a recorded run (\(reason)); write one with `trajviz trajectory --output run.json`")
        }
    }
}
