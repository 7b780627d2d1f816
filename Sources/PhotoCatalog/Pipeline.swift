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
    /// Read-stage time per stage, summed over photos.
    public var times: StageTimes
    /// The run's id in the catalogue.
    public var runID: Int64
}

/// scan → read (parallel, bounded; only what the catalogue cannot answer) → derive (pure) → write.
public struct Pipeline: Sendable {
    public var configuration: RunConfiguration

    public init(configuration: RunConfiguration) {
        self.configuration = configuration
    }

    /// `progress` is called once per photo read, with (done, total, card-relative path).
    /// `stop` is polled between photos: when SIGINT or SIGTERM sets it, the photos in flight
    /// finish and are committed, and the run throws `.interrupted`.
    public func run(stop: StopRequest = StopRequest(),
                    progress: @escaping @Sendable (Int, Int, String) -> Void = { _, _, _ in }) async throws -> RunResult {
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
        let runID = try catalog.beginRun(card: config.card, shard: config.shard)
        do {
            return try await run(scan: scan, catalog: catalog, runID: runID, stop: stop, progress: progress)
        } catch let error as PhotoCatalogError {
            try? catalog.finishRun(runID, rows: [], counts: nil, work: RunWork(), report: nil, exitCode: error.exitCode)
            throw error
        }
    }

    private func run(scan: ScanResult, catalog: Catalog, runID: Int64, stop: StopRequest,
                     progress: @escaping @Sendable (Int, Int, String) -> Void) async throws -> RunResult {
        let config = configuration
        let stored = try catalog.photos()
        let previousCard = try catalog.lastCard(before: runID)
        let plan = WorkPlan.make(files: scan.files, catalogue: stored, rules: rules, now: Self.now()) { path in
            FileManager.default.fileExists(atPath: config.output.appendingPathComponent(path).path)
        }
        var work = RunWork(plan: plan, catalogue: stored)
        let (readRows, fresh, thumbnailWrites) = try await read(plan.toRead, stored: stored, catalog: catalog, runID: runID, stop: stop, progress: progress)
        work.decoded = fresh.filter(\.decoded).count
        if let signal = stop.requested {
            let error = PhotoCatalogError.interrupted(signal)
            try catalog.finishRun(runID, rows: [], counts: nil, work: work, report: nil, exitCode: error.exitCode)
            throw error
        }

        let current = plan.reused + readRows + plan.held
        let batch = derive(current: current, removed: plan.removed, stored: stored, scan: scan)
        let report = makeReport(scan: scan, records: current.map(\.record), plan: batch)
        let kept = config.removed == .keep ? Set(plan.removed.flatMap(\.outputs)) : []
        let written: AtomicFile.Counts
        do {
            let files = try BatchFiles.make(entries: batch.entries, report: report, card: config.card, manifest: config.manifest)
            written = try OutputWriter(root: config.output).write(files: files.map { ($0.path, $0.data) },
                                                                  thumbnails: Set(batch.entries.flatMap(\.thumbnails)), keeping: kept)
        } catch {
            throw PhotoCatalogError.cannotWrite(config.output.path, error.reason)
        }

        let rows = derivedRows(current: current, removed: plan.removed, entries: batch.entries, stored: stored, runID: runID)
        try catalog.finishRun(runID, rows: rows, counts: report.counts, work: work, report: report, exitCode: report.exitCode)
        return RunResult(report: report, entries: batch.entries, work: work, events: events(plan, previousCard: previousCard),
                         written: written + thumbnailWrites, times: fresh.map(\.times).reduce(StageTimes(), +), runID: runID)
    }

    /// Reads what the catalogue cannot answer for, committing each photo as soon as it is done.
    private func read(_ files: [CardFile], stored: [PathKey: PhotoRow], catalog: Catalog, runID: Int64, stop: StopRequest,
                      progress: @escaping @Sendable (Int, Int, String) -> Void) async throws -> ([PhotoRow], [PhotoRecord], AtomicFile.Counts) {
        let config = configuration
        let reader = PhotoReader(thumbnails: config.thumbnails, claims: ThumbnailClaims())
        let thumbnails = ThumbnailStore(root: config.output)
        var rows: [PhotoRow] = []
        var writes = AtomicFile.Counts()
        let records = try await Self.readAll(files, reader: reader, jobs: config.jobs, stop: stop, progress: progress) { file, record in
            // A thumbnail that cannot be written (disk full, say) is a fault of the output folder,
            // not of the photo: the run stops instead of recording the photo as failed.
            do {
                for thumbnail in record.rendered { writes.add(try thumbnails.save(thumbnail, sha1: record.sha1 ?? "")) }
            } catch {
                throw PhotoCatalogError.cannotWrite(config.output.appendingPathComponent("thumbs").path, error.reason)
            }
            var kept = record
            kept.rendered = []
            let row = PhotoRow(file: file, record: kept, keys: config.keys, options: config.thumbnails,
                               run: runID, previous: stored[PathKey(file.relativePath)])
            try catalog.save(row)
            rows.append(row)
        }
        return (rows, records, writes)
    }

    /// The whole batch, from the rows of every photo now on the card (pure but for the names a
    /// catalogue-less folder takes from its batch file).
    private func derive(current: [PhotoRow], removed: [PhotoRow], stored: [PathKey: PhotoRow], scan: ScanResult) -> BatchPlanner.Plan {
        let records = current.map(\.record)
        let presentSHA1 = Set(records.compactMap(\.sha1))
        let inBatch = Set(current.map { PathKey($0.path) })
        return BatchPlanner.plan(records: records, manifest: configuration.manifest,
                                 previousNames: previousNames(stored: stored, fresh: stored.isEmpty),
                                 reservedNames: Set(removed.filter { !presentSHA1.contains($0.sha1 ?? "") }.compactMap(\.name)),
                                 knownSHA1: configuration.knownSHA1, shard: configuration.shard,
                                 otherPhotos: scan.files.map(\.relativePath).filter { !inBatch.contains(PathKey($0)) })
    }

    private var rules: WorkPlan.Rules {
        WorkPlan.Rules(keys: configuration.keys, thumbnails: configuration.thumbnails,
                       settleSeconds: configuration.settleSeconds, shard: configuration.shard, rebuild: configuration.rebuild)
    }

    /// Path or SHA-1 → Commons name given before, so names stay put. The catalogue holds them;
    /// a folder whose catalogue is new (deleted, or older than the catalogue) has its batch file.
    private func previousNames(stored: [PathKey: PhotoRow], fresh: Bool) -> [String: String] {
        var names = fresh ? OutputWriter(root: configuration.output).previousNames() : [:]
        for row in stored.values.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            guard let name = row.name else { continue }
            names[row.path] = name
            if let sha1 = row.sha1, row.state == .present || names[sha1] == nil { names[sha1] = name }
        }
        return names
    }

    /// The catalogue rows whose derived columns or state this run changed.
    private func derivedRows(current: [PhotoRow], removed: [PhotoRow], entries: [BatchEntry],
                             stored: [PathKey: PhotoRow], runID: Int64) -> [PhotoRow] {
        let key = configuration.keys.derive(manifest: configuration.manifest.fingerprint, knownSHA1: configuration.knownSHA1, shard: configuration.shard)
        let bySource = Dictionary(entries.map { (PathKey($0.source), $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [PhotoRow] = []
        for row in current {
            guard let entry = bySource[PathKey(row.path)] else { continue }
            var derived = row.deriving(entry, key: key)
            derived.state = .present
            derived.removedRun = nil
            if derived != stored[PathKey(row.path)] { rows.append(derived) }
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

    private func events(_ plan: WorkPlan, previousCard: String?) -> [Diagnostic] {
        var removed: [Diagnostic] = []
        if let previousCard, previousCard != configuration.card.path, !plan.removed.isEmpty {
            // Most likely a second card pointed at the same output folder by mistake.
            removed.append(Diagnostic(.warning, "card.changed", path: ".",
                                      "the last run read \(previousCard); the \(plan.removed.count) photos not on \(configuration.card.path) left the batch. Give each card its own --out, or copy the cards into one folder"))
        }
        removed += plan.removed.map {
            Diagnostic(.note, "card.removed", path: $0.path, configuration.removed == .delete
                       ? "no longer on the card; its page and thumbnails were removed"
                       : "no longer on the card; its page and thumbnails are kept (--removed keep) but it left the batch")
        }
        let why = "changed less than \(configuration.settleSeconds) s ago, perhaps still being copied; left for the next run (--settle 0 takes it now)"
        // A card being copied can have hundreds of such files: one line then, not hundreds.
        if plan.settling.count > 5 {
            let first = plan.settling.prefix(3).map(\.relativePath).joined(separator: ", ")
            return removed + [Diagnostic(.note, "card.settling", path: ".", "\(plan.settling.count) photos (\(first), …) \(why)")]
        }
        return removed + plan.settling.map { Diagnostic(.note, "card.settling", path: $0.relativePath, why) }
    }

    /// Reads photos in a task group that never holds more than `jobs` photos at once, so memory
    /// follows the number of workers, not the size of the card. `commit` runs for each photo in
    /// turn, on this task; when it throws, no new photo starts and the error is rethrown.
    static func readAll(_ files: [CardFile], reader: PhotoReader, jobs: Int, stop: StopRequest? = nil,
                        progress: @escaping @Sendable (Int, Int, String) -> Void = { _, _, _ in },
                        commit: (CardFile, PhotoRecord) throws -> Void = { _, _ in }) async throws -> [PhotoRecord] {
        try await withThrowingTaskGroup(of: (Int, PhotoRecord).self) { group in
            var records: [PhotoRecord] = []
            records.reserveCapacity(files.count)
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
                records.append(record)
                progress(records.count, files.count, record.relativePath)
                startNext()
            }
            if let failure { throw failure }
            return records
        }
    }

    /// Scans a card and reads every photo's metadata, without decoding pixels or writing
    /// anything: what `validate --card` and `init` need.
    public static func readMetadata(card: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) async throws -> (scan: ScanResult, records: [PhotoRecord]) {
        let scan = try CardScanner(root: card).scan()
        let reader = PhotoReader(thumbnails: ThumbnailOptions(sizes: []))
        return (scan, try await readAll(scan.files, reader: reader, jobs: max(1, jobs)))
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
        counts.skippedFiles = scanDiagnostics.filter { $0.id.hasPrefix("scan.") }.count
        var diagnostics = scanDiagnostics + records.flatMap(\.diagnostics) + plan.diagnostics
        diagnostics.sort { ($0.path, $0.id, $0.message) < ($1.path, $1.id, $1.message) }
        return RunReport(tool: "photocat \(PhotocatVersion.current)", card: configuration.card.lastPathComponent,
                         counts: counts, thumbnailSizes: configuration.thumbnails.sizes.sorted(), diagnostics: diagnostics)
    }
}
