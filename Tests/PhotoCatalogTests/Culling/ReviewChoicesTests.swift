import Foundation
import Testing
import PhotoModel
import PhotoPlan
import PhotoCatalog

/// Choices files (`include:` and `--choices`): checked like the manifest, applied by the next run.
@Suite struct ChoicesFileTests {
    static func manifest(_ extra: String, files: [String: String]) throws -> Manifest {
        var loader = ManifestLoader(fileName: "m.yaml", directory: URL(fileURLWithPath: "/event")) { url in
            files[url.lastPathComponent].map { Data($0.utf8) }
        }
        loader.extraIncludes = files.keys.filter { $0.hasPrefix("extra") }.map { URL(fileURLWithPath: "/event/\($0)") }
        return try loader.parse(ManifestLoaderTests.minimal + "\n" + extra)
    }

    @Test func choicesWinOverTheManifestFieldByField() throws {
        let manifest = try Self.manifest(
            """
            people:
              - {id: leyla, name: Leyla, consent: full}
              - {id: rashad, name: Rashad, consent: full}
            photos:
              IMG_0001.JPG: {title: stage, people: [leyla]}
            include: [choices.yaml]
            """,
            files: [
                "choices.yaml":
                    "photos:\n  \"IMG_0001.JPG\":\n    people: [\"rashad\"]\n  \"DCIM/100CANON/IMG_0002.JPG\":\n    exclude: \"eyes closed\"\n",
                "extra.yaml": "photos:\n  \"IMG_0001.JPG\":\n    title: \"opening words\"\n",
            ])
        #expect(manifest.photos["IMG_0001.JPG"]?.title == "opening words")
        #expect(manifest.photos["IMG_0001.JPG"]?.people == ["leyla", "rashad"])
        #expect(manifest.photos["DCIM/100CANON/IMG_0002.JPG"]?.exclude == "eyes closed")
    }

    @Test func aChoicesFileIsCheckedWithItsOwnPositions() {
        do {
            _ = try Self.manifest(
                "include: [choices.yaml]",
                files: ["choices.yaml": "photos:\n  IMG_0001.JPG:\n    people: [nobody]\nscenes: []\n"])
            Issue.record("accepted")
        } catch PhotoCatalogError.manifest(let issues) {
            let lines = issues.map(\.description)
            #expect(lines.contains { $0.hasPrefix("choices.yaml:3:14: error: ") && $0.contains("nobody") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("choices.yaml:4:1: error: unknown key `scenes` in a choices file") }, "\(lines)")
        } catch {
            Issue.record("\(error)")
        }
    }
}

/// The review page in a real browser: a person excludes two photos, retitles one and saves; the
/// saved file, given to the next run, decides those photos and leaves every other name as it was.
@Suite(.enabled(if: Browser.chromium != nil, "chromium is not installed (apt-get install chromium); CI installs it"))
struct ReviewChoicesBrowserTests {
    /// What a person does on the page, played by a script added to a copy of it.
    static let person = """
        <script>
        window.addEventListener('load', function () {
          var review = window.photocatReview;
          function card(source) { return review.cards.filter(function (c) { return c.dataset.source === source; })[0]; }
          var blurred = card('DCIM/100CANON/IMG_0002.JPG');
          blurred.querySelector('.exclude').click();
          blurred.querySelector('.reason').value = 'eyes closed';
          card('DCIM/100CANON/IMG_0004.JPG').querySelector('.exclude').click();
          var opening = card('DCIM/100CANON/IMG_0001.JPG');
          opening.querySelector('.title').value = 'opening words';
          review.people(opening).querySelector('option[value=rashad]').selected = true;
          review.cards.forEach(review.update);
          var downloaded = '';
          HTMLAnchorElement.prototype.click = function () { downloaded = this.download; };
          document.getElementById('save').click();
          var out = document.createElement('pre');
          out.id = 'test-output';
          out.dataset.download = downloaded;
          out.dataset.chosen = document.getElementById('chosen').textContent;
          out.textContent = review.choices();
          document.body.appendChild(out);
        });
        </script>
        """

    @Test func choicesMadeOnThePageDecideTheNextRun() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let card = try Fixtures.copySampleCard(into: folder)
            let output = folder.appendingPathComponent("out")
            _ = try await PipelineTests.run(card: card, output: output)
            let before = Dictionary(uniqueKeysWithValues: try PipelineTests.batch(output).map { ($0.source, $0) })
            let page = try String(contentsOf: output.appendingPathComponent("review.html"), encoding: .utf8)
            let played = output.appendingPathComponent("played.html")
            try page.replacingOccurrences(of: "</body>", with: Self.person + "</body>").write(to: played, atomically: true, encoding: .utf8)
            let dom = try Subprocess.run(
                Browser.chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000", "--dump-dom", played.absoluteString]
            ).stdout
            let pre = try #require(dom.firstMatch(of: /<pre id="test-output" data-download="([^"]*)" data-chosen="([^"]*)">([\s\S]*?)<\/pre>/))
            #expect(pre.1 == "choices.yaml")
            #expect(pre.2 == "3 photos with choices")
            let yaml = String(pre.3).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
            #expect(yaml.contains("  \"DCIM/100CANON/IMG_0002.JPG\":\n    exclude: \"eyes closed\"\n"), "\(yaml)")
            #expect(yaml.contains("  \"DCIM/100CANON/IMG_0004.JPG\":\n    exclude: \"excluded in the review\"\n"), "\(yaml)")
            #expect(yaml.contains("  \"DCIM/100CANON/IMG_0001.JPG\":\n    title: \"opening words\"\n    people: [\"rashad\"]\n"), "\(yaml)")

            let choices = folder.appendingPathComponent("choices.yaml")
            try yaml.write(to: choices, atomically: true, encoding: .utf8)
            let run = try CommandLineTests.photocat([
                "run", card.path, "--manifest", Fixtures.sampleManifest.path, "--out", output.path, "--settle", "0", "--choices", choices.path,
            ])
            #expect(run.status == 1, "the sample card's damaged photo: \(run.stderr)")
            let after = Dictionary(uniqueKeysWithValues: try PipelineTests.batch(output).map { ($0.source, $0) })
            #expect(after["DCIM/100CANON/IMG_0002.JPG"]?.status == .excluded)
            #expect(after["DCIM/100CANON/IMG_0002.JPG"]?.reasons.first?.contains("eyes closed") == true)
            #expect(after["DCIM/100CANON/IMG_0004.JPG"]?.status == .excluded)
            #expect(after["DCIM/100CANON/IMG_0001.JPG"]?.people.contains("rashad") == true)
            #expect(after["DCIM/100CANON/IMG_0001.JPG"]?.filename == "Wikipedia 25 meetup Baku 2026-01-15 opening words 01.jpg")
            for (source, entry) in after where entry.status == .ready && source != "DCIM/100CANON/IMG_0001.JPG" {
                #expect(entry.filename == before[source]?.filename, "\(source) kept its name")
            }
        }
    }

    /// 2,000 photos: the page is usable at once (images load lazily as they scroll in).
    @Test func twoThousandPhotosLoadQuickly() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let entries = (1...2000).map { index -> BatchEntry in
                var entry = BatchEntry(
                    source: String(format: "DCIM/100CANON/IMG_%04d.JPG", index), sha1: String(format: "%040d", index), status: .ready,
                    thumbnails: [String(format: "thumbs/320/%040d.jpg", index)], width: 640, height: 480)
                entry.filename = "Photo \(index).jpg"
                entry.captured = "2026-01-15 14:00:00"
                entry.scene = index % 2 == 0 ? "talks" : "cake"
                entry.wikitext = String(repeating: "=={{int:filedesc}}==\n", count: 20)
                return entry
            }
            let header = BatchHeader(title: "Big", people: (1...30).map { BatchHeader.Person(id: "p\($0)", name: "Person \($0)", consent: .full) })
            let page = folder.appendingPathComponent("review.html")
            try ReviewPage.render(entries: entries, header: header).write(to: page, atomically: true, encoding: .utf8)
            let started = Date()
            let dom = try Subprocess.run(Browser.chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.absoluteString]).stdout
            let wall = Date().timeIntervalSince(started)
            let loadMs = try #require(dom.firstMatch(of: /data-load-ms="(\d+)"/).flatMap { Int($0.1) })
            #expect(dom.contains("data-loaded=\"yes\""))
            #expect(dom.contains("loading=\"lazy\""))
            #expect(loadMs < 4000, "the page took \(loadMs) ms to load (\(wall) s with Chromium's start)")
        }
    }
}
