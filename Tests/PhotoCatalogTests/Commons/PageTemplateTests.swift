import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct PageTemplateTests {
    static let text = """
        =={{int:filedesc}}==
        {{Artwork
        |description=<%#descriptions%>{{<%language%>|1=<%text%>}}<%/descriptions%>
        |date=<%date%>
        |author=<%&author_markup%>
        }}
        <%&location_markup%>
        {{self|<%license%>}}
        <%#personality_rights%>{{Personality rights}}<%/personality_rights%>
        <%&categories_markup%>

        """

    @Test func userTemplateStillEscapes() throws {
        var page = StructuredDataTests.page
        page.descriptions = [("en", WikitextTests.hostile[0])]
        page.categories = ["Wikipedia 25 in Azerbaijan"]
        let wikitext = try PageTemplate(text: Self.text).render(page)
        #expect(wikitext.hasPrefix("=={{int:filedesc}}==\n{{Artwork\n|description={{en|1=Sunset&#125;&#125; &#123;&#123;Delete"))
        #expect(wikitext.contains("|author=[[User:Example Photographer|Example Photographer]]\n"))
        #expect(wikitext.contains("{{Location|40.377700|49.892000|heading:135}}\n{{self|cc-by-sa-4.0}}\n{{Personality rights}}\n"))
        #expect(wikitext.components(separatedBy: "[[Category:").count == 2)
        #expect(!wikitext.contains("<script"))
    }

    @Test func manifestTemplateIsUsedAndCheckedOnLoad() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            try Self.text.write(to: folder.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
            let yaml = ManifestLoaderTests.minimal + "\n  template: page.mustache\n"
            try yaml.write(to: folder.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
            let manifest = try ManifestLoader.load(contentsOf: folder.appendingPathComponent("m.yaml"))
            let record = BatchPlannerTests.record("IMG_0001.JPG", time: "2026:01:15 17:05:00")
            let page = try #require(BatchPlanner.plan(records: [record], manifest: manifest).entries[0].wikitext)
            #expect(page.contains("{{Artwork\n|description={{en|1=Wikipedia 25 birthday meetup in Baku}}"))

            try "<%#descriptions%> never closed".write(to: folder.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
            #expect(throws: PhotoCatalogError.self) { try ManifestLoader.load(contentsOf: folder.appendingPathComponent("m.yaml")) }
        }
    }
}
