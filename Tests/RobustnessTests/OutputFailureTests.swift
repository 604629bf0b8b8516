import Foundation
import Testing

/// Output that cannot be written fails with one line and leaves nothing half-written behind.
@Suite struct OutputFailureTests {
    func render(to output: String, shellPrefix: String? = nil) throws -> BuiltTool.Outcome {
        try BuiltTool.run(
            ["render", "--function", "rosenbrock", "--optimizer", "adam(lr=0.05)", "--steps", "20", "--size", "640x480", "--output", output],
            shellPrefix: shellPrefix)
    }

    /// A file where the output folder should be: the folder cannot be made (root ignores permission bits, this it cannot).
    @Test func outputFolderThatIsAFile() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        try scratch.write("blocker", "not a folder")
        let outcome = try render(to: scratch.file("blocker/map.png").path)
        expectCleanFailure(outcome, mentioning: ["cannot write", "blocker"])
        #expect(scratch.files() == ["blocker"])
    }

    @Test func outputFolderUnderADevice() throws {
        let outcome = try render(to: "/dev/null/maps/map.png")
        expectCleanFailure(outcome, mentioning: ["cannot write", "/dev/null/maps/map.png"])
    }

    /// A full disk: a 16 KiB tmpfs when this process may mount one (root), else a 16 KiB file-size
    /// limit (`ulimit -f`, with SIGXFSZ ignored so that write(2) fails with EFBIG like ENOSPC would).
    @Test func fullDiskLeavesNoPartialFile() throws {
        let scratch = try ScratchFolder()
        defer {
            _ = try? Process.run(URL(fileURLWithPath: "/bin/umount"), arguments: [scratch.url.path]).waitUntilExit()
            scratch.remove()
        }
        let mount = try Process.run(URL(fileURLWithPath: "/bin/mount"), arguments: ["-t", "tmpfs", "-o", "size=16k", "tmpfs", scratch.url.path])
        mount.waitUntilExit()
        let mounted = mount.terminationStatus == 0
        let outcome = try render(to: scratch.file("map.png").path, shellPrefix: mounted ? nil : "trap '' XFSZ; ulimit -f 32;")
        expectCleanFailure(outcome, mentioning: ["cannot write", "map.png", mounted ? "No space left" : "too large"])
        #expect(scratch.files().isEmpty, "left behind: \(scratch.files())")
    }
}

/// `trajviz check` on images that are not good PNGs: exit 2 and one line; different sizes: exit 1.
@Suite struct CheckInputTests {
    static func goodPNG(in scratch: ScratchFolder, name: String, size: String = "300x240") throws -> URL {
        let url = scratch.file(name)
        let outcome = try BuiltTool.run([
            "render", "--function", "rosenbrock", "--optimizer", "adam", "--steps", "5", "--size", size, "--output", url.path,
        ])
        try #require(outcome.status == 0, "\(outcome)")
        return url
    }

    @Test(arguments: ["not-png", "truncated", "corrupt", "empty"])
    func badPNGIsAnIOError(kind: String) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let good = try Self.goodPNG(in: scratch, name: "good.png")
        let bytes = try Data(contentsOf: good)
        let bad = scratch.file("bad.png")
        switch kind {
        case "not-png": try Data("name = \"rosenbrock\"\n".utf8).write(to: bad)
        case "truncated": try bytes.prefix(bytes.count / 2).write(to: bad)
        case "corrupt":
            var damaged = bytes
            for index in stride(from: 60, to: damaged.count - 20, by: 7) { damaged[index] ^= 0x5A }
            try damaged.write(to: bad)
        default: try Data().write(to: bad)
        }
        let outcome = try BuiltTool.run(["check", good.path, bad.path])
        expectCleanFailure(outcome, status: 2, mentioning: ["bad.png"])
    }

    @Test func mismatchedSizesFailWithAMessage() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let small = try Self.goodPNG(in: scratch, name: "small.png", size: "300x240")
        let large = try Self.goodPNG(in: scratch, name: "large.png", size: "340x240")
        let outcome = try BuiltTool.run(["check", small.path, large.path])
        #expect(outcome.status == 1, "\(outcome)")
        expectNoTrap(outcome)
        let text = outcome.standardOutput + outcome.standardError
        #expect(text.contains("300") && text.contains("340"), "\(outcome)")
    }
}
