import Foundation
import Yams
import PhotoModel

/// The manifest's geotagging keys: `tracks:` (GPX files, relative to the manifest), `geotag:`
/// (the time limits) and `privacy_zones:`.
extension NodeReader {
    /// Reads every track log the manifest names, then those given on the command line; each
    /// problem is reported at its place in the GPX file (or at the manifest's entry).
    mutating func readTracks(_ node: Node?, into manifest: inout Manifest) {
        for (path, item) in entries(node, "tracks") {
            let url = resolved(path)
            readTrack(url, shownAs: path, at: item, into: &manifest)
        }
        for url in extraTracks {
            readTrack(url, shownAs: url.path, at: nil, into: &manifest)
        }
    }

    private mutating func readTrack(_ url: URL, shownAs path: String, at node: Node?, into manifest: inout Manifest) {
        guard let data = readData(url) else {
            if let node {
                fail(node, "tracks: cannot read \(url.path)")
            } else {
                issues.append(ManifestIssue(file: url.path, line: 1, column: 1, message: "cannot read this track log"))
            }
            return
        }
        do {
            let log = try GPXReader.read(data)
            if log.points.isEmpty {
                issues.append(ManifestIssue(file: url.path, line: 1, column: 1, message: "no track fix with a time: nothing to place photos with"))
                return
            }
            let duplicatesBefore = manifest.track.duplicates
            manifest.track.add(log.points)
            trackDigests.append(Fingerprint.sha1(data))
            let passed = [
                (log.untimedFixes, "fix without a time", "fixes without a time"), (log.waypoints, "waypoint", "waypoints"),
                (log.routePoints, "route point", "route points"),
            ].filter { $0.0 > 0 }.map { Self.count($0.0, $0.1, $0.2) }
            let duplicates = manifest.track.duplicates - duplicatesBefore
            var note = "\(path): \(Self.count(log.points.count, "fix", "fixes"))"
            if !passed.isEmpty { note += "; \(passed.joined(separator: ", ")) not used" }
            if duplicates > 0 { note += "; \(Self.count(duplicates, "fix", "fixes")) at an instant already seen, the later kept" }
            manifest.trackNotes.append(note)
        } catch let failure as GPXReader.Failure {
            issues.append(ManifestIssue(file: url.path, line: failure.line, column: failure.column, message: failure.message))
        } catch {
            issues.append(ManifestIssue(file: url.path, line: 1, column: 1, message: "\(error)"))
        }
    }

    private static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    mutating func geotag(_ node: Node) -> GeotagLimits {
        var limits = GeotagLimits()
        guard let f = fields(node, "geotag", allowed: ["max_interpolation", "max_extrapolation"]) else { return limits }
        let day = 86_400.0
        if let seconds = number(f["max_interpolation"]?.value, "geotag.max_interpolation (seconds)", range: 0...day) {
            limits.maxInterpolation = seconds
        }
        if let seconds = number(f["max_extrapolation"]?.value, "geotag.max_extrapolation (seconds)", range: 0...day) {
            limits.maxExtrapolation = seconds
        }
        return limits
    }

    mutating func privacyZone(_ node: Node) -> Manifest.PrivacyZone? {
        guard let f = fields(node, "a privacy zone", allowed: ["name", "latitude", "longitude", "radius"]) else { return nil }
        let name = string(f["name"]?.value, "privacy zone name") ?? "private place"
        guard let latitude = number(required(f, "latitude", in: "privacy zone `\(name)`", at: node), "latitude of `\(name)`", range: -90...90),
            let longitude = number(required(f, "longitude", in: "privacy zone `\(name)`", at: node), "longitude of `\(name)`", range: -180...180),
            let radius = number(required(f, "radius", in: "privacy zone `\(name)`", at: node), "radius of `\(name)` (metres)", range: 1...100_000)
        else { return nil }
        return Manifest.PrivacyZone(name: name, latitude: latitude, longitude: longitude, radius: radius)
    }
}
