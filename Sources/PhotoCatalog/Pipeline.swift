import Foundation
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload

/// What a run produced, for the command line to print and map to an exit code.
public struct RunResult: Sendable {
    public var report: RunReport
    public var entries: [BatchEntry]
    /// What this run had to do (read, decoded, reused, left for later).
    public var work: RunWork
    /// Things that happened to the card since the last run: photos gone, photos still being
    /// copied. Printed, not kept in `report.json`, which describes the batch, not the run.
    public var events: [Diagnostic]
    /// Every file of the output folder this run wrote, left as it was, or removed.
    public var written: AtomicFile.Counts
    /// Read-stage time per stage, summed over photos, and the time the output folder took to write.
    public var times: StageTimes
    /// The run's id in the catalogue.
    public var runID: Int64
}

/// scan → read (parallel, bounded; only what the catalogue cannot answer) → store → derive
/// (pure) → store → project: the output folder is written from what the catalogue holds.
public struct Pipeline: Sendable {
    public var configuration: RunConfiguration

    public init(configuration: RunConfiguration) {
        self.configuration = configuration
    }

    /// `progress` is called once per photo read, with (done, total, card-relative path).
    /// `stop` is polled between photos: when SIGINT or SIGTERM sets it, the photos in flight
    /// finish and are committed, and the run throws `.interrupted`.
    public func run(
        stop: StopRequest = StopRequest(),
        progress: @escaping @Sendable (Int, Int, String) -> Void = { _, _, _ in }
    ) async throws -> RunResult {
        let config = configuration
        try checkOutputIsOutsideCard()
        // The card is scanned before anything is created, so a card that is not mounted leaves
        // no trace in the output folder.
        let scan = try CardScanner(root: config.card).scan()
        try createOutputFolder()
        let lock = try OutputLock(folder: config.output)
        defer { withExtendedLifetime(lock) {} }
        removeLeftovers()
        let catalog = try Catalog(folder: config.output)
        let stored = try catalog.photos()
        let adopted = try catalog.adoptedNames()
        try checkNoBatchWithoutCatalogue(stored: stored, adopted: adopted)
        let runID = try catalog.beginRun(card: config.card, shard: config.shard)
        var work = RunWork()
        do {
            return try await run(
                scan: scan, catalog: catalog, stored: stored, adopted: adopted, runID: runID, work: &work,
                stop: stop, progress: progress)
        } catch let error as PhotoCatalogError {
            try? catalog.endRun(runID, exitCode: error.exitCode, work: work, message: error.description)
            throw error
        }
    }

    private func run(
        scan: ScanResult, catalog: Catalog, stored: [PathKey: PhotoRow], adopted: [AdoptedName], runID: Int64,
        work: inout RunWork, stop: StopRequest,
        progress: @escaping @Sendable (Int, Int, String) -> Void
    ) async throws -> RunResult {
        let config = configuration
        let previousCard = try catalog.lastCard(before: runID)
        let thumbnails = try catalog.thumbnailPaths()
        let plan = WorkPlan.make(files: scan.files, catalogue: stored, rules: rules, now: Self.now(), thumbnailExists: thumbnails.contains)
        work = RunWork(plan: plan, catalogue: stored)
        try checkRemoval(plan, stored: stored)
        let fresh = try await read(plan.toRead, stored: stored, catalog: catalog, runID: runID, stop: stop, progress: progress)
        work.decoded = fresh.filter { $0.record.decoded }.count
        if let signal = stop.requested { throw PhotoCatalogError.interrupted(signal) }

        let current = plan.reused + fresh + plan.held
        let batch = derive(current: current, removed: plan.removed, stored: stored, adopted: adopted, scan: scan)
        let report = makeReport(scan: scan, records: current.map(\.record), plan: batch)
        let changed = derivedRows(current: current, removed: plan.removed, entries: batch.entries, stored: stored, runID: runID)
        let run = try catalog.commitBatch(
            runID, rows: changed, batch: BatchHeader(manifest: config.manifest), counts: report.counts,
            work: work, report: report)
        var rows = stored
        for row in fresh + changed { rows[row.key] = row }
        let rendered = Set(fresh.flatMap { $0.record.thumbnails.map(\.path) })
        // The read stage's times, and writing the output folder as `write`.
        var times = fresh.map(\.record.times).reduce(StageTimes(), +)
        let written: AtomicFile.Counts
        do {
            written = try StageTimes.measure(&times.write) {
                try Projection.write(rows: Array(rows.values), run: run, to: config.output, rendered: rendered, catalog: catalog)
            }
        } catch let error as PhotoCatalogError {
            throw error
        } catch {
            throw PhotoCatalogError.cannotWrite(config.output.path, error.reason)
        }
        try catalog.endRun(runID, exitCode: report.exitCode)
        return RunResult(
            report: report, entries: batch.entries, work: work, events: events(plan, previousCard: previousCard),
            written: written, times: times, runID: runID)
    }

    /// Reads what the catalogue cannot answer for, committing each photo with its thumbnails as
    /// soon as it is done.
    private func read(
        _ files: [CardFile], stored: [PathKey: PhotoRow], catalog: Catalog, runID: Int64, stop: StopRequest,
        progress: @escaping @Sendable (Int, Int, String) -> Void
    ) async throws -> [PhotoRow] {
        let config = configuration
        let reader = PhotoReader(thumbnails: config.thumbnails, claims: ThumbnailClaims())
        var read: [PhotoRow] = []
        try await Self.readAll(files, reader: reader, jobs: config.jobs, stop: stop, progress: progress) { file, record in
            var kept = record
            kept.rendered = []
            let row = PhotoRow(
                file: file, record: kept, keys: config.keys, options: config.thumbnails,
                run: runID, previous: stored[file.key])
            let thumbnails = record.rendered.map { (path: ThumbnailFile(size: $0.size, sha1: record.sha1 ?? "").path, jpeg: $0.jpeg) }
            try catalog.save(row, thumbnails: thumbnails)
            read.append(row)
        }
        return read
    }

    /// The whole batch, from the rows of every photo now on the card. Pure.
    private func derive(
        current: [PhotoRow], removed: [PhotoRow], stored: [PathKey: PhotoRow], adopted: [AdoptedName],
        scan: ScanResult
    ) -> BatchPlanner.Plan {
        let records = current.map(\.record)
        let presentSHA1 = Set(records.compactMap(\.sha1))
        let inBatch = Set(current.map(\.key))
        return BatchPlanner.plan(
            records: records, manifest: configuration.manifest,
            previousNames: Self.previousNames(stored: stored, adopted: adopted),
            reservedNames: Set(removed.filter { !presentSHA1.contains($0.sha1 ?? "") }.compactMap(\.name)),
            knownSHA1: configuration.knownSHA1, shard: configuration.shard,
            otherPhotos: scan.files.filter { !inBatch.contains($0.key) }.map(\.relativePath))
    }

    private var rules: WorkPlan.Rules {
        WorkPlan.Rules(
            keys: configuration.keys, thumbnails: configuration.thumbnails,
            settleSeconds: configuration.settleSeconds, shard: configuration.shard, rebuild: configuration.rebuild)
    }

    /// Path or SHA-1 → the Commons name given before, so names stay put: the catalogue's, and
    /// those `photocat adopt` took from a batch made without it.
    static func previousNames(stored: [PathKey: PhotoRow], adopted: [AdoptedName]) -> PreviousNames {
        var names = PreviousNames()
        for name in adopted {
            names.byPath[name.key] = name.name
            if let sha1 = name.sha1 { names.bySHA1[sha1] = name.name }
        }
        for row in stored.values.sorted(by: { $0.key < $1.key }) {
            guard let name = row.name else { continue }
            names.byPath[row.key] = name
            if let sha1 = row.sha1, row.state == .present || names.bySHA1[sha1] == nil { names.bySHA1[sha1] = name }
        }
        return names
    }

    /// The catalogue rows whose derived columns or state this run changed.
    private func derivedRows(
        current: [PhotoRow], removed: [PhotoRow], entries: [BatchEntry],
        stored: [PathKey: PhotoRow], runID: Int64
    ) -> [PhotoRow] {
        let key = configuration.keys.derive(
            manifest: configuration.manifest.fingerprint, knownSHA1: configuration.knownSHA1, shard: configuration.shard)
        let byKey = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [PhotoRow] = []
        for row in current {
            guard let entry = byKey[row.key] else { continue }
            var derived = row.deriving(entry, key: key)
            derived.state = .present
            derived.removedRun = nil
            if derived != stored[row.key] { rows.append(derived) }
        }
        for row in removed {
            var gone = row
            gone.state = .removed
            gone.removedRun = runID
            if configuration.removed == .delete { gone.outputs = [] }
            rows.append(gone)
        }
        return rows
    }

    /// A card that is not mounted looks like an empty folder: a run that would take all of the
    /// catalogue's photos out of the batch, or more than half of them, is refused (nothing is
    /// changed) unless `--allow-removal` says it is meant.
    private func checkRemoval(_ plan: WorkPlan, stored: [PathKey: PhotoRow]) throws {
        let known = stored.values.filter { $0.state == .present }.count
        let removed = plan.removed.count
        guard removed > 0, !configuration.allowRemoval, removed == known || 2 * removed > known else { return }
        throw PhotoCatalogError.tooManyRemoved(configuration.card.path, removed, known)
    }

    /// A folder that holds a batch but whose catalogue is new (deleted, or moved away when
    /// damaged): the names given in it are unknown here, and planning anew could give an
    /// uploaded photo a second name. `photocat adopt` takes them over, on purpose.
    private func checkNoBatchWithoutCatalogue(stored: [PathKey: PhotoRow], adopted: [AdoptedName]) throws {
        let batch = configuration.output.appendingPathComponent("commons/batch.jsonl")
        if stored.isEmpty, adopted.isEmpty, FileManager.default.fileExists(atPath: batch.path) {
            throw PhotoCatalogError.batchWithoutCatalogue(configuration.output.path)
        }
    }

    private func events(_ plan: WorkPlan, previousCard: String?) -> [Diagnostic] {
        var removed: [Diagnostic] = []
        if let previousCard, previousCard != configuration.card.path, !plan.removed.isEmpty {
            // Most likely a second card pointed at the same output folder by mistake.
            removed.append(
                Diagnostic(
                    .warning, .cardChanged, path: configuration.card.path,
                    "the last run read \(previousCard); the \(plan.removed.count) photos not on \(configuration.card.path) left the batch. Give each card its own --out, or copy the cards into one folder"
                ))
        }
        removed += plan.removed.map {
            Diagnostic(
                .note, .cardRemoved, path: $0.path,
                configuration.removed == .delete
                    ? "no longer on the card; its page and thumbnails were removed"
                    : "no longer on the card; its page and thumbnails are kept (--removed keep) but it left the batch")
        }
        let why =
            "changed less than \(configuration.settleSeconds) s ago, perhaps still being copied; left for the next run (--settle 0 takes it now)"
        // A card being copied can have hundreds of such files: one line then, not hundreds.
        if plan.settling.count > 5 {
            let first = plan.settling.prefix(3).map(\.relativePath).joined(separator: ", ")
            return removed + [Diagnostic(.note, .cardSettling, path: configuration.card.path, "\(plan.settling.count) photos (\(first), …) \(why)")]
        }
        return removed + plan.settling.map { Diagnostic(.note, .cardSettling, path: $0.relativePath, why) }
    }

    /// Reads photos in a task group that never holds more than `jobs` photos at once, so memory
    /// follows the number of workers, not the size of the card (a record's rendered thumbnails
    /// live until `commit` has kept them). `commit` runs for each photo in turn, on this task;
    /// when it throws, no new photo starts and the error is rethrown.
    static func readAll(
        _ files: [CardFile], reader: PhotoReader, jobs: Int, stop: StopRequest? = nil,
        progress: @escaping @Sendable (Int, Int, String) -> Void = { _, _, _ in },
        commit: (CardFile, PhotoRecord) throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: (Int, PhotoRecord).self) { group in
            var done = 0
            var next = 0
            func startNext() {
                guard next < files.count, stop?.requested == nil else { return }
                let index = next
                next += 1
                group.addTask { (index, reader.read(files[index])) }
            }
            for _ in 0..<min(jobs, files.count) { startNext() }
            var failure: Error?
            while let (index, record) = try await group.next() {
                guard failure == nil else { continue }
                do {
                    try commit(files[index], record)
                } catch {
                    failure = error
                    continue
                }
                done += 1
                progress(done, files.count, record.relativePath)
                startNext()
            }
            if let failure { throw failure }
        }
    }

    /// Scans a card and reads every photo's metadata, without decoding pixels or writing
    /// anything: what `validate --card` and `init` need.
    public static func readMetadata(card: URL, decode: Bool = false, jobs: Int = ProcessInfo.processInfo.activeProcessorCount)
        async throws -> (scan: ScanResult, records: [PhotoRecord])
    {
        let scan = try CardScanner(root: card).scan()
        // Decoding renders one tiny thumbnail, which is where libjpeg reports damaged data.
        let reader = PhotoReader(thumbnails: ThumbnailOptions(sizes: decode ? [16] : []))
        var records: [PhotoRecord] = []
        try await readAll(scan.files, reader: reader, jobs: max(1, jobs)) { _, record in records.append(record) }
        return (scan, records)
    }

    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    private func checkOutputIsOutsideCard() throws {
        let card = configuration.card.resolvingSymlinksInPath().path
        let output = configuration.output.resolvingSymlinksInPath().path
        if output == card || output.hasPrefix(card.hasSuffix("/") ? card : card + "/") {
            throw PhotoCatalogError.outputInsideCard(configuration.output.path)
        }
    }

    private func createOutputFolder() throws {
        do {
            try FileManager.default.createDirectory(at: configuration.output, withIntermediateDirectories: true)
        } catch {
            throw PhotoCatalogError.cannotWrite(configuration.output.path, error.reason)
        }
    }

    /// Temporary files of a run that was killed mid-write; the lock says no run is writing now.
    private func removeLeftovers() {
        let output = configuration.output
        var folders = [output, output.appendingPathComponent("commons")]
        let thumbs = output.appendingPathComponent("thumbs")
        for size in (try? FileManager.default.contentsOfDirectory(atPath: thumbs.path)) ?? [] {
            folders.append(thumbs.appendingPathComponent(size))
        }
        folders.forEach(AtomicFile.removeLeftovers(in:))
    }

    private func makeReport(scan: ScanResult, records: [PhotoRecord], plan: BatchPlanner.Plan) -> RunReport {
        var counts = RunReport.Counts()
        plan.entries.forEach { counts.add($0.status) }
        let scanDiagnostics = scan.diagnostics.filter { configuration.shard?.contains($0.path) ?? true }
        counts.skippedFiles = scanDiagnostics.filter(\.id.passesOverAFile).count
        let unmatched = plan.diagnostics.filter { $0.id == .manifestUnknownPhoto }
        counts.unmatchedPhotoEntries = unmatched.count
        counts.unmatchedConsentEntries = unmatched.filter { $0.severity == .error }.count
        var diagnostics = scanDiagnostics + records.flatMap(\.diagnostics) + plan.diagnostics
        diagnostics.sort { ($0.path, $0.id.rawValue, $0.message) < ($1.path, $1.id.rawValue, $1.message) }
        return RunReport(
            tool: "photocat \(PhotocatVersion.current)", card: configuration.card.lastPathComponent,
            counts: counts, thumbnailSizes: configuration.thumbnails.sizes.sorted(), diagnostics: diagnostics)
    }
}
