import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct BatchCSVTests {
    /// RFC 4180 records, enough to read back what photocat writes.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, previousQuote = false
        for character in text {
            if quoted {
                if character == "\"" {
                    quoted = false
                    previousQuote = true
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                if previousQuote { field.append("\"") }
                quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\r\n", "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
            default: field.append(character)
            }
            previousQuote = false
        }
        return records
    }

    @Test func readyPhotosRoundTripThroughTheCSV() {
        var ready = BatchEntry(
            source: "DCIM/IMG_0001.JPG", sha1: String(repeating: "a", count: 40), status: .ready, thumbnails: [], width: nil, height: nil)
        ready.filename = "Cake, \"the\" big one 01.jpg"
        ready.wikitext = "=={{int:filedesc}}==\n{{Information\n|description={{en|1=A, \"b\"}}\n}}\n"
        let excluded = BatchEntry(source: "DCIM/IMG_0002.JPG", sha1: nil, status: .excluded, thumbnails: [], width: nil, height: nil)
        let text = String(decoding: BatchCSV.data(entries: [ready, excluded], card: "/media/card"), as: UTF8.self)
        #expect(text.hasPrefix("\"path\",\"filename\",\"wikitext\",\"sha1\"\r\n"))
        #expect(Self.parse(text) == [BatchCSV.header, ["/media/card/DCIM/IMG_0001.JPG", ready.filename!, ready.wikitext!, ready.sha1!]])
    }

    @Test func knownSHA1FileIsStrict() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let good = folder.appendingPathComponent("known.txt")
            try "# from last year's batch\n\(String(repeating: "A", count: 40))\n\n".write(to: good, atomically: true, encoding: .utf8)
            #expect(try RunConfiguration.knownSHA1(contentsOf: good) == [String(repeating: "a", count: 40)])
            let bad = folder.appendingPathComponent("bad.txt")
            try "\(String(repeating: "a", count: 40))\nnot a hash\n".write(to: bad, atomically: true, encoding: .utf8)
            #expect(throws: PhotoCatalogError.knownSHA1(bad.path, 2, "`not a hash` is not a 40-digit hex SHA-1")) {
                try RunConfiguration.knownSHA1(contentsOf: bad)
            }
        }
    }

    @Test func photosAlreadyOnCommonsAreDuplicates() throws {
        let record = BatchPlannerTests.record("IMG_0001.JPG", time: "2026:01:15 17:05:00", sha1: String(repeating: "c", count: 40))
        let plan = BatchPlanner.plan(records: [record], manifest: try BatchPlannerTests.manifest(), knownSHA1: [record.sha1!])
        #expect(plan.entries[0].status == .duplicate)
        #expect(plan.entries[0].reasons == ["already on Commons (its SHA-1 is in the --known-sha1 list)"])
        #expect(plan.entries[0].filename == nil)
    }
}
