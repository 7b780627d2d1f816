import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

@Suite struct CommonsNameTests {
    @Test(arguments: [
        ("IMG_0001.jpg"), ("IMG 0001.jpg"), ("DSC_0042.jpg"), ("DSCN0021.jpg"), ("DSCF1234.jpg"), ("P1010001.jpg"),
        ("CIMG0001.jpg"), ("PICT0001.jpg"), ("SANY0001.jpg"), ("MVC-001.jpg"), ("DCP01234.jpg"), ("100-0001_IMG.jpg"),
        ("PANA1234.jpg"), ("SDC10001.jpg"), ("DVC00001.jpg"), ("Img_0001.jpg"),
    ])
    func cameraDefaultNamesAreRefused(name: String) {
        #expect(CommonsName.problem(with: name)?.contains("camera's default name") == true)
    }

    @Test(
        arguments: [
            ("Wikipedia 25 meetup Baku 2026-01-15 cake cutting 03.jpg", nil),
            ("Foo .jpg", "space before the extension"),
            ("Foo#1.jpg", "titles cannot hold"),
            ("foo.jpg", "normal form"),
            ("Foo  bar.jpg", "normal form"),
        ] as [(String, String?)])
    func problems(name: String, expected: String?) {
        let problem = CommonsName.problem(with: name)
        if let expected {
            #expect(problem?.contains(expected) == true, "\(problem ?? "nil")")
        } else {
            #expect(problem == nil)
        }
    }

    @Test(arguments: [
        ("wikipedia_25  meetup", "Wikipedia 25 meetup"),
        ("Talk: history/future\\now", "Talk- history-future-now"),
        ("Ünïcødé photo #1 – 東京 [copy]", "Ünïcødé photo 1 – 東京 copy"),
        ("a\u{00A0}b\u{200B}c\u{202E}d\u{00AD}e", "A b cde"),
        ("cake 🎂 time", "Cake time"),
        ("tab\there\nnewline", "Tab here newline"),
    ])
    func normalisation(raw: String, expected: String) {
        #expect(CommonsName.normalized(raw) == expected)
    }

    /// Descriptive part and counter → the name photocat plans, or nil where Commons would refuse it.
    @Test(
        arguments: [
            ("Wikipedia 25 meetup Baku 2026-01-15 cake cutting", "03", "Wikipedia 25 meetup Baku 2026-01-15 cake cutting 03.jpg"),
            ("wikipedia_25 meetup  baku", "01", "Wikipedia 25 meetup baku 01.jpg"),
            ("talk: [history] {of} <Wikipedia> | #25", "01", "Talk- history of Wikipedia 25 01.jpg"),
            ("Q&A / panel \\ day 2", "07", "Q&A - panel - day 2 07.jpg"),
            ("cake 🎂 time\u{200B}\u{202E}", "02", "Cake time 02.jpg"),
            ("Ünïcødé – 東京 (copy)", "01", "Ünïcødé – 東京 (copy) 01.jpg"),
            ("../../etc/passwd\u{0}", "01", "Etc-passwd 01.jpg"),  // never a path, never hidden
            ("/absolute/path", "01", "Absolute-path 01.jpg"),
            ("..", "01", "01.jpg"),
            ("IMG", "01", nil),  // IMG 01: a camera's default name
            ("DSC", "0042", nil),
            ("P1", "0001", nil),
            ("SANY", "12", nil),
        ] as [(String, String, String?)])
    func plannedNames(descriptive: String, counter: String, expected: String?) {
        let name = CommonsName.make(descriptive: descriptive, counter: counter)
        if let expected {
            #expect(name == expected)
            #expect(CommonsName.problem(with: name) == nil)
        } else {
            #expect(CommonsName.problem(with: name) != nil, "\(name) should be refused")
        }
    }

    @Test func longNamesKeepCounterAndExtensionWithin240Bytes() {
        let name = CommonsName.make(descriptive: String(repeating: "Bakı ", count: 80), counter: "07")
        #expect(name.utf8.count <= 240)
        #expect(name.hasSuffix(" 07.jpg"))
        #expect(CommonsName.problem(with: name) == nil)
        #expect(name.unicodeScalars.allSatisfy { $0 != "\u{FFFD}" })
    }
}
