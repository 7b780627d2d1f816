import Foundation
import SampleCard
import Testing
import PhotoModel

/// FileSystemPath.read, the one way photos are read: straight into the result, whole or up to
/// a limit, and on past the size seen at open when the file is still growing.
@Suite struct FileReadTests {
    @Test(arguments: [0, 1, 4096, 3_000_001])
    func readsTheWholeFile(size: Int) async throws {
        try await Fixtures.withTemporaryFolder { folder in
            var random = SplitMix64(seed: UInt64(size))
            let bytes = Data((0..<size).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            let url = folder.appendingPathComponent("IMG_0001.JPG")
            try bytes.write(to: url)
            let path = FileSystemPath(bytes: Array(url.path.utf8))
            #expect(try path.read() == bytes)
            #expect(try path.read(limit: 100) == bytes.prefix(100))
            #expect(try path.read(limit: 0).isEmpty)
        }
    }

    @Test func aFileThatGrowsWhileReadIsReadToItsEnd() async throws {
        // /dev/zero reports size 0 and never ends: the limit is what stops the reading.
        let zeros = FileSystemPath(bytes: Array("/dev/zero".utf8))
        #expect(try zeros.read(limit: 200_000) == Data(count: 200_000))
    }

    @Test func aMissingFileIsAnError() {
        #expect(throws: POSIXError.self) { try FileSystemPath(bytes: Array("/nonexistent/IMG_0001.JPG".utf8)).read() }
    }
}
