import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// The API client against a real MediaWiki: login, tokens, lookups, uploads in one piece and in
/// chunks, and the wiki's refusals.
@Suite(.enabled(if: TestWiki.installed, Comment(rawValue: TestWiki.missing)), .serialized)
struct WikiAPITests {
    static func sha1(_ data: Data) -> String {
        Fingerprint.sha1(data)
    }

    @Test func logsInUploadsAndFindsTheFileByContent() async throws {
        let wiki = try TestWiki()
        defer { wiki.stop() }
        let api = WikiAPI(endpoint: wiki.endpoint, contact: "tests")
        #expect(try await api.siteInfo().name == "TestWiki")
        try await api.login(user: wiki.user, password: wiki.password)
        let token = try await api.csrfToken()
        let photo = try Images.jpeg(width: 320, height: 240, seed: 3)
        let answer = try await api.upload(photo, filename: "Photocat test 01.jpg", text: "== Test ==\nhello", comment: "test", token: token)
        #expect(answer == .success(filename: "Photocat_test_01.jpg"))
        #expect(try await api.files(withSHA1: Self.sha1(photo)) == ["Photocat_test_01.jpg"])
        #expect(try await api.filePageText("Photocat test 01.jpg") == "== Test ==\nhello")
        #expect(try await api.filePageID("Photocat test 01.jpg") != nil)
        #expect(try await api.filePageID("Photocat test 02.jpg") == nil)

        // The same bytes again under another name: a warning, not an upload.
        let again = try await api.upload(photo, filename: "Photocat test 02.jpg", text: "x", comment: "test", token: token)
        guard case .warning(let warnings, let filekey) = again else {
            Issue.record("uploaded twice: \(again)")
            return
        }
        #expect(warnings["duplicate"] == "Photocat_test_01.jpg" && filekey != nil)

        // Chunks: a larger photo in 64 KB pieces.
        let large = try Images.jpeg(width: 1600, height: 1200, seed: 4, quality: 98)
        #expect(large.count > 3 * 65536)
        let chunked = try await api.upload(large, filename: "Photocat test 03.jpg", text: "chunked", comment: "test", token: token, chunkSize: 65536)
        #expect(chunked == .success(filename: "Photocat_test_03.jpg"))
        #expect(try await api.files(withSHA1: Self.sha1(large)) == ["Photocat_test_03.jpg"])

        // A camera's default name is refused by the title blacklist.
        let refused = await #expect(throws: WikiAPI.Failure.self) {
            _ = try await api.upload(try Images.jpeg(seed: 5), filename: "DSC_0001.jpg", text: "x", comment: "test", token: token)
        }
        #expect(refused?.code.hasPrefix("titleblacklist") == true, "\(String(describing: refused))")
    }

    @Test func aWrongPasswordFailsAtOnce() async throws {
        let wiki = try TestWiki()
        defer { wiki.stop() }
        let api = WikiAPI(endpoint: wiki.endpoint, contact: "tests")
        let error = await #expect(throws: WikiAPI.Failure.self) { try await api.login(user: wiki.user, password: "0123456789abcdef0123456789abcdef") }
        #expect(error?.code == "login")
        let unreachable = WikiAPI(endpoint: URL(string: "http://127.0.0.1:9/api.php")!, contact: "tests")
        await #expect(throws: WikiAPI.Failure.self) { _ = try await unreachable.siteInfo() }
    }
}
