import Foundation
import PhotoModel
import PhotoPlan
import PhotoStore

/// `photocat upload`: the ready photos of an output folder's batch, as its catalogue holds it,
/// to a wiki, one at a time.
/// Before each: its bytes and its name are looked up, so nothing is uploaded twice and no one's
/// file is overwritten. Each outcome is committed to the catalogue at once.
public struct Uploader: Sendable {
    public struct Options: Sendable {
        public var endpoint: URL
        public var user: String?
        public var password: String?
        public var dryRun = false
        public var limit: Int?
        /// Only photos whose card path or planned name matches.
        public var only: PhotoPattern?
        public var delay: Duration = .seconds(5)
        public var comment: String?
        /// Files above this size go up in chunks of this size.
        public var chunkSize = 8 << 20
        /// Tries per request before a network error stops the run.
        public var attempts = 5

        public init(endpoint: URL) {
            self.endpoint = endpoint
        }
    }

    /// One photo's line of the upload report.
    public struct Step: Sendable, Equatable {
        public var path: String
        public var filename: String
        /// What happened, or with `--dry-run` what would.
        public var outcome: UploadRow.Outcome
        public var detail: String
        /// Done in an earlier run: nothing asked of the wiki this time.
        public var earlier: Bool
    }

    public var output: URL
    /// The card the batch was made from; nil: the card of the folder's last run.
    public var card: URL?
    public var options: Options

    public init(output: URL, card: URL?, options: Options) {
        self.output = output
        self.card = card
        self.options = options
    }

    /// Said once per run, not per photo (a wiki without structured data, say).
    public struct Notice: Sendable, Equatable {
        public var text: String
    }

    public func run(
        stop: StopRequest = StopRequest(), notice: @escaping @Sendable (Notice) -> Void = { _ in },
        progress: @escaping @Sendable (Step) -> Void = { _ in }
    ) async throws -> [Step] {
        guard FileManager.default.fileExists(atPath: output.appendingPathComponent(Catalog.fileName).path) else {
            throw PhotoCatalogError.wiki(output.path, "no batch here; run `photocat run` first")
        }
        let lock = try OutputLock(folder: output)
        defer { withExtendedLifetime(lock) {} }
        let catalog = try Catalog(folder: output)
        guard let last = try catalog.lastBatch() else {
            throw PhotoCatalogError.wiki(output.path, "no run has finished a batch here; run `photocat run` first")
        }
        if let newest = try catalog.runs(limit: 1).first, newest.id != last.id {
            // A refused or broken-off run leaves the batch before it in place: say which one goes up.
            let why = newest.message ?? "it did not finish"
            notice(
                Notice(
                    text:
                        "the last run (#\(newest.id ?? 0), \(newest.started)) made no batch: \(why). This uploads the batch of run #\(last.id ?? 0) (\(last.started))"
                ))
        }
        let card = card ?? URL(fileURLWithPath: last.card)
        let entries = try Self.readyEntries(in: catalog).filter { options.only?.matches($0.source) ?? true }
        let (api, site, token) = try await connect(notice: notice)
        let done = try catalog.uploads(wiki: options.endpoint.absoluteString)
        var steps: [Step] = []
        var uploads = 0
        for entry in entries {
            if stop.requested != nil { break }
            guard let sha1 = entry.sha1, let filename = entry.filename, let text = entry.wikitext else { continue }
            if let row = done[entry.key], row.sha1 == sha1, row.filename == filename {
                let step = Step(path: entry.source, filename: filename, outcome: row.outcome, detail: row.detail ?? row.wikiName ?? "", earlier: true)
                steps.append(step)
                progress(step)
                continue
            }
            if let limit = options.limit, uploads >= limit { break }
            if uploads > 0, !options.dryRun { try await Task.sleep(for: options.delay) }
            let row = try await upload(entry, card: card, sha1: sha1, filename: filename, text: text, api: api, token: token, site: site)
            if !options.dryRun { try catalog.save(row) }
            if row.outcome == .uploaded { uploads += 1 }
            let step = Step(path: row.path, filename: filename, outcome: row.outcome, detail: row.detail ?? "", earlier: false)
            steps.append(step)
            progress(step)
        }
        if let signal = stop.requested { throw PhotoCatalogError.interrupted(signal) }
        return steps
    }

    /// The wiki's answer to a first question, then the login: both before any photo, so a wrong
    /// address or password is said at once. A dry run does not log in.
    private func connect(notice: @Sendable (Notice) -> Void) async throws -> (WikiAPI, WikiAPI.SiteInfo, token: String) {
        let api = WikiAPI(endpoint: options.endpoint, contact: options.user.map { "User:\($0.split(separator: "@").first ?? "")" } ?? "unknown")
        api.attempts = options.attempts
        do {
            let site = try await api.siteInfo()
            if !site.hasMediaInfo {
                notice(Notice(text: "\(site.name) has no WikibaseMediaInfo: the batch's structured data (captions, depicts, …) is not written there"))
            }
            guard !options.dryRun else { return (api, site, "") }
            guard let user = options.user, let password = options.password else {
                throw WikiAPI.Failure(code: "login", info: "uploading needs --user and a password (--password-file or PHOTOCAT_WIKI_PASSWORD)")
            }
            try await api.login(user: user, password: password)
            return (api, site, try await api.csrfToken())
        } catch {
            throw PhotoCatalogError.wiki(options.endpoint.absoluteString, "\(error)")
        }
    }

    /// One photo: look it up, then upload it unless the lookups say not to.
    private func upload(
        _ entry: BatchEntry, card: URL, sha1: String, filename: String, text: String,
        api: WikiAPI, token: String, site: WikiAPI.SiteInfo
    ) async throws -> UploadRow {
        var row = UploadRow(
            wiki: options.endpoint.absoluteString, key: entry.key, sha1: sha1, filename: filename,
            outcome: .uploaded, at: RunRow.timestamp(Date()))
        do {
            let data = try FileSystemPath(bytes: Array(card.path.utf8) + [UInt8(ascii: "/")] + entry.key.bytes).read()
            guard Fingerprint.sha1(data) == sha1 else {
                return with(row, .review, detail: "the file on the card changed since the batch was made; run `photocat run` again")
            }
            let existing = try await api.files(withSHA1: sha1)
            if let first = existing.first {
                // A run killed after the wiki took the file but before it was recorded finds it here.
                let ours = existing.first { Self.sameTitle($0, filename) }
                row.wikiName = ours ?? first
                row.pageID = ours == nil ? nil : try await api.filePageID(filename)
                return ours != nil
                    ? with(row, .uploaded, detail: "found on the wiki (uploaded earlier)")
                    : with(row, .duplicate, detail: "the wiki has these bytes as File:\(first)")
            }
            if try await api.filePageID(filename) != nil {
                return with(row, .nameTaken, detail: "File:\(filename) exists with other content; not overwritten")
            }
            if options.dryRun { return with(row, .uploaded, detail: "\(data.count) bytes\(data.count > options.chunkSize ? ", in chunks" : "")") }
            let comment = options.comment ?? "Uploaded with photocat \(PhotocatVersion.current)"
            let answer = try await api.upload(data, filename: filename, text: text, comment: comment, token: token, chunkSize: options.chunkSize)
            return try await settle(answer, row: row, text: text, comment: comment, api: api, token: token, site: site, sdc: entry.sdc)
        } catch let failure as WikiAPI.Failure where Self.stopsTheRun(failure) {
            throw PhotoCatalogError.wiki(options.endpoint.absoluteString, failure.description)
        } catch let failure as WikiAPI.Failure {
            return with(row, .refused, detail: failure.description)
        } catch {
            return with(row, .review, detail: "cannot read the photo: \(error.reason)")
        }
    }

    /// The warning policy: each code has its answer, and only then is anything published.
    private func settle(
        _ answer: WikiAPI.UploadAnswer, row: UploadRow, text: String, comment: String,
        api: WikiAPI, token: String, site: WikiAPI.SiteInfo, sdc: StructuredData?
    ) async throws -> UploadRow {
        var row = row
        switch answer {
        case .success(let name):
            row.wikiName = name
            row.pageID = try await api.filePageID(name)
            try await addStructuredData(sdc, pageID: row.pageID, api: api, token: token, site: site)
            return with(row, .uploaded, detail: row.pageID.map { "page id \($0)" } ?? "")
        case .warning(let warnings, let filekey):
            let words = warnings.sorted { $0.key < $1.key }.map { "\($0.key)\($0.value.isEmpty ? "" : ": \($0.value)")" }.joined(separator: "; ")
            if let names = warnings["duplicate"] {
                row.wikiName = names.components(separatedBy: ", ").first
                return with(row, .duplicate, detail: "the wiki has these bytes as File:\(names)")
            }
            if warnings["exists"] != nil || warnings["nochange"] != nil || warnings["page-exists"] != nil {
                return with(row, .nameTaken, detail: words)
            }
            if let corrected = warnings["badfilename"], !corrected.isEmpty, let filekey, warnings.count == 1 {
                // The wiki says which name it would take: publish under that one.
                let published = try await api.publish(
                    filekey: filekey, filename: corrected, text: text, comment: comment,
                    token: token, ignoringWarnings: true)
                return try await settle(published, row: row, text: text, comment: comment, api: api, token: token, site: site, sdc: sdc)
            }
            // duplicate-archive, was-deleted and anything else: a person decides.
            return with(row, .review, detail: words)
        }
    }

    private func addStructuredData(_ sdc: StructuredData?, pageID: Int?, api: WikiAPI, token: String, site: WikiAPI.SiteInfo) async throws {
        guard site.hasMediaInfo, let sdc, let pageID else { return }
        let json = String(decoding: try StableJSON.encoder().encode(sdc), as: UTF8.self)
        try await api.editEntity(id: "M\(pageID)", data: json, token: token)
    }

    private func with(_ row: UploadRow, _ outcome: UploadRow.Outcome, detail: String) -> UploadRow {
        var row = row
        row.outcome = outcome
        row.detail = detail
        return row
    }

    /// Errors of the connection, the session or the account, not of the photo: recording them as
    /// a refusal would keep a good photo out of every later run.
    static func stopsTheRun(_ failure: WikiAPI.Failure) -> Bool {
        [
            "http", "not-api", "login", "badtoken", "mustbeloggedin", "maxlag", "ratelimited", "readonly",
            "permissiondenied", "assertuserfailed", "assertbotfailed",
        ].contains(failure.code)
            || failure.code.hasPrefix("internal_api_error")
    }

    /// Wiki names use `_` for spaces and an upper-case first letter.
    static func sameTitle(_ a: String, _ b: String) -> Bool {
        CommonsName.normalized(a.replacingOccurrences(of: "_", with: " ")) == CommonsName.normalized(b.replacingOccurrences(of: "_", with: " "))
    }

    /// The batch's ready photos, in batch order (by path), from the catalogue.
    static func readyEntries(in catalog: Catalog) throws -> [BatchEntry] {
        try catalog.photos().values.filter { $0.state == .present }.sorted { $0.key < $1.key }
            .compactMap(\.entry).filter { $0.status == .ready }
    }
}
