import Foundation
import Testing

/// Outputs never destroy what the user had: symlinks are written through, devices and FIFOs in
/// place, `-` is standard output, an output that is one of the run's inputs is refused, and
/// default names of distinct runs are distinct.
@Suite struct OutputPathTests {
    static let quick = ["--steps", "5"]
    static let small = ["--size", "360x260"]

    private func isLink(_ url: URL) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
    }

    private func kind(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    // MARK: symlinks

    /// Each command's output through a symlink: the target gets the bytes, the link stays a link.
    @Test(arguments: ["trajectory", "render", "curves"])
    func aSymlinkedOutputIsWrittenThroughToItsTarget(command: String) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.file("real"), withIntermediateDirectories: true)
        let target = try scratch.write("real/target", "old")
        let link = scratch.file("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real/target")
        var arguments = [command, "--function", "rosenbrock", "--optimizer", "adam"] + Self.quick + ["--output", link.path]
        if command != "trajectory" { arguments += Self.small }
        let outcome = try BuiltTool.run(arguments)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(isLink(link), "the link was replaced by a file")
        let written = try Data(contentsOf: target)
        #expect(written.count > 3 && written != Data("old".utf8), "the link's target was not written")
        #expect(scratch.files() == ["link", "real", "real/target"], "left behind: \(scratch.files())")
    }

    // MARK: devices, FIFOs, directories

    /// /dev/full, or (as root) a node of the same device in the scratch folder, so that a tool
    /// that replaces device nodes damages only the scratch folder.
    @Test(arguments: ["trajectory", "render"])
    func aFullDeviceFailsWithOneLine(command: String) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let own = scratch.file("full").path
        let device = mknod(own, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0 ? own : "/dev/full"  // makedev(1, 7)
        var arguments = [command, "--function", "rosenbrock", "--optimizer", "adam", "--steps", "2000", "--output", device]
        if command == "render" { arguments += Self.small }
        let outcome = try BuiltTool.run(arguments)
        expectCleanFailure(outcome, mentioning: ["cannot write \(device)", "No space left"])
        #expect(kind(device) == S_IFCHR)
    }

    /// A FIFO is written into, not replaced by a file. The read end is open (without blocking)
    /// before the tool runs, and the output fits the pipe's buffer, so nothing waits on anything.
    @Test func aFIFOOutputIsWrittenInPlace() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let fifo = scratch.file("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let reader = open(fifo.path, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        let readEnd = FileHandle(fileDescriptor: reader, closeOnDealloc: true)
        let outcome = try BuiltTool.run(["trajectory", "--function", "rosenbrock", "--optimizer", "adam", "--steps", "3", "--output", fifo.path])
        let received = readEnd.availableData
        #expect(outcome.status == 0, "\(outcome)")
        #expect(kind(fifo.path) == S_IFIFO, "the FIFO was replaced")
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("{\"function\":\"rosenbrock\""))
    }

    /// A symlink to the standard output (as /dev/stdout is) writes into the pipe and stays a link.
    @Test(arguments: ["own-link", "/dev/stdout"])
    func aLinkToStandardOutputWritesThere(path: String) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        var output = path
        if path == "own-link" {
            output = scratch.file("stdout-link").path
            try FileManager.default.createSymbolicLink(atPath: output, withDestinationPath: "/dev/stdout")
        }
        let outcome = try BuiltTool.run(["trajectory", "--function", "rosenbrock", "--optimizer", "adam", "--steps", "3", "--output", output])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardOutput.hasPrefix("{\"function\":\"rosenbrock\""), "\(outcome)")
        #expect(outcome.standardOutput.hasSuffix("}\n"), "nothing may follow the JSON on stdout\n\(outcome)")
        #expect(kind(output) == S_IFLNK)
    }

    @Test func aDirectoryOutputIsRefused() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.file("maps"), withIntermediateDirectories: true)
        let outcome = try BuiltTool.run(
            ["render", "--function", "rosenbrock", "--optimizer", "adam", "--output", scratch.file("maps").path] + Self.quick + Self.small)
        expectCleanFailure(outcome, status: 2, mentioning: ["maps", "directory"])
        #expect(kind(scratch.file("maps").path) == S_IFDIR)
    }

    // MARK: -

    @Test func aDashIsStandardOutputForText() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        for format in ["json", "csv"] {
            let outcome = try BuiltTool.run(
                ["trajectory", "--function", "rosenbrock", "--optimizer", "adam", "--steps", "3", "--format", format, "--output", "-"],
                in: scratch.url)
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.standardOutput.hasPrefix(format == "json" ? "{" : "step,x,y,loss"), "\(outcome)")
        }
        #expect(scratch.files().isEmpty, "a file named '-' was made: \(scratch.files())")
    }

    /// With stdout a pipe, `-` writes the PNG bytes there (a terminal is refused).
    @Test func aDashWritesImageBytesToAPipe() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let outcome = try BuiltTool.run(
            ["render", "--function", "rosenbrock", "--optimizer", "adam", "--output", "-"] + Self.quick + Self.small, in: scratch.url)
        #expect(outcome.status == 0, "\(outcome)")
        // (stdout is decoded as UTF-8: the signature's 0x89 becomes U+FFFD, "PNG\r\n" stays)
        #expect(outcome.standardOutput.dropFirst().hasPrefix("PNG\r\n"), "no PNG signature on stdout")
        #expect(scratch.files().isEmpty, "a file named '-' was made: \(scratch.files())")
    }

    // MARK: inputs

    enum Spelling: String, CaseIterable { case same, dotted, hardLink, symlink }

    /// The output `spelling` of `input` inside `scratch`.
    private func spell(_ input: URL, _ spelling: Spelling, in scratch: ScratchFolder) throws -> String {
        switch spelling {
        case .same: return input.path
        case .dotted: return input.deletingLastPathComponent().path + "/./" + input.lastPathComponent
        case .hardLink:
            let link = scratch.file("hard-\(input.lastPathComponent).png")
            try FileManager.default.linkItem(at: input, to: link)
            return link.path
        case .symlink:
            let link = scratch.file("soft-\(input.lastPathComponent).png")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: input.path)
            return link.path
        }
    }

    private func expectRefusedAndKept(_ outcome: BuiltTool.Outcome, _ input: URL, _ before: Data, sourceLocation: SourceLocation = #_sourceLocation) throws {
        expectCleanFailure(outcome, status: 2, mentioning: ["cannot write", "which this run reads"], sourceLocation: sourceLocation)
        #expect(try Data(contentsOf: input) == before, "the input was overwritten", sourceLocation: sourceLocation)
    }

    @Test(arguments: Spelling.allCases)
    func aTrajectoryInputIsNotOverwrittenByRender(spelling: Spelling) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let input = try scratch.write("t.csv", "x,y\n-1.5,1.5\n-1,1\n0,0\n")
        let before = try Data(contentsOf: input)
        let outcome = try BuiltTool.run(
            ["render", "--function", "rosenbrock", "--trajectory", input.path, "--output", try spell(input, spelling, in: scratch)] + Self.small)
        try expectRefusedAndKept(outcome, input, before)
    }

    @Test(arguments: ["trajectory", "render", "curves"], Spelling.allCases)
    func aFunctionFileIsNotOverwritten(command: String, spelling: Spelling) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let input = try scratch.write("mine.toml", BadInputTests.goodFile)
        let before = try Data(contentsOf: input)
        var arguments = [command, "--function", input.path, "--optimizer", "adam", "--output", try spell(input, spelling, in: scratch)] + Self.quick
        if command != "trajectory" { arguments += Self.small }
        try expectRefusedAndKept(try BuiltTool.run(arguments), input, before)
    }

    /// diagnose writes a folder: a file in it that is a hard link to the function file is refused.
    @Test func aFunctionFileInsideDiagnosesFolderIsNotOverwritten() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let input = try scratch.write("mine.toml", BadInputTests.goodFile)
        let before = try Data(contentsOf: input)
        try FileManager.default.createDirectory(at: scratch.file("out"), withIntermediateDirectories: true)
        try FileManager.default.linkItem(at: input, to: scratch.file("out/verdict.json"))
        let outcome = try BuiltTool.run(
            ["diagnose", "--function", input.path, "--optimizer", "diffgrad(lr=0.01)", "--steps", "10", "--output", scratch.file("out").path])
        try expectRefusedAndKept(outcome, input, before)
    }

    /// A scene whose image is the scene file itself.
    @Test func aSceneFileIsNotOverwritten() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let scenes = try scratch.write(
            "scenes.json",
            #"{"scenes": [{"image": "scenes.json", "arguments": ["render", "--function", "rosenbrock", "--optimizer", "adam", "--steps", "5", "--size", "320x260"]}]}"#)
        let before = try Data(contentsOf: scenes)
        try expectRefusedAndKept(try BuiltTool.run(["gallery", "--scenes", scenes.path]), scenes, before)
    }

    // MARK: default names

    /// Runs `render` with default names in a fresh folder and returns the files it made, checking
    /// that it named each on stdout.
    private func defaultNames(_ runs: [[String]], steps: [String] = quick) throws -> [String] {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        var printed: [String] = []
        for run in runs {
            let outcome = try BuiltTool.run(["render"] + run + steps + Self.small, in: scratch.url)
            try #require(outcome.status == 0, "\(outcome)")
            printed += outcome.standardOutput.split(separator: "\n").map(String.init)
        }
        let files = scratch.files().filter { $0.hasSuffix(".png") }
        #expect(Set(printed.map { URL(fileURLWithPath: $0).lastPathComponent }) == Set(files.map { URL(fileURLWithPath: $0).lastPathComponent }),
                "the tool must print what it wrote: printed \(printed), made \(files)")
        return files
    }

    @Test(arguments: [
        [["--function", "x^2+y^2", "--optimizer", "adam"], ["--function", "x^2-y^2", "--optimizer", "adam"]],
        [["--function", "rosenbrock", "--optimizer", "adam(lr=0.1)"], ["--function", "rosenbrock", "--optimizer", "adam(lr=0.01)"]],
        [["--function", "rosenbrock", "--optimizer", "adam"], ["--function", "rosenbrock", "--optimizer", "adam", "--start=1,1"]],
        [["--function", "rosenbrock", "--optimizer", "adam"], ["--function", "rosenbrock", "--optimizer", "adam", "--zero-grad", "none"]],
        [["--function", "rosenbrock", "--optimizer", "adam", "--optimizer", "sgd"], ["--function", "rosenbrock", "--optimizer", "sgd", "--optimizer", "adam"]],
    ])
    func distinctRunsGetDistinctDefaultNames(runs: [[String]]) throws {
        let files = try defaultNames(runs)
        #expect(files.count == runs.count, "\(runs) made \(files)")
    }

    @Test func aPlainRunKeepsItsReadableName() throws {
        #expect(try defaultNames([["--function", "rosenbrock", "--optimizer", "adam"]], steps: []) == ["output/rosenbrock-adam.png"])
    }

    /// Distinct optimizer specs get distinct map files; a plain name keeps today's file name.
    @Test func galleryMapsOfDistinctSpecsAreDistinct() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let outcome = try BuiltTool.run([
            "gallery", "--functions", "booth", "--optimizers", "adam,adam(beta1=0.5)", "--figures", "maps", "--budget", "3",
            "--steps", "10", "--jobs", "1", "--output", scratch.url.path,
        ])
        try #require(outcome.status == 0, "\(outcome)")
        let maps = scratch.files().filter { $0.hasPrefix("maps/booth/") && $0.hasSuffix(".png") }
        #expect(maps.count == 2 && maps.contains("maps/booth/adam.png"), "\(maps)")
        let index = try String(contentsOf: scratch.file("index.html"), encoding: .utf8)
        for map in maps { #expect(index.contains("src=\"\(map)\""), "index.html does not show \(map)") }
    }

    // MARK: streaming

    /// The outputs of the tool before it streamed (Fixtures/streaming, written by commit 34b330d),
    /// byte for byte, to a file, to stdout and to `-`. A deliberate schema change re-records them.
    @Test(arguments: [
        ("diffgrad-friction", ["--function", "rosenbrock", "--optimizer", "diffgrad(lr=0.01, clone=false)", "--steps", "40"]),
        ("split-none-clipped", ["--function", "rosenbrock-n", "--dim", "3", "--optimizer", "adam(lr=0.05, amsgrad=true)", "--steps", "25",
                                "--param-layout", "split", "--zero-grad", "none", "--clip-grad-norm", "1"]),
        ("diverged-linear", ["--function", "x + 0*y", "--start=0,0", "--optimizer", "sgd(lr=1e307)", "--steps", "30"]),
        ("diverged-first-step", ["--function", "x^2 + y^2", "--optimizer", "sgd(lr=1e308)", "--start=10,10", "--steps", "4"]),
    ])
    func streamedOutputIsByteForByteAsBefore(name: String, arguments: [String]) throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/streaming")
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        for format in ["json", "csv"] {
            let expected = try String(contentsOf: fixtures.appendingPathComponent("\(name).\(format)"), encoding: .utf8)
            let file = scratch.file("\(name).\(format)")
            let toFile = try BuiltTool.run(["trajectory"] + arguments + ["--format", format, "--output", file.path])
            #expect(toFile.status == 0, "\(toFile)")
            #expect(try String(contentsOf: file, encoding: .utf8) == expected, "\(name).\(format) to a file")
            for output in [[], ["--output", "-"]] {
                let toStdout = try BuiltTool.run(["trajectory"] + arguments + ["--format", format] + output)
                #expect(toStdout.standardOutput == expected, "\(name).\(format) to stdout \(output)")
            }
        }
    }
}
