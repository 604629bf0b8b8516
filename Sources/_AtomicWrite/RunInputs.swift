import Foundation

/// The files this run reads. No output is ever written over one of them: `OutputDestination`
/// compares each output's device and inode with these, so a hard link, a symlink or another
/// spelling (`./x`, `dir/../x`) of an input is caught as well as its own path.
///
/// Commands note their inputs as they parse them (the `--function` file, `--trajectory` files,
/// scene files); the record lasts for the process.
public enum RunInputs {
    /// One noted input: where it is on disk, and what the run called it.
    struct Input {
        let device: UInt64
        let inode: UInt64
        let path: String
        let role: String
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var inputs: [Input] = []

    /// Notes `path` as an input of this run, e.g. `note("mine.toml", as: "the --function file")`.
    /// A path that does not exist (yet) is not noted: there is nothing to destroy.
    public static func note(_ path: String, as role: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        lock.withLock {
            inputs.append(Input(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), path: path, role: role))
        }
    }

    /// The input that is the file with this status, if any.
    static func input(matching status: stat) -> Input? {
        lock.withLock { inputs.first { $0.device == UInt64(status.st_dev) && $0.inode == UInt64(status.st_ino) } }
    }

    /// Forgets every noted input (for tests).
    static func reset() {
        lock.withLock { inputs.removeAll() }
    }
}
