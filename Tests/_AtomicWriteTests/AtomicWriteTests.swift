import Foundation
import Testing
@testable import _AtomicWrite

@Suite struct AtomicWriteTests {
    private func scratchFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
    }

    @Test func createsFoldersAndWritesTheBytes() throws {
        let url = scratchFolder().appendingPathComponent("a/b/out.txt")
        try writeAtomically(Data("hello".utf8), to: url)
        #expect(try Data(contentsOf: url) == Data("hello".utf8))
    }

    @Test func replacesAnExistingFileAndLeavesNoTemporaryFiles() throws {
        let folder = scratchFolder()
        let url = folder.appendingPathComponent("out.txt")
        try writeAtomically(Data("old".utf8), to: url)
        try writeAtomically(Data("new".utf8), to: url)
        #expect(try Data(contentsOf: url) == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.txt"])
    }

    @Test func failureNamesThePathAndKeepsTheOldFile() throws {
        let folder = scratchFolder()
        let url = folder.appendingPathComponent("out.txt")
        try writeAtomically(Data("old".utf8), to: url)
        chmod(folder.path, 0o555)
        defer { chmod(folder.path, 0o755) }
        guard getuid() != 0 else { return }  // root ignores permission bits; the tmpfs test covers it
        #expect(throws: AtomicWriteError.self) { try writeAtomically(Data("new".utf8), to: url) }
        #expect(try Data(contentsOf: url) == Data("old".utf8))
    }
}
