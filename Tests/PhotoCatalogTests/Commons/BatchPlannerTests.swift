import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// The derive stage on records made in memory: no disk involved.
@Suite struct BatchPlannerTests {
    static func record(_ path: String, time: String?, sha1: String? = nil, failure: String? = nil) -> PhotoRecord {
        var record = PhotoRecord(relativePath: path)
        record.sha1 = sha1 ?? String(repeating: String(path.utf8.count % 10), count: 40) + path
        var metadata = PhotoMetadata()
        metadata.dateTimeOriginal = time
        record.metadata = metadata
        record.frame = JPEGFrame(width: 6000, height: 4000, components: 3, precision: 8, process: .baseline, arithmetic: false)
        record.failure = failure
        return record
    }

    static func manifest(_ extra: String = "") throws -> Manifest {
        try ManifestLoader(fileName: "m.yaml").parse(
            ManifestLoaderTests.minimal + """

                scenes:
                  - {id: cake, name: cake cutting, from: "17:00", to: "17:20"}
                people:
                  - {id: murad, name: Murad, consent: none}
                """ + extra)
    }

    /// A photo that records no time is dated by its scene's or the event's day, "circa" and at
    /// day precision, and says so; with no date in the manifest either it is excluded.
    @Test func aPhotoWithoutATimeIsDatedHonestly() throws {
        let manifest = try Self.manifest("\nphotos:\n  IMG_0002.JPG: {scene: cake}\n")
        let records = [Self.record("IMG_0001.JPG", time: nil), Self.record("IMG_0002.JPG", time: nil)]
        let plan = BatchPlanner.plan(records: records, manifest: manifest)
        #expect(plan.entries.map(\.captured) == ["2026-01-15", "2026-01-15"])
        #expect(plan.entries.map(\.timeSource) == ["event", "scene"])
        #expect(plan.entries.allSatisfy { $0.status == .ready && $0.capturedUTC == nil })
        let page = try #require(plan.entries[0].wikitext)
        #expect(page.contains("|date={{circa|2026|01|15}}\n"))
        let inception = try #require(plan.entries[0].sdc?.claims.first { $0.mainsnak.property == "P571" })
        #expect(inception.mainsnak.datavalue == .day("2026-01-15"))
        #expect(inception.qualifiers?["P1480"]?.first?.datavalue == .item("Q5727902"))
        #expect(ReviewPage.captured(plan.entries[0]) == "about 2026-01-15 (the event's day: the photo records no time)")

        var undated = manifest
        undated.event.dates = []
        undated.scenes = []
        let excluded = BatchPlanner.plan(records: [records[0]], manifest: undated).entries[0]
        #expect(excluded.status == .excluded && excluded.reasons.first?.hasPrefix("no capture date") == true)
        #expect(excluded.wikitext == nil)
    }

    /// The event's place is the venue, not a camera fix: pages and structured data give it
    /// with its precision (100 m unless the manifest says), or leave it off with `on_pages: false`.
    @Test(arguments: [("", "{{Location|40.378|49.892}}", 0.001), ("\n    precision: 2000", "{{Location|40.38|49.89}}", 0.01)])
    func theEventsPlaceCarriesItsPrecision(setting: String, markup: String, degrees: Double) throws {
        let place = "\n  place:\n    name: Baku\n    latitude: 40.3777\n    longitude: 49.892" + setting
        let manifest = try ManifestLoader(fileName: "m.yaml").parse(ManifestLoaderTests.minimal + place)
        let entry = BatchPlanner.plan(records: [Self.record("IMG_0001.JPG", time: "2026:01:15 17:05:00")], manifest: manifest).entries[0]
        #expect(entry.locationSource == .event)
        #expect(entry.wikitext?.contains(markup + "\n") == true, "\(entry.wikitext ?? "")")
        let statement = try #require(entry.sdc?.claims.first { $0.mainsnak.property == "P1259" })
        guard case .coordinate(_, _, let precision)? = statement.mainsnak.datavalue else {
            Issue.record("no coordinate")
            return
        }
        #expect(abs(precision - degrees) < 1e-12)

        let offPages = try ManifestLoader(fileName: "m.yaml").parse(ManifestLoaderTests.minimal + place + "\n    on_pages: false")
        let unplaced = BatchPlanner.plan(records: [Self.record("IMG_0001.JPG", time: "2026:01:15 17:05:00")], manifest: offPages).entries[0]
        #expect(unplaced.location == nil && unplaced.wikitext?.contains("{{Location") == false)
    }

    @Test func countersFollowCaptureTimeNotFileOrder() throws {
        let records = [
            Self.record("B/IMG_0002.JPG", time: "2026:01:15 17:05:00"),
            Self.record("A/IMG_0009.JPG", time: "2026:01:15 17:01:00"),
            Self.record("A/IMG_0001.JPG", time: "2026:01:15 17:10:00"),
        ]
        let plan = BatchPlanner.plan(records: records, manifest: try Self.manifest())
        let names = Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.source, $0.filename ?? "") })
        #expect(names["A/IMG_0009.JPG"] == "Wikipedia 25 birthday meetup in Baku 2026-01-15 cake cutting 01.jpg")
        #expect(names["B/IMG_0002.JPG"] == "Wikipedia 25 birthday meetup in Baku 2026-01-15 cake cutting 02.jpg")
        #expect(names["A/IMG_0001.JPG"] == "Wikipedia 25 birthday meetup in Baku 2026-01-15 cake cutting 03.jpg")
        // The input order does not matter.
        #expect(BatchPlanner.plan(records: records.reversed(), manifest: try Self.manifest()).entries == plan.entries)
    }

    @Test func previousNamesAreKeptAndNewPhotosNumberedAfterThem() throws {
        let a = Self.record("IMG_0001.JPG", time: "2026:01:15 17:05:00", sha1: String(repeating: "1", count: 40))
        let b = Self.record("IMG_0002.JPG", time: "2026:01:15 17:06:00", sha1: String(repeating: "2", count: 40))
        let early = Self.record("IMG_0000.JPG", time: "2026:01:15 17:01:00", sha1: String(repeating: "0", count: 40))
        let prefix = "Wikipedia 25 birthday meetup in Baku 2026-01-15 cake cutting"
        var previous = PreviousNames()
        previous.bySHA1 = [
            a.sha1!: "\(prefix) 01.jpg", b.sha1!: "\(prefix) 02.jpg",
            String(repeating: "9", count: 40): "\(prefix) 07.jpg",
        ]  // a photo since removed
        let plan = BatchPlanner.plan(records: [a, b, early], manifest: try Self.manifest(), previousNames: previous)
        let names = Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.source, $0.filename ?? "") })
        #expect(names["IMG_0001.JPG"] == "\(prefix) 01.jpg")
        #expect(names["IMG_0002.JPG"] == "\(prefix) 02.jpg")
        #expect(names["IMG_0000.JPG"] == "\(prefix) 03.jpg")
        // A previous name from another scene is not kept: the manifest moved the photo.
        var elsewhere = PreviousNames()
        elsewhere.bySHA1 = [a.sha1!: "Wikipedia 25 birthday meetup in Baku 2026-01-15 talks 05.jpg"]
        let moved = BatchPlanner.plan(records: [a], manifest: try Self.manifest(), previousNames: elsewhere)
        #expect(moved.entries[0].filename == "\(prefix) 01.jpg")
    }

    @Test func duplicatesPointAtTheFirstCopy() throws {
        let plan = BatchPlanner.plan(
            records: [
                Self.record("DCIM/b.jpg", time: "2026:01:15 17:05:00", sha1: String(repeating: "a", count: 40)),
                Self.record("DCIM/a.jpg", time: "2026:01:15 17:05:00", sha1: String(repeating: "a", count: 40)),
            ], manifest: try Self.manifest())
        #expect(plan.entries.map(\.status) == [.ready, .duplicate])
        #expect(plan.entries[1].duplicateOf == "DCIM/a.jpg")
        #expect(plan.entries[1].filename == nil && plan.entries[1].wikitext == nil)
    }

    @Test func failedAndExcludedPhotosGetNoNameOrPage() throws {
        let plan = BatchPlanner.plan(
            records: [
                Self.record("a.jpg", time: nil, failure: "damaged image data"),
                Self.record("b.jpg", time: "2026:01:15 17:05:00"),
            ], manifest: try Self.manifest("\nphotos:\n  b.jpg: {people: [murad]}\n  c.jpg: {exclude: typo}"))
        #expect(plan.entries.map(\.status) == [.failed, .excluded])
        #expect(plan.entries.allSatisfy { $0.filename == nil && $0.wikitext == nil })
        #expect(plan.entries[1].reasons == ["shows `murad`, who did not consent to being photographed"])
        #expect(plan.diagnostics.map(\.id) == [.manifestUnknownPhoto])  // c.jpg is on no card
    }

    @Test func aNameCommonsWouldRefuseFailsThePhoto() throws {
        let manifest = try ManifestLoader(fileName: "m.yaml").parse(
            ManifestLoaderTests.minimal.replacingOccurrences(of: "date: 2026-01-15", with: "name: IMG\n  date: 2026-01-15"))
        let plan = BatchPlanner.plan(records: [Self.record("x.jpg", time: nil)], manifest: manifest)
        #expect(plan.entries[0].status == .failed)
        #expect(plan.entries[0].reasons[0].contains("\"IMG 01.jpg\" looks like a camera's default name"))
        #expect(plan.diagnostics.first?.id == .commonsName)
    }

    @Test(arguments: WikitextTests.hostile)
    func hostileEXIFDescriptionIsEscapedIntoThePage(text: String) throws {
        var record = Self.record("a.jpg", time: "2026:01:15 17:05:00")
        record.metadata?.imageDescription = text
        let page = try #require(BatchPlanner.plan(records: [record], manifest: try Self.manifest()).entries[0].wikitext)
        let description = try #require(page.split(separator: "\n").first { $0.hasPrefix("|description=") })
        #expect(description.hasPrefix("|description={{en|1=") && description.hasSuffix("}}"))
        #expect(description.dropFirst("|description={{en|1=".count).dropLast(2).allSatisfy { !"{}[]|<>\n".contains($0) })
        #expect(page.components(separatedBy: "\n}}\n").count == 2)  // {{Information}} closes once
        #expect(!page.contains("[[Category:"))
    }

    @Test func cameraPlaceholderDescriptionIsNotUsed() throws {
        var record = Self.record("a.jpg", time: "2026:01:15 17:05:00")
        record.metadata?.imageDescription = "OLYMPUS DIGITAL CAMERA         "
        let page = try #require(BatchPlanner.plan(records: [record], manifest: try Self.manifest()).entries[0].wikitext)
        #expect(page.contains("|description={{en|1=Wikipedia 25 birthday meetup in Baku}}"))
    }

    @Test func pagesCarryTheVenueClockDateAndCategories() throws {
        var record = Self.record("a.jpg", time: "2026:01:15 13:02:00")
        record.metadata?.offsetTimeOriginal = "+00:00"
        let plan = BatchPlanner.plan(records: [record], manifest: try Self.manifest())
        let page = try #require(plan.entries[0].wikitext)
        #expect(page.contains("|date=2026-01-15 17:02:00\n"))
        #expect(plan.entries[0].scene == "cake")
        #expect(page.hasSuffix("{{subst:unc}}\n"))  // the minimal manifest names no category
    }
}

/// Camera entries of the manifest at work in the planner: a photo of a clock, a second photographer.
@Suite struct CameraEntryTests {
    static let manifest: Manifest = try! ManifestLoader(fileName: "m.yaml").parse(
        ManifestLoaderTests.minimal + """

            cameras:
              - id: phone
                model: Pixel 6
                sync: {photo: PXL_0050.JPG, shows: "2026-01-15 17:04:10"}
                photographer: {user: SecondShooter, name: Second Shooter}
            scenes:
              - {id: cake, name: cake cutting, from: "17:00", to: "17:20"}
            """)

    static func record(_ path: String, model: String, time: String) -> PhotoRecord {
        var record = BatchPlannerTests.record(path, time: time)
        record.metadata?.model = model
        return record
    }

    @Test func aPhotoOfAClockSetsTheCameraCorrection() throws {
        // The phone recorded 16:59:40 for a clock showing 17:04:10: it runs 4 min 30 s behind.
        let plan = BatchPlanner.plan(
            records: [
                Self.record("DCIM/PXL_0050.JPG", model: "Pixel 6", time: "2026:01:15 16:59:40"),
                Self.record("DCIM/PXL_0051.JPG", model: "Pixel 6", time: "2026:01:15 16:58:00"),
                Self.record("DCIM/IMG_0001.JPG", model: "Canon EOS 90D", time: "2026:01:15 16:58:00"),
            ], manifest: Self.manifest)
        let byName = Dictionary(uniqueKeysWithValues: plan.entries.map { (($0.source as NSString).lastPathComponent, $0) })
        #expect(byName["PXL_0051.JPG"]?.captured == "2026-01-15 17:02:30")
        #expect(byName["PXL_0051.JPG"]?.scene == "cake")
        #expect(byName["IMG_0001.JPG"]?.captured == "2026-01-15 16:58:00")
        #expect(byName["IMG_0001.JPG"]?.scene == nil)
        #expect(plan.diagnostics.contains { $0.id == .manifestSync && $0.message.contains("corrected by 270 s") })
        // The phone's photos credit the second photographer; the rest credit the event's author.
        #expect(byName["PXL_0051.JPG"]?.wikitext?.contains("|author=[[User:SecondShooter|Second Shooter]]") == true)
        #expect(byName["IMG_0001.JPG"]?.wikitext?.contains("|author=[[User:ExamplePhotographer|Example Photographer]]") == true)
    }

    @Test func aMissingSyncPhotoIsReported() {
        let plan = BatchPlanner.plan(
            records: [Self.record("DCIM/PXL_0051.JPG", model: "Pixel 6", time: "2026:01:15 16:58:00")], manifest: Self.manifest)
        #expect(plan.diagnostics.contains { $0.id == .manifestSyncPhoto && $0.severity == .error })
        #expect(plan.entries[0].captured == "2026-01-15 16:58:00")
    }

    @Test func multiDayEventsAndWikidata() throws {
        let manifest = try ManifestLoader(fileName: "m.yaml").parse(
            ManifestLoaderTests.minimal.replacingOccurrences(
                of: "date: 2026-01-15", with: "date: [2026-01-15, 2026-01-16]\n  wikidata: Q123456"))
        #expect(manifest.event.dates == ["2026-01-15", "2026-01-16"])
        #expect(manifest.event.date == "2026-01-15")
        #expect(manifest.event.wikidata == "Q123456")
    }
}
