import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// The incremental decision, with the clock and the output folder given as values.
@Suite struct WorkPlanTests {
    static let now: Int64 = 1_800_000_000 * 1_000_000_000
    static let second: Int64 = 1_000_000_000
    static let options = ThumbnailOptions(sizes: [320])

    static func file(_ path: String, size: Int64 = 1000, modified: Int64 = now - 3600 * second) -> CardFile {
        CardFile(relativePath: path, url: URL(fileURLWithPath: "/card/" + path), size: size, modified: modified, kind: .jpeg)
    }

    static func row(for file: CardFile, state: PhotoRow.State = .present) -> PhotoRow {
        var record = PhotoRecord(relativePath: file.relativePath)
        record.sha1 = String(repeating: "a", count: 40)
        record.thumbnails = [ThumbnailFile(size: 320, path: "thumbs/320/\(record.sha1!).jpg")]
        var row = PhotoRow(file: file, record: record, keys: .current, options: options, run: 1)
        row.state = state
        return row
    }

    static func rules(settle: Int = 60, shard: Shard? = nil, rebuild: Bool = false, options: ThumbnailOptions = options) -> WorkPlan.Rules {
        WorkPlan.Rules(keys: .current, thumbnails: options, settleSeconds: settle, shard: shard, rebuild: rebuild)
    }

    @Test(arguments: [
        (-3600, 60, false),  // an hour old: settled
        (-61, 60, false),
        (-59, 60, true),  // being copied
        (0, 60, true),
        (3, 60, true),  // a few seconds ahead: a clock slightly off, still being copied
        (3600, 60, false),  // an hour ahead: a camera clock copied with the file, not a copy in progress
        (0, 0, false),  // --settle 0 takes everything
    ])
    func theSettleWindow(offsetSeconds: Int, settle: Int, settling: Bool) {
        let file = Self.file("A.JPG", modified: Self.now + Int64(offsetSeconds) * Self.second)
        let plan = WorkPlan.make(files: [file], catalogue: [:], rules: Self.rules(settle: settle), now: Self.now) { _ in true }
        #expect(plan.settling.count == (settling ? 1 : 0))
        #expect(plan.toRead.count == (settling ? 0 : 1))
    }

    @Test func onlyWhatChangedIsRead() {
        let same = Self.file("same.JPG"), grown = Self.file("grown.JPG"), touched = Self.file("touched.JPG"), new = Self.file("new.JPG")
        let gone = Self.file("gone.JPG"), goneBefore = Self.file("gone-before.JPG")
        let catalogue = Dictionary(
            uniqueKeysWithValues: [same, grown, touched, gone].map { (PathKey($0.relativePath), Self.row(for: $0)) }
                + [(PathKey(goneBefore.relativePath), Self.row(for: goneBefore, state: .removed))])
        var grownNow = grown
        grownNow.size += 1
        var touchedNow = touched
        touchedNow.modified += Self.second
        let plan = WorkPlan.make(files: [same, grownNow, touchedNow, new], catalogue: catalogue, rules: Self.rules(), now: Self.now) { _ in true }
        #expect(plan.reused.map(\.path) == ["same.JPG"])
        #expect(plan.toRead.map(\.relativePath) == ["grown.JPG", "touched.JPG", "new.JPG"])
        #expect(plan.removed.map(\.path) == ["gone.JPG"])  // not the one already marked removed
    }

    @Test func aMissingThumbnailOrNewOptionsOrRebuildMeanReadingAgain() {
        let file = Self.file("A.JPG")
        let catalogue = [PathKey(file.relativePath): Self.row(for: file)]
        let missing = WorkPlan.make(files: [file], catalogue: catalogue, rules: Self.rules(), now: Self.now) { _ in false }
        #expect(missing.toRead.count == 1)
        let options = WorkPlan.make(
            files: [file], catalogue: catalogue, rules: Self.rules(options: ThumbnailOptions(sizes: [320], quality: 70)), now: Self.now
        ) { _ in true }
        #expect(options.toRead.count == 1)
        let rebuild = WorkPlan.make(files: [file], catalogue: catalogue, rules: Self.rules(rebuild: true), now: Self.now) { _ in true }
        #expect(rebuild.toRead.count == 1 && rebuild.reused.isEmpty)
    }

    @Test func aKnownPhotoBeingOverwrittenKeepsItsPreviousResult() {
        let file = Self.file("A.JPG")
        var now = file
        now.modified = Self.now
        now.size = 10
        let plan = WorkPlan.make(files: [now], catalogue: [PathKey(file.relativePath): Self.row(for: file)], rules: Self.rules(), now: Self.now) {
            _ in true
        }
        #expect(plan.settling.count == 1 && plan.held.map(\.path) == ["A.JPG"] && plan.removed.isEmpty)
    }

    @Test func shardsSplitEveryCardExactlyOnce() throws {
        let files = (1...500).map { Self.file(String(format: "DCIM/%03dCANON/IMG_%04d.JPG", 100 + $0 / 100, $0)) }
        var counts: [Int] = []
        var seen: [String] = []
        for index in 1...4 {
            let plan = WorkPlan.make(files: files, catalogue: [:], rules: Self.rules(shard: try Shard(index: index, count: 4)), now: Self.now) { _ in
                true
            }
            #expect(plan.otherShards == files.count - plan.toRead.count)
            counts.append(plan.toRead.count)
            seen += plan.toRead.map(\.relativePath)
        }
        #expect(seen.sorted() == files.map(\.relativePath).sorted())
        #expect(counts.allSatisfy { (90...160).contains($0) }, "uneven shards: \(counts)")
    }

    @Test(arguments: ["0/4", "5/4", "1/0", "2", "a/b", "1/2/3", "-1/3"])
    func badShardsAreRefused(text: String) {
        #expect(throws: ShardError.self) { try Shard(parsing: text) }
    }

    @Test func aShardIsAFunctionOfThePathAlone() throws {
        // Pinned values (SHA-256 of the path, computed independently with Python's hashlib): a
        // change here would move photos between the machines of a split already running.
        #expect((1...8).map { Shard.bucket(of: PathKey("DCIM/100CANON/IMG_000\($0).JPG"), count: 3) } == [3, 1, 3, 2, 2, 2, 3, 3])
        #expect(try Shard(parsing: "3/4") == Shard(index: 3, count: 4))
    }
}
