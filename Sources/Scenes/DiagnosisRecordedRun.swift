import Foundation
import Trajectories

extension Diagnosis {
    /// A recorded run read from a trajectory JSON file (what `trajviz trajectory` and the Python
    /// recorder write), with a one-line error naming the file and the field when it cannot be read.
    public static func recordedRun(at path: String) throws(SceneError) -> Trajectory {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SceneError("cannot read recorded run \(path): check the path and its permissions")
        }
        do {
            return try Trajectory.decoded(from: data)
        } catch let error as DecodingError {
            throw SceneError("\(path) is not a recorded run: \(describe(error)); write one with `trajviz trajectory --output run.json`")
        } catch {
            throw SceneError("\(path) is not a recorded run: \(error.localizedDescription)")
        }
    }

    /// "field 'gradients[3]': expected a number" and the like.
    static func describe(_ error: DecodingError) -> String {
        func field(_ path: [any CodingKey]) -> String {
            let text = path.reduce("") { text, key in
                key.intValue.map { "\(text)[\($0)]" } ?? (text.isEmpty ? key.stringValue : "\(text).\(key.stringValue)")
            }
            return text.isEmpty ? "the top level" : "field '\(text)'"
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(field(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context): return "\(field(context.codingPath)): expected \(type == Double.self ? "a number" : "\(type)")"
        case .valueNotFound(let type, let context): return "\(field(context.codingPath)): expected \(type), found null"
        case .dataCorrupted(let context):
            let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
            return context.codingPath.isEmpty ? "not valid JSON (\(detail))" : "\(field(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
