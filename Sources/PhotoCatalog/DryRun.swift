import Foundation
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload

/// `photocat validate --card`: what the manifest would do to each photo of a card, planned in
/// full but with nothing decoded and nothing written.
public struct DryRun: Sendable {
    public var entries: [BatchEntry]
    public var diagnostics: [Diagnostic]

    public static func plan(card: URL, manifest: Manifest) async throws -> DryRun {
        let (scan, records) = try await Pipeline.readMetadata(card: card)
        let plan = BatchPlanner.plan(records: records, manifest: manifest)
        return DryRun(entries: plan.entries, diagnostics: scan.diagnostics.filter { $0.severity > .note } + plan.diagnostics)
    }

    /// Photos that are not failed and that no scene claims: usually a window to widen.
    public var unclaimed: [BatchEntry] {
        entries.filter { $0.scene == nil && $0.status != .failed }
    }

    /// One line per photo, then the photos no scene claims.
    public func lines() -> [String] {
        var lines = entries.map { entry in
            var fields = [entry.source, entry.captured ?? "no date", "scene: \(entry.scene ?? "-")"]
            fields.append("people: " + (entry.people.isEmpty ? "-" : entry.people.joined(separator: ", ")))
            switch entry.status {
            case .ready: fields.append("ready as \"\(entry.filename ?? "")\"")
            default: fields.append(entry.status.rawValue + ": " + entry.reasons.joined(separator: "; "))
            }
            return fields.joined(separator: " | ")
        }
        let unclaimed = self.unclaimed
        lines.append("")
        lines.append(
            unclaimed.isEmpty
                ? "Every photo has a scene."
                : "\(unclaimed.count) photo\(unclaimed.count == 1 ? "" : "s") no scene claims: " + unclaimed.map(\.source).joined(separator: ", "))
        lines.append("(Image data was not decoded: `photocat run` also fails damaged photos.)")
        return lines
    }
}
