import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct ReviewPageTests {
    @Test(arguments: WikitextTests.hostile + ["\"><img src=x onerror=alert(1)>", "</pre><script>alert(1)</script>"])
    func hostileTextCannotRunScript(text: String) {
        var entry = BatchEntry(
            source: "DCIM/\(text).JPG", sha1: String(repeating: "a", count: 40), status: .excluded,
            thumbnails: ["thumbs/320/\(text).jpg"], width: nil, height: nil)
        entry.filename = text
        entry.reasons = [text]
        entry.wikitext = text
        entry.people = [text]
        let html = ReviewPage.render(entries: [entry], header: BatchHeader(title: text, people: []))
        #expect(html.components(separatedBy: "<script").count == 2)  // photocat's own filter script only
        #expect(!html.contains("onerror=alert") || html.contains("onerror=alert(1)&gt;"))
        #expect(!html.contains("<img src=x"))
    }

    @Test func groupsFollowScenesInCaptureOrder() {
        func entry(_ source: String, _ scene: String?, _ captured: String?) -> BatchEntry {
            var e = BatchEntry(source: source, sha1: nil, status: .ready, thumbnails: [], width: nil, height: nil)
            e.scene = scene
            e.captured = captured
            return e
        }
        let groups = ReviewPage.groups([
            entry("c", "cake", "2026-01-15 17:00:00"), entry("x", nil, nil),
            entry("t2", "talks", "2026-01-15 14:30:00"), entry("t1", "talks", "2026-01-15 14:00:00"),
        ])
        #expect(groups.map(\.0) == ["talks", "cake", nil])
        #expect(groups[0].1.map(\.source) == ["t1", "t2"])
    }

    /// Times are the venue's clock, and the page says which zone that is and gives the instant.
    @Test func timesNameTheirZoneAndInstant() {
        var entry = BatchEntry(source: "a.jpg", sha1: nil, status: .ready, thumbnails: [], width: nil, height: nil)
        entry.captured = "2026-01-15 14:05:12"
        entry.capturedUTC = "2026-01-15T10:05:12.57Z"
        let html = ReviewPage.render(entries: [entry], header: BatchHeader(title: "t", people: [], timeZone: "Asia/Baku"))
        #expect(html.contains("venue&#39;s clock (Asia/Baku)") || html.contains("venue's clock (Asia/Baku)"))
        #expect(html.contains("2026-01-15 14:05:12 (10:05:12 UTC)"))
    }
}

/// The sample card's review page in a real browser (Debian's Chromium, headless): it loads,
/// every thumbnail decodes, the console stays quiet.
enum Browser {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

@Suite(.enabled(if: Browser.chromium != nil, "chromium is not installed (apt-get install chromium); CI installs it"))
struct BrowserTests {
    @Test func reviewPageLoadsWithEveryThumbnail() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("out")
            _ = try await PipelineTests.run(card: try Fixtures.copySampleCard(into: folder), output: output)
            let result = try Subprocess.run(
                Browser.chromium!,
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
                    "--enable-logging=stderr", "--v=0", "--dump-dom", output.appendingPathComponent("review.html").absoluteString,
                ])
            let (dom, log) = (result.stdout, result.stderr)
            #expect(dom.contains("data-loaded=\"yes\""), "the page's script did not run")
            let broken = dom.firstMatch(of: /data-broken-images="([^"]*)"/).map { String($0.1) }
            #expect(broken == "", "thumbnails that did not load: \(broken ?? "none reported")")
            #expect(dom.components(separatedBy: "<article class=\"card").count == 15)
            #expect(!log.contains(":CONSOLE"), "console output: \(log.split(separator: "\n").filter { $0.contains(":CONSOLE") })")
        }
    }
}
