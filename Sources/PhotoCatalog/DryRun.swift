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
    /// Whether the photos' image data was decoded.
    public var decoded = false

    /// With `decode`, each photo's image data is decoded too (nothing is written), so a damaged
    /// photo fails here as in `run` and the planned names are the run's.
    public static func plan(card: URL, manifest: Manifest, decode: Bool = false) async throws -> DryRun {
        let (scan, records) = try await Pipeline.readMetadata(card: card, decode: decode)
        let plan = BatchPlanner.plan(records: records, manifest: manifest)
        return DryRun(
            entries: plan.entries, diagnostics: scan.diagnostics.filter { $0.severity > .note } + plan.diagnostics, decoded: decode)
    }

    /// Photos that are not failed and that no scene claims: usually a window to widen.
    public var unclaimed: [BatchEntry] {
        entries.filter { $0.scene == nil && $0.status != .failed }
    }

    /// Where the page's position comes from: `exif`, `gpx` or `event` with the position, or why
    /// there is none.
    static func place(_ entry: BatchEntry) -> String {
        if let withheld = entry.locationWithheld { return "withheld, \(withheld)" }
        guard let location = entry.location, let source = entry.locationSource else { return "-" }
        return String(format: "%@ %.5f,%.5f", source.rawValue, location.latitude, location.longitude)
    }

    /// One line per photo, then the photos no scene claims.
    public func lines() -> [String] {
        var lines = entries.map { entry in
            var fields = [entry.source, entry.captured ?? "no date", "scene: \(entry.scene ?? "-")"]
            fields.append("people: " + (entry.people.isEmpty ? "-" : entry.people.joined(separator: ", ")))
            fields.append("place: " + Self.place(entry))
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
        if !decoded {
            lines.append(
                "(Image data was not decoded: `photocat run` also fails damaged photos, which can move the numbers in later names; --decode checks them now.)"
            )
        }
        return lines
    }
}
