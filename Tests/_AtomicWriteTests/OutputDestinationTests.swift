import Foundation
import Testing
@testable import _AtomicWrite

/// Symlinks are written through, special files in place, directories and inputs refused.
@Suite(.serialized) struct OutputDestinationTests {
    private func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("destination-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func contents(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    private func isLink(_ url: URL) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
    }

    @Test func aChainOfSymlinksIsWrittenThroughToItsTargetAndStaysAChain() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let target = elsewhere.appendingPathComponent("target.txt")
        try Data("old".utf8).write(to: target)
        let middle = folder.appendingPathComponent("middle")
        try FileManager.default.createSymbolicLink(atPath: middle.path, withDestinationPath: "elsewhere/target.txt")
        let first = folder.appendingPathComponent("first")
        try FileManager.default.createSymbolicLink(atPath: first.path, withDestinationPath: middle.path)

        try writeAtomically(Data("new".utf8), to: first)

        #expect(try contents(target) == "new")
        #expect(isLink(first) && isLink(middle))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: middle.path) == "elsewhere/target.txt")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["target.txt"], "no temporary file left")
    }

    @Test func aDanglingSymlinkCreatesTheFileItNames() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "made/by/link.txt")

        try writeAtomically(Data("through".utf8), to: link)

        #expect(isLink(link))
        #expect(try contents(folder.appendingPathComponent("made/by/link.txt")) == "through")
    }

    @Test func aSymlinkLoopIsAnError() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        try FileManager.default.createSymbolicLink(atPath: a.path, withDestinationPath: b.path)
        try FileManager.default.createSymbolicLink(atPath: b.path, withDestinationPath: a.path)
        #expect(throws: AtomicWriteError.self) { try writeAtomically(Data("x".utf8), to: a) }
        #expect(isLink(a) && isLink(b))
    }

    @Test func aDirectoryIsRefusedAndKept() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: AtomicWriteError.self) { try writeAtomically(Data("x".utf8), to: folder) }
        #expect(error?.refused == true && error?.description.contains("is a directory") == true)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Test func aFullDeviceFailsAndStaysADevice() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        #expect(try OutputDestination(path: "/dev/full", content: .text) == .special(path: "/dev/full"))
        let error = #expect(throws: AtomicWriteError.self) { try writeAtomically(Data(count: 1 << 17), to: URL(fileURLWithPath: "/dev/full")) }
        #expect(error?.description.contains("No space left") == true)
        var status = stat()
        #expect(lstat("/dev/full", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func aFIFOIsWrittenInPlace() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let reader = open(fifo.path, O_RDONLY | O_NONBLOCK)  // so that opening the write end does not wait
        try #require(reader >= 0)
        let readEnd = FileHandle(fileDescriptor: reader, closeOnDealloc: true)
        try writeAtomically(Data("through the pipe".utf8), to: fifo)
        let received = readEnd.availableData
        #expect(String(decoding: received, as: UTF8.self) == "through the pipe")
        var status = stat()
        #expect(lstat(fifo.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test func permissionBitsOfAReplacedFileAreKept() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("private.txt")
        try Data("old".utf8).write(to: url)
        chmod(url.path, 0o600)
        try writeAtomically(Data("new".utf8), to: url)
        var status = stat()
        #expect(stat(url.path, &status) == 0 && status.st_mode & 0o777 == 0o600)
        chmod(url.path, 0o751)
        try writeAtomically(Data("newer".utf8), to: url)
        #expect(stat(url.path, &status) == 0 && status.st_mode & 0o777 == 0o751)
    }

    @Test func anInputIsRefusedUnderEverySpelling() throws {
        let folder = try scratchFolder()
        defer {
            RunInputs.reset()
            try? FileManager.default.removeItem(at: folder)
        }
        let input = folder.appendingPathComponent("mine.toml")
        try Data("expression = \"x^2 + y^2\"\n".utf8).write(to: input)
        RunInputs.note(input.path, as: "the --function file")
        let hardLink = folder.appendingPathComponent("hard.png")
        try FileManager.default.linkItem(at: input, to: hardLink)
        let symlink = folder.appendingPathComponent("soft.png")
        try FileManager.default.createSymbolicLink(atPath: symlink.path, withDestinationPath: "mine.toml")
        let dotted = folder.appendingPathComponent("./sub/../mine.toml")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for spelling in [input, hardLink, symlink, dotted] {
            let error = #expect(throws: AtomicWriteError.self) { try writeAtomically(Data("PNG".utf8), to: spelling) }
            #expect(error?.refused == true && error?.description.contains("the --function file") == true)
        }
        #expect(try contents(input) == "expression = \"x^2 + y^2\"\n")
        try writeAtomically(Data("fine".utf8), to: folder.appendingPathComponent("other.png"))
    }

    @Test func aDashIsTheStandardOutput() throws {
        #expect(try OutputDestination(path: "-", content: .text) == .standardOutput)
        if isatty(STDOUT_FILENO) == 0 {
            #expect(try OutputDestination(path: "-", content: .binary) == .standardOutput)
        } else {
            #expect(throws: AtomicWriteError.self) { try OutputDestination(path: "-", content: .binary) }
        }
    }

    @Test func anUncommittedOutputLeavesTheOldFileAndNoTemporary() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("out.json")
        try Data("old".utf8).write(to: url)
        do {
            let file = try OutputFile(path: url.path, content: .text)
            try file.write(String(repeating: "x", count: 200_000))
        }
        #expect(try contents(url) == "old")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left == ["out.json"], "\(left)")
    }

    @Test func aSpillFileCopiesWhatWasAppended() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spill = try SpillFile()
        let pieces = (0..<50_000).map { "\($0)," }
        for piece in pieces { try spill.write(piece) }
        let url = folder.appendingPathComponent("copy.txt")
        let file = try OutputFile(path: url.path, content: .text)
        try file.write("[")
        try spill.copy(into: file)
        try file.write("]")
        try file.commit()
        #expect(try contents(url) == "[" + pieces.joined() + "]")
    }
}
