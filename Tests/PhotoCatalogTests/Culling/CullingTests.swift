import Foundation
import Testing
import PhotoModel
import PhotoPlan

/// Bursts and blur hints, planned from what the read measured (no pixels here).
@Suite struct CullingTests {
    static func record(_ name: String, _ time: String, sharpness: Double, hash: String, make: String = "Canon") -> PhotoRecord {
        var record = PhotoRecord(key: PathKey("DCIM/100CANON/\(name)"))
        record.sha1 = Fingerprint.sha1(Data(name.utf8))
        var metadata = PhotoMetadata()
        metadata.make = make
        metadata.dateTimeOriginal = time
        metadata.offsetTimeOriginal = "+04:00"
        record.metadata = metadata
        record.signals = ImageSignals(sharpness: sharpness, hash: hash, highlights: 0, shadows: 0)
        return record
    }

    static let manifest = try! ManifestLoader(fileName: "m.yaml").parse(ManifestLoaderTests.minimal)

    static func plan(_ records: [PhotoRecord]) -> [String: BatchEntry] {
        let entries = BatchPlanner.plan(records: records, manifest: manifest).entries
        return Dictionary(uniqueKeysWithValues: entries.map { (($0.source as NSString).lastPathComponent, $0) })
    }

    @Test func aBurstIsGroupedAndItsSharpestFrameIsThePick() throws {
        let entries = Self.plan([
            Self.record("IMG_0001.JPG", "2026:01:15 14:00:00", sharpness: 300, hash: "f0f0f0f0f0f0f0f0"),
            Self.record("IMG_0002.JPG", "2026:01:15 14:00:01", sharpness: 420, hash: "f0f0f0f0f0f0f0f1"),
            Self.record("IMG_0003.JPG", "2026:01:15 14:00:03", sharpness: 350, hash: "f0f0f0f0f0f0f0f3"),
            // Four seconds later: a new shot, not the burst.
            Self.record("IMG_0004.JPG", "2026:01:15 14:00:07", sharpness: 400, hash: "f0f0f0f0f0f0f0f3"),
            // Same second, another camera, another picture.
            Self.record("IMG_0005.JPG", "2026:01:15 14:00:01", sharpness: 380, hash: "0f0f0f0f0f0f0f0f", make: "SONY"),
        ])
        for name in ["IMG_0001.JPG", "IMG_0002.JPG", "IMG_0003.JPG"] {
            #expect(entries[name]?.group == "DCIM/100CANON/IMG_0001.JPG")
            #expect(entries[name]?.status == .ready, "hints never change the status")
        }
        #expect(entries["IMG_0002.JPG"]?.hints == nil, "the pick")
        #expect(entries["IMG_0001.JPG"]?.hints?.first?.kind == .nearDuplicate)
        #expect(entries["IMG_0001.JPG"]?.hints?.first?.reason.contains("near-duplicate of IMG_0002.JPG, the sharpest of a burst of 3") == true)
        #expect(entries["IMG_0004.JPG"]?.group == nil && entries["IMG_0005.JPG"]?.group == nil)
        #expect(entries["IMG_0002.JPG"]?.sharpness == 420)
    }

    @Test func aFrameFarBelowTheCardsTypicalSharpnessLooksOutOfFocus() throws {
        let entries = Self.plan([
            Self.record("IMG_0001.JPG", "2026:01:15 14:00:00", sharpness: 300, hash: "0000000000000000"),
            Self.record("IMG_0002.JPG", "2026:01:15 14:10:00", sharpness: 420, hash: "ffffffffffffffff"),
            Self.record("IMG_0003.JPG", "2026:01:15 14:20:00", sharpness: 350, hash: "00000000ffffffff"),
            Self.record("IMG_0004.JPG", "2026:01:15 14:30:00", sharpness: 60, hash: "ffffffff00000000"),
        ])
        let hints = try #require(entries["IMG_0004.JPG"]?.hints)
        #expect(hints.map(\.kind) == [.blurry])
        #expect(hints[0].reason == "looks out of focus: sharpness 60 against 350 for the card's typical photo")
        #expect(entries.values.filter { $0.hints != nil }.count == 1)
    }

    @Test func tooFewPhotosGiveNoTypicalSharpness() {
        let entries = Self.plan([
            Self.record("IMG_0001.JPG", "2026:01:15 14:00:00", sharpness: 300, hash: "0000000000000000"),
            Self.record("IMG_0002.JPG", "2026:01:15 14:10:00", sharpness: 10, hash: "ffffffffffffffff"),
        ])
        #expect(entries.values.allSatisfy { $0.hints == nil })
    }
}
