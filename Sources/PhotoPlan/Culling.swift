import Foundation
import PhotoModel

/// Hints for the person who culls the batch: bursts of near-identical frames (same camera, a
/// few seconds apart, nearly the same perceptual hash), with the sharpest as the pick, and
/// photos far less sharp than the card's typical one. Suggestions only: no status changes.
/// Pure.
enum Culling {
    /// Frames at most this many seconds apart can belong to one burst…
    static let burstSeconds = 3.0
    /// …when their hashes differ in at most this many of 64 bits.
    static let burstBits = 12
    /// A photo with less than this share of the typical sharpness looks out of focus.
    static let blurRatio = 0.3
    /// Fewer photos than this give no typical sharpness to compare with.
    static let minimumPhotos = 4

    struct Candidate {
        var index: Int
        var name: String
        var camera: String
        var instant: Double
        var signals: ImageSignals
    }

    /// Groups and hints by entry index, for the entries that may go up (ready or excluded).
    static func apply(to entries: inout [BatchEntry], records: [PhotoRecord], taggings: [Tagging?]) {
        // Of files with the same bytes only one is decoded, and which one depends on the run's
        // timing: the signals belong to the bytes.
        var bySHA1: [String: ImageSignals] = [:]
        for record in records {
            if let sha1 = record.sha1, let signals = record.signals { bySHA1[sha1] = signals }
        }
        var candidates: [Candidate] = []
        for index in entries.indices where entries[index].status == .ready || entries[index].status == .excluded {
            guard let signals = records[index].signals ?? records[index].sha1.flatMap({ bySHA1[$0] }) else { continue }
            entries[index].sharpness = (signals.sharpness * 10).rounded() / 10
            let metadata = records[index].metadata
            let capture = taggings[index]?.capture
            let instant = capture?.utc?.timeIntervalSince1970 ?? capture.map { Double($0.cameraLocal.secondsAsUTC) } ?? -Double.infinity
            let camera = [metadata?.make, metadata?.model, metadata?.serialNumber].map { $0 ?? "" }.joined(separator: "|")
            let name = (records[index].relativePath as NSString).lastPathComponent
            candidates.append(Candidate(index: index, name: name, camera: camera, instant: instant, signals: signals))
        }
        let bursts = self.bursts(candidates)
        var reference: [Int: (sharpness: Double, what: String)] = [:]
        for burst in bursts {
            let pick = burst.max { $0.signals.sharpness < $1.signals.sharpness }!
            for member in burst {
                entries[member.index].group = entries[burst[0].index].source
                reference[member.index] = (pick.signals.sharpness, "its burst's sharpest frame, \(pick.name)")
                guard member.index != pick.index else { continue }
                entries[member.index].hints = [
                    BatchEntry.Hint(
                        .nearDuplicate,
                        "near-duplicate of \(pick.name), the sharpest of a burst of \(burst.count) (sharpness \(format(member.signals.sharpness)) against \(format(pick.signals.sharpness)))"
                    )
                ]
            }
        }
        let sorted = candidates.map(\.signals.sharpness).sorted()
        guard sorted.count >= minimumPhotos else { return }
        let median = sorted[sorted.count / 2]
        for candidate in candidates {
            let (typical, what) = reference[candidate.index] ?? (median, "the card's typical photo")
            guard candidate.signals.sharpness < blurRatio * typical else { continue }
            let hint = BatchEntry.Hint(
                .blurry, "looks out of focus: sharpness \(format(candidate.signals.sharpness)) against \(format(typical)) for \(what)")
            entries[candidate.index].hints = (entries[candidate.index].hints ?? []) + [hint]
        }
    }

    /// Runs of frames from one camera, each within `burstSeconds` of the one before and within
    /// `burstBits` of its hash; only runs of two or more.
    static func bursts(_ candidates: [Candidate]) -> [[Candidate]] {
        let ordered = candidates.sorted { ($0.camera, $0.instant, $0.index) < ($1.camera, $1.instant, $1.index) }
        var runs: [[Candidate]] = []
        var current: [Candidate] = []
        for candidate in ordered {
            if let last = current.last, last.camera == candidate.camera, candidate.instant - last.instant <= burstSeconds,
                last.signals.distance(to: candidate.signals) <= burstBits
            {
                current.append(candidate)
            } else {
                if current.count > 1 { runs.append(current) }
                current = [candidate]
            }
        }
        if current.count > 1 { runs.append(current) }
        return runs
    }

    static func format(_ value: Double) -> String { String(format: "%.0f", value) }
}
