import Foundation

/// What a run produced, for the command line to print and map to an exit code.
public struct RunResult: Sendable {
    public var report: RunReport
    public var entries: [BatchEntry]
    /// Every file of the output folder this run wrote, left as it was, or removed.
    public var written: AtomicFile.Counts
    /// Read-stage time per stage, summed over photos.
    public var times: StageTimes
}

/// scan → read (parallel, bounded) → derive (pure) → write.
public struct Pipeline: Sendable {
    public var configuration: RunConfiguration

    public init(configuration: RunConfiguration) {
        self.configuration = configuration
    }

    /// `progress` is called once per photo read, with (done, total, card-relative path).
    public func run(progress: @escaping @Sendable (Int, Int, String) -> Void = { _, _, _ in }) async throws -> RunResult {
        let config = configuration
        try checkOutputIsOutsideCard()
        try createOutputFolder()
        // Creating the lock file also proves the folder writable, before any work.
        let lock = try OutputLock(folder: config.output)
        defer { withExtendedLifetime(lock) {} }
        let scan = try CardScanner(root: config.card).scan()
        let reader = PhotoReader(thumbnails: config.thumbnails, thumbnailStore: ThumbnailStore(root: config.output))
        let records = await Self.readAll(scan.files, reader: reader, jobs: config.jobs, progress: progress)
        let writer = OutputWriter(root: config.output)
        let plan = BatchPlanner.plan(records: records, manifest: config.manifest, previousNames: writer.previousNames(),
                                     knownSHA1: config.knownSHA1)
        let report = makeReport(scan: scan, records: records, plan: plan)
        let written: AtomicFile.Counts
        do {
            written = try writer.write(entries: plan.entries, report: report, card: config.card, manifest: config.manifest)
        } catch {
            throw PhotoCatalogError.cannotWrite(config.output.path, error.reason)
        }
        let thumbnails = records.map(\.thumbnailWrites).reduce(AtomicFile.Counts(), +)
        return RunResult(report: report, entries: plan.entries, written: written + thumbnails,
                         times: records.map(\.times).reduce(StageTimes(), +))
    }

    /// Reads photos in a task group that never holds more than `jobs` photos at once, so memory
    /// follows the number of workers, not the size of the card.
    static func readAll(_ files: [CardFile], reader: PhotoReader, jobs: Int,
                        progress: @escaping @Sendable (Int, Int, String) -> Void = { _, _, _ in }) async -> [PhotoRecord] {
        await withTaskGroup(of: PhotoRecord.self) { group in
            var records: [PhotoRecord] = []
            records.reserveCapacity(files.count)
            var next = 0
            func startNext() {
                guard next < files.count else { return }
                let file = files[next]
                next += 1
                group.addTask { reader.read(file) }
            }
            for _ in 0..<min(jobs, files.count) { startNext() }
            while let record = await group.next() {
                records.append(record)
                progress(records.count, files.count, record.relativePath)
                startNext()
            }
            return records
        }
    }

    /// Scans a card and reads every photo's metadata, without decoding pixels or writing
    /// anything: what `validate --card` and `init` need.
    public static func readMetadata(card: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) async throws -> (scan: ScanResult, records: [PhotoRecord]) {
        let scan = try CardScanner(root: card).scan()
        let reader = PhotoReader(thumbnails: ThumbnailOptions(sizes: []), thumbnailStore: nil)
        return (scan, await readAll(scan.files, reader: reader, jobs: max(1, jobs)))
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

    private func makeReport(scan: ScanResult, records: [PhotoRecord], plan: BatchPlanner.Plan) -> RunReport {
        var counts = RunReport.Counts()
        counts.photos = plan.entries.count
        for entry in plan.entries {
            switch entry.status {
            case .ready: counts.ready += 1
            case .excluded: counts.excluded += 1
            case .duplicate: counts.duplicate += 1
            case .failed: counts.failed += 1
            }
        }
        counts.skippedFiles = scan.diagnostics.filter { $0.id.hasPrefix("scan.") }.count
        var diagnostics = scan.diagnostics + records.flatMap(\.diagnostics) + plan.diagnostics
        diagnostics.sort { ($0.path, $0.id, $0.message) < ($1.path, $1.id, $1.message) }
        return RunReport(tool: "photocat \(PhotoCatalog.version)", card: configuration.card.lastPathComponent,
                         counts: counts, thumbnailSizes: configuration.thumbnails.sizes.sorted(), diagnostics: diagnostics)
    }
}
