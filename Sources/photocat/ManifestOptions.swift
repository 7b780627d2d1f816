import ArgumentParser
import Foundation
import PhotoModel
import PhotoPlan
import PhotoCatalog

/// What `run` and `validate` take beside the manifest (track logs, review choices, the
/// geotagging limits), and the manifest they load with it.
struct ManifestOptions: ParsableArguments {
    @Option(
        name: .customLong("choices"),
        help: ArgumentHelp(
            "A choices file saved from review.html (repeatable), as if the manifest had it in `include:`.", valueName: "file"))
    var choices: [String] = []

    @Option(
        name: .customLong("gpx"),
        help: ArgumentHelp(
            "A GPX track log (repeatable), besides the manifest's `tracks:`: photos without a position of their own are placed where it says.",
            valueName: "file"))
    var gpx: [String] = []

    @Option(
        name: .customLong("geotag-max-interpolation"),
        help: ArgumentHelp(
            "Interpolate between two fixes at most this many seconds apart (default 1800, or the manifest's geotag.max_interpolation).",
            valueName: "seconds"))
    var maxInterpolation: Double?

    @Option(
        name: .customLong("geotag-max-extrapolation"),
        help: ArgumentHelp(
            "Otherwise take the nearest fix when it is at most this many seconds away (default 1800, or geotag.max_extrapolation).",
            valueName: "seconds"))
    var maxExtrapolation: Double?

    func validate() throws {
        for (flag, value) in [("--geotag-max-interpolation", maxInterpolation), ("--geotag-max-extrapolation", maxExtrapolation)] {
            if let value, !(0...86_400).contains(value) { throw ValidationError("\(flag) must be from 0 to 86400 seconds") }
        }
    }

    /// The manifest at `path` with the files and limits given here.
    func manifest(at path: String) throws -> Manifest {
        var manifest = try ManifestLoader.load(
            contentsOf: URL(fileURLWithPath: path), extraTracks: gpx.map { URL(fileURLWithPath: $0) },
            extraIncludes: choices.map { URL(fileURLWithPath: $0) })
        manifest.overrideGeotag(maxInterpolation: maxInterpolation, maxExtrapolation: maxExtrapolation)
        return manifest
    }
}
