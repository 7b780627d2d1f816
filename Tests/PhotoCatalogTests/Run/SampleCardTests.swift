import Foundation
import SampleCard
import Testing

/// The committed sample card is exactly what photocat's own encoder and EXIF writer produce,
/// so no third-party photo can hide in it. (`make fixtures` rewrites it.)
@Suite struct SampleCardTests {
    @Test func committedCardIsReproducible() throws {
        let files = try SampleCard.files()
        var total = 0
        for file in files {
            let committed = try Data(contentsOf: Fixtures.sampleCard.appendingPathComponent(file.path))
            #expect(committed == file.data, "\(file.path) differs from what photocat-fixtures makes; run `make fixtures`")
            total += committed.count
        }
        #expect(total < 1_000_000)
    }
}
