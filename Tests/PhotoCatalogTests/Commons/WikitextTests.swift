import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct WikitextTests {
    static let hostile = [
        "Sunset}}\n{{Delete|reason=x}}\n[[Category:Spam]] <script>alert('x')</script> | a=b ''bold'' ~~~~\tTAB",
        "}}}}]]]]{{{{[[[[",
        "__NOTOC__ == Heading ==",
        "[https://example.org link] &amp; &#124;",
        "{{subst:Delete}}",
    ]

    @Test(arguments: hostile)
    func escapedTextHasNoMarkupLeft(text: String) {
        let escaped = Wikitext.escape(text)
        for token in ["{{", "}}", "[[", "]]", "|", "<", ">", "~~~", "\n", "''", "__", "=", "[", "]"] {
            #expect(!escaped.contains(token), "`\(token)` survived in \(escaped)")
        }
    }

    /// A page built from hostile text still has exactly the structure photocat wrote.
    @Test func hostilePageKeepsItsShape() {
        let page = FilePage.render(
            FilePageContent(
                descriptions: Self.hostile.map { ("en", $0) }, date: "2026-01-15 17:04:12",
                author: Manifest.Author(user: "Evil]]User", name: "Name|with}}pipes"),
                location: GPSPosition(latitude: -89.9999972, longitude: -180, imageDirection: 359.7),
                withholdLocation: false, license: "cc-by-sa-4.0", consent: nil, personalityRights: false,
                categories: ["Wikipedia 25 in Azerbaijan"]))
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        // The closing }} of {{Information}} is the only line that closes a template it did not open.
        #expect(lines.filter { $0.contains("}}") && !$0.hasPrefix("{{") && !$0.hasPrefix("|") && !$0.hasPrefix("=") }.count == 1)
        #expect(page.components(separatedBy: "[[Category:").count == 2)
        #expect(page.components(separatedBy: "{{Information").count == 2)
        #expect(!page.contains("<script"))
        #expect(!page.contains("~~~~"))
        #expect(page.contains("{{Location|-89.999997|-180.000000|heading:0}}"))
        #expect(page.contains("|author=[[User:EvilUser|Name&#124;with&#125;&#125;pipes]]"))
    }

    @Test(arguments: [
        ("Wikipedia 25 in Azerbaijan", "Wikipedia 25 in Azerbaijan"),
        ("Arts & crafts: Baku", "Arts & crafts: Baku"),
        ("Spam]] [[Category:Other", "Spam Category:Other"),
        ("A\nB ~~~~ {{x}}", "A B ~~ x"),
    ])
    func linkTargetsCannotLeaveTheLink(name: String, expected: String) {
        #expect(Wikitext.linkTarget(name) == expected)
    }

    @Test func pageWithoutCategoriesAsksForThem() {
        let page = FilePage.render(
            FilePageContent(
                descriptions: [("en", "x")], date: nil, author: Manifest.Author(user: nil, name: "A"),
                location: nil, withholdLocation: true, license: "cc-zero", consent: nil, personalityRights: false, categories: []))
        #expect(page.contains("|date=\n"))
        #expect(page.contains("{{Location withheld}}"))
        #expect(page.hasSuffix("{{subst:unc}}\n"))
    }
}
