import Foundation
import Testing

/// Golden files under fixtures/golden. Run with PHOTOCAT_RECORD_GOLDEN=1 to re-record them after
/// an intended change, then review the diff in git.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["PHOTOCAT_RECORD_GOLDEN"] == "1" }

    static func check(_ actual: Data, against relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Fixtures.golden.appendingPathComponent(relativePath)
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url)
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record("missing golden file \(relativePath); record it with PHOTOCAT_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("\(relativePath) differs from its golden file:\n\(firstDifference(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    /// The first differing line, enough to see what changed.
    static func firstDifference(_ a: Data, _ b: Data) -> String {
        let x = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let y = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) where (i < x.count ? x[i] : nil) != (i < y.count ? y[i] : nil) {
            return "line \(i + 1)\n- \(i < x.count ? String(x[i]) : "<end>")\n+ \(i < y.count ? String(y[i]) : "<end>")"
        }
        return "(no line differs)"
    }
}
