import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct CaptureTimeTests {
    static func metadata(_ time: String?, subSec: String? = nil, offset: String? = nil) -> PhotoMetadata {
        var m = PhotoMetadata()
        m.dateTimeOriginal = time
        m.subSecTimeOriginal = subSec
        m.offsetTimeOriginal = offset
        return m
    }

    /// (EXIF time, OffsetTimeOriginal, camera correction, camera zone) → venue clock, UTC, zone source.
    @Test(
        arguments: [
            // Camera on local time, no offset tag: the event's zone.
            ("2026:01:15 17:04:12", nil, 0, nil, "2026-01-15 17:04:12", "2026-01-15T13:04:12Z", CaptureTime.ZoneSource.event),
            // Offset tag in Baku's zone.
            ("2026:01:15 17:04:12", "+04:00", 0, nil, "2026-01-15 17:04:12", "2026-01-15T13:04:12Z", .exifOffset),
            // A phone left on UTC: the instant is shown on the venue's clock.
            ("2026:01:15 13:04:12", "+00:00", 0, nil, "2026-01-15 17:04:12", "2026-01-15T13:04:12Z", .exifOffset),
            // West of UTC, across midnight into the next day at the venue.
            ("2026:01:15 22:30:00", "-03:00", 0, nil, "2026-01-16 05:30:00", "2026-01-16T01:30:00Z", .exifOffset),
            // A clock 1 h 02 min behind, corrected across midnight.
            ("2026:01:15 23:30:00", nil, 3720, nil, "2026-01-16 00:32:00", "2026-01-15T20:32:00Z", .event),
            // A clock 5 minutes fast, corrected back over midnight.
            ("2026:01:16 00:03:00", "+04:00", -300, nil, "2026-01-15 23:58:00", "2026-01-15T19:58:00Z", .exifOffset),
            // A camera still on Berlin time (no offset tag): its zone comes from the manifest.
            ("2026:01:15 14:04:12", nil, 0, "Europe/Berlin", "2026-01-15 17:04:12", "2026-01-15T13:04:12Z", .camera),
        ] as [(String, String?, Int, String?, String, String, CaptureTime.ZoneSource)])
    func venueClockAndInstant(
        exif: String, offset: String?, correction: Int, zone: String?,
        venue: String, utc: String, source: CaptureTime.ZoneSource
    ) throws {
        let time = try #require(
            CaptureTime.resolve(
                Self.metadata(exif, offset: offset),
                clock: CameraClock(correction: correction, zone: zone), eventZone: "Asia/Baku"))
        #expect(time.venueLocal.description == venue)
        #expect(time.utcString == utc)
        #expect(time.zoneSource == source)
        #expect(time.correction == correction)
    }

    @Test func subSecondsReachTheInstant() throws {
        let time = try #require(CaptureTime.resolve(Self.metadata("2026:01:15 17:04:12", subSec: "050", offset: "+04:00")))
        #expect(time.utcString == "2026-01-15T13:04:12.050Z")
        #expect(abs(time.utc!.timeIntervalSince1970.truncatingRemainder(dividingBy: 1) - 0.05) < 1e-6)
        #expect(time.venueLocal.description == "2026-01-15 17:04:12")  // Commons dates have whole seconds
    }

    @Test func withoutAnyZoneTheInstantIsUnknown() throws {
        let time = try #require(CaptureTime.resolve(Self.metadata("2026:01:15 17:04:12")))
        #expect(time.zoneSource == .unknown)
        #expect(time.utc == nil)
        #expect(time.venueLocal.description == "2026-01-15 17:04:12")  // the wall clock is kept as it is
    }

    @Test func fallbackTagsUseTheirOwnOffsets() throws {
        var m = PhotoMetadata()
        m.createDate = "2026:01:15 10:00:00"
        m.offsetTimeOriginal = "+00:00"  // belongs to DateTimeOriginal, which is missing
        m.offsetTimeDigitized = "+01:00"
        m.subSecTimeDigitized = "5"
        let time = try #require(CaptureTime.resolve(m, eventZone: "Asia/Baku"))
        #expect(time.source == .createDate)
        #expect(time.utcString == "2026-01-15T09:00:00.5Z")
        #expect(time.venueLocal.description == "2026-01-15 13:00:00")

        m.createDate = nil
        m.modifyDate = "2026:01:15 11:00:00"
        #expect(CaptureTime.resolve(m, eventZone: "Asia/Baku")?.source == .modifyDate)
        #expect(CaptureTime.resolve(PhotoMetadata(), eventZone: "Asia/Baku") == nil)
    }

    @Test func summerTimeOfTheEventZoneIsUsed() throws {
        // Berlin is +02:00 in July: a camera on local time there.
        let time = try #require(CaptureTime.resolve(Self.metadata("2026:07:15 12:00:00"), eventZone: "Europe/Berlin"))
        #expect(time.utcOffset == 7200)
        #expect(time.utcString == "2026-07-15T10:00:00Z")
    }

    @Test(
        arguments: [("2023-09-27T14:37:11+02:00", "+02:00"), ("2023:09:27 14:37:11Z", "+00:00"), ("2023:09:27 14:37:11", nil)] as [(String, String?)])
    func offsetsWrittenIntoDates(raw: String, expected: String?) {
        #expect(ExifValues.trailingOffset(raw) == expected)
    }
}
