import Foundation
import PhotoModel

/// The derive stage: from what was read and what the manifest says to the batch.
/// Pure: no disk, no clock; the same records and manifest give the same batch.
public enum BatchPlanner {
    public struct Plan: Sendable {
        public var entries: [BatchEntry]
        public var diagnostics: [Diagnostic]
    }

    /// `previousNames` maps a card-relative path or a SHA-1 to the Commons name the photo had in
    /// the last batch of this output folder: names already given are kept, so adding photos
    /// renames none, an edited photo keeps its name (by path) and a moved one too (by SHA-1).
    /// `reservedNames` are never given to a photo (names of photos since removed from the
    /// card, which may already be on Commons). `knownSHA1` holds the hashes of files already on
    /// Commons (`--known-sha1`). With a `shard`, names carry "(part K of N)" so the batches of
    /// the shards never clash.
    public static func plan(
        records: [PhotoRecord], manifest: Manifest, previousNames: PreviousNames = PreviousNames(),
        reservedNames: Set<String> = [], knownSHA1: Set<String> = [], shard: Shard? = nil,
        otherPhotos: [String] = []
    ) -> Plan {
        let (manifest, syncs) = resolvingClockSyncs(manifest, records: records)
        let tagger = Tagger(manifest: manifest)
        let records = records.sorted { $0.key < $1.key }
        var entries: [BatchEntry] = []
        var taggings: [Tagging?] = []
        var firstBySHA1: [String: String] = [:]
        for record in records {
            let tagging = record.failure == nil ? tagger.tag(relativePath: record.relativePath, metadata: record.metadata) : nil
            let firstCopy = record.sha1.flatMap { firstBySHA1[$0] }
            entries.append(entry(for: record, tagging: tagging, event: manifest.event, knownSHA1: knownSHA1, firstCopy: firstCopy))
            taggings.append(tagging)
            if let sha1 = record.sha1, record.failure == nil, firstBySHA1[sha1] == nil { firstBySHA1[sha1] = record.relativePath }
        }
        Culling.apply(to: &entries, records: records, taggings: taggings)
        let naming = assignNames(
            &entries, taggings: taggings, event: manifest.event, previous: previousNames,
            reserved: reservedNames, part: shard.map { "(part \($0.index) of \($0.count))" })
        for index in entries.indices where entries[index].status == .ready {
            guard let tagging = taggings[index] else { continue }
            let record = records[index]
            let page = pageContent(record: record, tagging: tagging, event: manifest.event)
            entries[index].wikitext = FilePage.render(page, template: manifest.event.pageTemplate)
            entries[index].sdc = StructuredData.make(page: page, people: tagging.people, eventItem: manifest.event.wikidata)
        }
        let overlaps = zip(records, taggings).compactMap { record, tagging -> Diagnostic? in
            guard let claims = tagging?.sceneClaims, claims.count > 1 else { return nil }
            return Diagnostic(
                .note, .manifestSceneOverlap, path: record.relativePath,
                "claimed by scenes \(claims.joined(separator: ", ")); `\(claims[0])` is the most specific")
        }
        return Plan(
            entries: entries,
            diagnostics: syncs + naming + overlaps + geotagNotes(manifest: manifest, records: records, taggings: taggings)
                + unmatchedReferences(manifest: manifest, paths: records.map(\.relativePath) + otherPhotos))
    }

    /// One photo's batch line before naming: its tags, and its status with the reasons.
    /// Precedence: failed, then already on Commons, then a second copy, then excluded.
    static func entry(for record: PhotoRecord, tagging: Tagging?, event: Manifest.Event, knownSHA1: Set<String>, firstCopy: String?) -> BatchEntry {
        var entry = BatchEntry(
            key: record.key, sha1: record.sha1, status: .ready,
            thumbnails: record.thumbnails.map(\.path), width: record.frame?.width, height: record.frame?.height)
        guard let tagging, record.failure == nil else {
            entry.status = .failed
            entry.reasons = record.failure.map { [$0] } ?? []
            return entry
        }
        entry.reasons = record.warnings
        // A photo without a usable time is dated honestly: its scene's or the event's day, at
        // day precision, and `time_source` says which.
        entry.captured = tagging.localTime?.description ?? tagging.inferredDay?.day
        entry.capturedUTC = tagging.capture?.utcString
        entry.timeSource = tagging.capture?.summary ?? tagging.inferredDay?.source
        let withheld = event.withholdLocation || tagging.privacyZone != nil
        entry.location = withheld ? nil : tagging.location
        entry.locationSource = withheld ? nil : tagging.locationSource
        entry.locationWithheld = tagging.privacyZone.map { "in the privacy zone `\($0)`" }
        entry.scene = tagging.scene?.id
        entry.people = tagging.people.map(\.id)
        if let sha1 = record.sha1, knownSHA1.contains(sha1) {
            entry.status = .duplicate
            entry.reasons = ["already on Commons (its SHA-1 is in the --known-sha1 list)"]
        } else if let firstCopy {
            entry.status = .duplicate
            entry.duplicateOf = firstCopy
            entry.reasons = ["the same bytes as \(firstCopy)"]
        } else if !tagging.exclusions.isEmpty {
            entry.status = .excluded
            entry.reasons = tagging.exclusions + entry.reasons
        } else if entry.captured == nil {
            entry.status = .excluded
            entry.reasons = ["no capture date: the photo records no time and the manifest gives no date"] + entry.reasons
        }
        return entry
    }

    /// Cameras synchronised by a photo of a clock get the correction that photo implies:
    /// the time it shows minus the time the camera recorded.
    static func resolvingClockSyncs(_ manifest: Manifest, records: [PhotoRecord]) -> (Manifest, [Diagnostic]) {
        var manifest = manifest
        var diagnostics: [Diagnostic] = []
        for index in manifest.cameras.indices {
            guard let sync = manifest.cameras[index].sync else { continue }
            let camera = manifest.cameras[index]
            let photo = records.first {
                PhotoPattern.exact(sync.photo).matches($0.relativePath) && camera.matches(relativePath: $0.relativePath, metadata: $0.metadata)
            }
            guard let photo, let recorded = photo.metadata.flatMap({ CaptureTime.resolve($0)?.cameraLocal }) else {
                diagnostics.append(
                    Diagnostic(
                        .error, .manifestSyncPhoto, path: "manifest",
                        "camera `\(camera.id)`: the sync photo \(sync.photo) is not on the card or has no capture time; its clock is left uncorrected"
                    ))
                continue
            }
            manifest.cameras[index].clock.correction = sync.shows.secondsAsUTC - recorded.secondsAsUTC
            diagnostics.append(
                Diagnostic(
                    .note, .manifestSync, path: photo.relativePath,
                    "camera `\(camera.id)`: clock corrected by \(manifest.cameras[index].clock.correction) s from this photo of a clock"))
        }
        return (manifest, diagnostics)
    }

    /// Names are `<event> <date> <scene or title> <NN>.jpg`, numbered by capture time within
    /// each prefix, so the same card and manifest always give the same names. A photo that had a
    /// name with the same prefix in the previous batch keeps it; new photos take the numbers
    /// after the highest one in use.
    /// Returns a diagnostic for each name Commons would refuse (that photo then fails).
    static func assignNames(
        _ entries: inout [BatchEntry], taggings: [Tagging?], event: Manifest.Event,
        previous: PreviousNames = PreviousNames(), reserved: Set<String> = [], part: String? = nil
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var groups: [String: [Int]] = [:]
        var prefixOrder: [String] = []
        for index in entries.indices where entries[index].status == .ready {
            guard let tagging = taggings[index] else { continue }
            let fragment = tagging.override?.title ?? tagging.scene?.name
            let prefix = CommonsName.normalized([event.name, tagging.localTime?.dateString, fragment, part].compactMap { $0 }.joined(separator: " "))
            if groups[prefix] == nil { prefixOrder.append(prefix) }
            groups[prefix, default: []].append(index)
        }
        var taken = Set(reserved.map { $0.lowercased() })
        for prefix in prefixOrder {
            let members = groups[prefix]!.sorted { a, b in
                let ta = taggings[a]?.localTime, tb = taggings[b]?.localTime
                if ta != tb { return (ta.map { [0] + $0.key } ?? [1]).lexicographicallyPrecedes(tb.map { [0] + $0.key } ?? [1]) }
                return entries[a].key < entries[b].key
            }
            var counter = 0
            var unnamed: [Int] = []
            for index in members {
                if let name = previous.byPath[entries[index].key] ?? entries[index].sha1.flatMap({ previous.bySHA1[$0] }),
                    let number = Self.counter(of: name, prefix: prefix),
                    !taken.contains(name.lowercased())
                {
                    entries[index].filename = name
                    taken.insert(name.lowercased())
                    counter = max(counter, number)
                } else {
                    unnamed.append(index)
                }
            }
            let digits = max(2, String(members.count).count)
            for index in unnamed {
                var name: String
                repeat {
                    counter += 1
                    name = CommonsName.make(descriptive: prefix, counter: String(format: "%0\(digits)d", counter))
                } while taken.contains(name.lowercased())
                taken.insert(name.lowercased())
                if let problem = CommonsName.problem(with: name) {
                    let reason = "planned name \"\(name)\" \(problem); change event.name or the title in the manifest"
                    entries[index].status = .failed
                    entries[index].reasons.append(reason)
                    diagnostics.append(Diagnostic(.error, .commonsName, path: entries[index].source, reason))
                } else {
                    entries[index].filename = name
                }
            }
        }
        return diagnostics
    }

    /// The counter of `name` when it is a name this prefix would give, else nil.
    static func counter(of name: String, prefix: String) -> Int? {
        let base = (name as NSString).deletingPathExtension
        guard let space = base.lastIndex(of: " "), let number = Int(base[base.index(after: space)...]),
            CommonsName.make(descriptive: prefix, counter: String(base[base.index(after: space)...])) == name
        else { return nil }
        return number
    }

    static func pageContent(record: PhotoRecord, tagging: Tagging, event: Manifest.Event) -> FilePageContent {
        let names = tagging.named.map(\.name)
        // The photographer's own EXIF description (never a camera's placeholder) is taken to be in
        // the first language; it is used as text, not as a template.
        let own = record.metadata?.meaningfulDescription
        let descriptions: [(language: String, text: String)] = event.languages.enumerated().compactMap { index, language in
            if tagging.override?.description[language] == nil, index == 0, let own { return (language, own) }
            let template =
                tagging.override?.description[language] ?? tagging.scene?.description[language]
                ?? event.description[language] ?? event.title[language]
            guard let template else { return nil }
            return (language, DescriptionTemplate.fill(template, language: language, event: event, names: names, date: tagging.localTime?.dateString))
        }
        let consent: String? = tagging.people.isEmpty ? nil : tagging.people.allSatisfy { $0.consent == .full } ? "full" : "basic"
        var page = FilePageContent(
            descriptions: descriptions, date: tagging.localTime?.description ?? tagging.inferredDay?.day,
            dateIsApproximate: tagging.localTime == nil, author: tagging.camera?.photographer ?? event.author,
            location: tagging.location, withholdLocation: event.withholdLocation || tagging.privacyZone != nil, license: event.license,
            consent: consent, personalityRights: !tagging.people.isEmpty, categories: tagging.categories)
        if tagging.locationSource == .event, let place = event.place {
            page.locationDecimals = FilePage.decimals(forMetres: place.precision)
        }
        return page
    }

    /// What the track logs held, and each photo they could not place (a camera clock that is
    /// off by hours shows here first).
    static func geotagNotes(manifest: Manifest, records: [PhotoRecord], taggings: [Tagging?]) -> [Diagnostic] {
        let logs = manifest.trackNotes.map { Diagnostic(.note, .geotagTrack, path: "manifest", $0) }
        let misses = zip(records, taggings).compactMap { record, tagging -> Diagnostic? in
            guard let miss = tagging?.trackMiss else { return nil }
            let fallback = tagging?.locationSource == .event ? "; placed at the event's place" : ""
            return Diagnostic(.note, .geotagNoFix, path: record.relativePath, miss + fallback)
        }
        return logs + misses
    }

    /// A `photos:` entry that matches no photo is usually a typo in a file name, and for a person
    /// who did not consent (or consented to group photos only) it lets their photos through: an
    /// error there, a warning elsewhere, each at its place in the manifest and with the card's
    /// nearest name. `paths` are all the photos on the card, including those outside this batch
    /// (other shards, still copying).
    static func unmatchedReferences(manifest: Manifest, paths: [String]) -> [Diagnostic] {
        let names = paths.map { ($0 as NSString).lastPathComponent }
        let stems = names.map { ($0 as NSString).deletingPathExtension }
        return manifest.photoReferences.filter { reference in !paths.contains { reference.pattern.matches($0) } }.map { reference in
            var message = "\(reference.ownerDescription): `\(reference.pattern)` matches no photo on the card"
            if case .exact(let text) = reference.pattern,
                let nearest = Suggestion.closest(to: (text as NSString).deletingPathExtension, in: Array(Set(stems)).sorted())
            {
                message += "; did you mean \(nearest)?"
            }
            if reference.guardsConsent { message += " Their photos may go out unexcluded." }
            return Diagnostic(
                reference.guardsConsent ? .error : .warning, .manifestUnknownPhoto, path: "\(reference.file):\(reference.line):\(reference.column)",
                message)
        }
    }
}
