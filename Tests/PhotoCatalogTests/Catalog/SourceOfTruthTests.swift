import Foundation
import Testing
import PhotoModel
import PhotoPlan
import PhotoStore
import PhotoCatalog

/// The catalogue is the one source of truth: photos are known by their path's bytes, the output
/// folder is written from the catalogue and never read back, and names a catalogue does not
/// know are taken over only when a person says so.
@Suite struct SourceOfTruthTests {
    /// Two Latin-1 names that differ in one byte (ü and ä), neither of them UTF-8.
    static let latin1Names: [[UInt8]] = [
        Array("M".utf8) + [0xFC] + Array("nchen.JPG".utf8),
        Array("M".utf8) + [0xE4] + Array("nchen.JPG".utf8),
    ]

    /// A card with the two Latin-1 names, each a different photo.
    static func latin1Card(in folder: URL) throws -> URL {
        let card = folder.appendingPathComponent("card")
        let photos = card.appendingPathComponent("DCIM/100CANON")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        var metadata = PhotoMetadata()
        metadata.dateTimeOriginal = "2026:01:15 14:10:00"
        for (index, name) in latin1Names.enumerated() {
            try HostileCardTests.create(in: photos, nameBytes: name, contents: try Images.jpeg(seed: UInt64(index + 20), metadata: metadata))
        }
        return card
    }

    static let prefix = Array("DCIM/100CANON/".utf8)

    @Test func twoNamesThatAreNotUTF8StayTwoPhotosEndToEnd() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Self.latin1Card(in: folder)
            let output = folder.appendingPathComponent("out")
            let first = try await HostileCardTests.run(card, output)
            #expect(first.report.counts.ready == 2 && first.report.counts.skippedFiles == 0)

            // Two batch lines, each naming its own file's bytes; people read them apart too.
            let batch = try PipelineTests.batch(output)
            #expect(batch.map(\.key.bytes) == Self.latin1Names.map { Self.prefix + $0 }.sorted { $0.lexicographicallyPrecedes($1) })
            #expect(Set(batch.map(\.source)) == ["DCIM/100CANON/M\\xFCnchen.JPG", "DCIM/100CANON/M\\xE4nchen.JPG"])
            #expect(Set(batch.compactMap(\.filename)).count == 2)

            // Two catalogue rows, keyed by the bytes.
            let rows = try Catalog(folder: output, writable: false).photos()
            #expect(Set(rows.keys) == Set(Self.latin1Names.map { PathKey(bytes: Self.prefix + $0) }))

            // A second run reads nothing and writes nothing.
            let second = try await HostileCardTests.run(card, output)
            #expect(second.work.unchanged == 2 && second.work.decoded == 0 && second.written.written == 0)

            // batch.csv reaches the real files: its path fields are the bytes on disk.
            let csv = try Data(contentsOf: output.appendingPathComponent("commons/batch.csv"))
            let paths = Self.firstFields(of: csv).dropFirst()
            #expect(paths.count == 2)
            for path in paths {
                let bytes = try FileSystemPath(bytes: path).read()
                #expect(batch.contains { $0.sha1 == Fingerprint.sha1(bytes) && path.reversed().starts(with: $0.key.bytes.reversed()) })
            }
        }
    }

    /// The first field of each CSV record (RFC 4180), as bytes.
    static func firstFields(of csv: Data) -> [[UInt8]] {
        let (quote, comma) = (UInt8(ascii: "\""), UInt8(ascii: ","))
        let bytes = Array(csv)
        var records: [[[UInt8]]] = []
        var record: [[UInt8]] = []
        var field: [UInt8] = []
        var inQuotes = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte != quote {
                    field.append(byte)
                } else if index < bytes.count, bytes[index] == quote {
                    field.append(quote)
                    index += 1
                } else {
                    inQuotes = false
                }
            } else if byte == quote {
                inQuotes = true
            } else if byte == comma || byte == 0x0A {
                record.append(field)
                field = []
                if byte == 0x0A {
                    records.append(record)
                    record = []
                }
            }
        }
        return records.compactMap(\.first)
    }

    /// Every file of the output folder but the catalogue and the lock, by path, with its bytes.
    static func files(_ output: URL) throws -> [String: Data] {
        try PipelineTests.snapshot(output).files
    }

    @Test(arguments: [RunConfiguration.RemovedPolicy.delete, .keep])
    func theOutputFolderIsRebuiltFromTheCatalogueAlone(removed: RunConfiguration.RemovedPolicy) async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let output = folder.appendingPathComponent("out")
            let manifest = try ManifestLoader.load(contentsOf: Fixtures.sampleManifest)
            let configuration = RunConfiguration(card: card, manifest: manifest, output: output, jobs: 2, settleSeconds: 0, removed: removed)
            _ = try await Pipeline(configuration: configuration).run()
            try FileManager.default.removeItem(at: card.appendingPathComponent("DCIM/100CANON/IMG_0003.JPG"))
            _ = try await Pipeline(configuration: configuration).run()
            let expected = try Self.files(output)
            #expect(expected.keys.contains { $0.hasPrefix("thumbs/") } && expected["review.html"] != nil)

            // No card, and nothing in the folder but the catalogue.
            try FileManager.default.removeItem(at: card)
            for name in try FileManager.default.contentsOfDirectory(atPath: output.path) where !name.hasPrefix(Catalog.fileName) {
                try FileManager.default.removeItem(at: output.appendingPathComponent(name))
            }
            let result = try CommandLineTests.photocat(["project", "--out", output.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try Self.files(output) == expected)
            #expect(result.stdout.contains("\(expected.count) files written, 0 files unchanged"))

            // A page changed by hand is put back; the rest is left alone.
            let page = try #require(expected.keys.first { $0.hasSuffix(".wikitext") })
            try Data("edited".utf8).write(to: output.appendingPathComponent(page))
            let again = try CommandLineTests.photocat(["project", "--out", output.path])
            #expect(again.stdout.contains("1 file written, \(expected.count - 1) files unchanged"))
            #expect(try Self.files(output) == expected)
        }
    }

    @Test func aBatchWithoutItsCatalogueIsRefusedUntilAdopted() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let output = folder.appendingPathComponent("out")
            let first = try await PipelineTests.run(card: card, output: output)
            // Names given, then the catalogue is lost; a new photo joins the card meanwhile.
            for name in try FileManager.default.contentsOfDirectory(atPath: output.path) where name.hasPrefix(Catalog.fileName) {
                try FileManager.default.removeItem(at: output.appendingPathComponent(name))
            }
            var metadata = PhotoMetadata()
            metadata.dateTimeOriginal = "2026:01:15 14:00:30"
            try Images.jpeg(seed: 77, metadata: metadata).write(to: card.appendingPathComponent("DCIM/100CANON/IMG_0000.JPG"))
            await #expect(throws: PhotoCatalogError.batchWithoutCatalogue(output.path)) {
                try await PipelineTests.run(card: card, output: output)
            }
            let refused = try CommandLineTests.photocat([
                "run", card.path, "--manifest", Fixtures.sampleManifest.path, "--out", output.path, "--settle", "0",
            ])
            #expect(refused.status == 2 && refused.stderr.contains("photocat adopt --out"))

            let adopt = try CommandLineTests.photocat(["adopt", "--out", output.path])
            #expect(adopt.status == 0 && adopt.stdout.contains("\(first.entries.compactMap(\.filename).count) names adopted"), "\(adopt.stderr)")
            let second = try await PipelineTests.run(card: card, output: output)
            let before = Dictionary(uniqueKeysWithValues: first.entries.compactMap { entry in entry.filename.map { (entry.source, $0) } })
            for entry in second.entries where before[entry.source] != nil {
                #expect(entry.filename == before[entry.source], "\(entry.source)")
            }
            // The new photo is numbered after the names already given.
            let new = try #require(second.entries.first { $0.source.hasSuffix("IMG_0000.JPG") })
            #expect(new.filename.map { !before.values.contains($0) } == true, "\(new)")
        }
    }
}
