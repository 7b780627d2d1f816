import Foundation
import Yams
import PhotoModel

/// The version 1 schema: which keys exist where, and how each value is checked.
extension NodeReader {
    mutating func manifest(_ root: Node) -> Manifest? {
        guard
            let top = fields(
                root, "the manifest",
                allowed: ["version", "event", "cameras", "scenes", "people", "photos", "include", "tracks", "geotag", "privacy_zones"])
        else { return nil }
        if let version = required(top, "version", in: "the manifest", at: root), version.string != "1" {
            fail(version, "unsupported manifest version `\(version.string ?? "")`; this photocat reads version 1")
        }
        // People first: descriptions everywhere are checked against those who must not be named.
        let people = list(top["people"]?.value, "people") { reader, node in reader.person(node) }
        unnameable = people.filter { $0.consent == .none && $0.name.count >= 3 }.map { ($0.id, $0.name) }
        guard let eventNode = required(top, "event", in: "the manifest", at: root), let event = event(eventNode) else { return nil }
        let cameras = list(top["cameras"]?.value, "cameras") { reader, node in reader.camera(node) }
        checkUnique(cameras.map(\.id), top["cameras"]?.value, "camera id")
        let personIDs = Set(people.map(\.id))
        let scenes = list(top["scenes"]?.value, "scenes") { reader, node in reader.scene(node, event: event, people: personIDs) }
        checkUnique(people.map(\.id), top["people"]?.value, "person id")
        checkUnique(scenes.map(\.id), top["scenes"]?.value, "scene id")
        checkRangeOverlaps(scenes, at: top["scenes"]?.value)
        var photos = photoOverrides(top["photos"]?.value, event: event, people: personIDs, scenes: Set(scenes.map(\.id)))
        readIncludes(top["include"]?.value, event: event, people: personIDs, scenes: Set(scenes.map(\.id)), into: &photos)
        var manifest = Manifest(event: event, cameras: cameras, scenes: scenes, people: people, photos: photos)
        manifest.photoReferences = references
        readTracks(top["tracks"]?.value, into: &manifest)
        if let node = top["geotag"]?.value { manifest.geotag = geotag(node) }
        manifest.privacyZones = list(top["privacy_zones"]?.value, "privacy_zones") { reader, node in reader.privacyZone(node) }
        return manifest
    }

    mutating func list<T>(_ node: Node?, _ what: String, _ item: (inout NodeReader, Node) -> T?) -> [T] {
        guard let node, !Self.isNull(node) else { return [] }
        guard case .sequence(let sequence) = node else {
            fail(node, "`\(what)` must be a list")
            return []
        }
        return sequence.compactMap { item(&self, $0) }
    }

    private mutating func checkUnique(_ ids: [String], _ node: Node?, _ what: String) {
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted {
            fail(node, "\(what) `\(id)` is used twice")
        }
    }

    private mutating func event(_ node: Node) -> Manifest.Event? {
        guard
            let f = fields(
                node, "event",
                allowed: [
                    "title", "name", "date", "timezone", "place", "author", "license",
                    "languages", "categories", "description", "withhold_location", "wikidata",
                    "template",
                ])
        else { return nil }
        let languages = f["languages"].map { strings($0.value, "event.languages") } ?? ["en"]
        for language in languages where !Self.isLanguageCode(language) {
            fail(f["languages"]?.value, "`\(language)` in event.languages is not a language code such as en or az")
        }
        let title = localized(required(f, "title", in: "event", at: node), "event.title", languages: languages)
        let name = string(f["name"]?.value, "event.name") ?? title[languages.first ?? "en"] ?? title.values.sorted().first ?? ""
        // One day, or a list of days for a longer event; bare scene times refer to the first.
        let dates = entries(f["date"]?.value, "event.date").compactMap { text, item -> String? in
            if text.count == 10, LocalDateTime.normalizedDate(text.replacingOccurrences(of: "-", with: ":") + " 00:00:00") != nil { return text }
            fail(item, "event.date `\(text)` is not a date in the form YYYY-MM-DD")
            eventDateInvalid = true
            return nil
        }
        let wikidata = string(f["wikidata"]?.value, "event.wikidata")
        if let wikidata, wikidata.wholeMatch(of: /Q[1-9][0-9]*/) == nil {
            fail(f["wikidata"]?.value, "event.wikidata must be an item id such as Q42")
        }
        let zone = string(required(f, "timezone", in: "event", at: node), "event.timezone") ?? "UTC"
        if TimeZone(identifier: zone) == nil {
            fail(f["timezone"]?.value, "event.timezone `\(zone)` is not an IANA time zone such as Asia/Baku")
        }
        let license = string(f["license"]?.value, "event.license") ?? "cc-by-sa-4.0"
        if !Manifest.licenses.contains(license) {
            let hint = Suggestion.closest(to: license, in: Manifest.licenses).map { " (did you mean `\($0)`?)" } ?? ""
            fail(f["license"]?.value, "unknown licence `\(license)`\(hint); known: \(Manifest.licenses.joined(separator: ", "))")
        }
        var author: Manifest.Author?
        if let authorNode = required(f, "author", in: "event", at: node) { author = self.author(authorNode) }
        let placeNode = f["place"]?.value
        let template = f["template"].flatMap { pageTemplate($0.value) }
        return Manifest.Event(
            title: title, name: name, dates: dates, wikidata: wikidata, timeZone: zone,
            place: placeNode.flatMap { place($0) },
            author: author ?? Manifest.Author(user: nil, name: ""),
            license: license, languages: languages,
            categories: categories(f["categories"]?.value, "event.categories"),
            description: localized(f["description"]?.value, "event.description", languages: languages),
            withholdLocation: bool(f["withhold_location"]?.value, "event.withhold_location") ?? false,
            pageTemplate: template)
    }

    /// A Mustache file, relative to the manifest, checked now so a typo fails before any work.
    private mutating func pageTemplate(_ node: Node) -> PageTemplate? {
        guard let path = string(node, "event.template") else { return nil }
        let url = resolved(path)
        guard let text = readData(url).flatMap({ String(data: $0, encoding: .utf8) }) else {
            fail(node, "event.template: cannot read \(url.path)")
            return nil
        }
        do {
            return try PageTemplate(text: text)
        } catch {
            fail(node, "event.template \(path) is not a valid Mustache template: \(error)")
            return nil
        }
    }

    private mutating func place(_ node: Node) -> Manifest.Place? {
        guard let f = fields(node, "event.place", allowed: ["name", "country", "latitude", "longitude", "precision", "on_pages"]) else {
            return nil
        }
        let latitude = number(f["latitude"]?.value, "event.place.latitude", range: -90...90)
        let longitude = number(f["longitude"]?.value, "event.place.longitude", range: -180...180)
        if (latitude == nil) != (longitude == nil), f["latitude"] == nil || f["longitude"] == nil {
            fail(node, "event.place needs both latitude and longitude, or neither")
        }
        var place = Manifest.Place(
            name: string(required(f, "name", in: "event.place", at: node), "event.place.name") ?? "",
            country: string(f["country"]?.value, "event.place.country"),
            latitude: latitude, longitude: longitude)
        if let precision = number(f["precision"]?.value, "event.place.precision (metres)", range: 1...100_000) { place.precision = precision }
        if let onPages = bool(f["on_pages"]?.value, "event.place.on_pages") { place.onPages = onPages }
        return place
    }

    private mutating func author(_ node: Node, _ what: String = "event.author") -> Manifest.Author? {
        guard let f = fields(node, what, allowed: ["user", "name"]) else { return nil }
        let user = string(f["user"]?.value, "\(what).user")
        if let user, !CommonsName.isValidUserName(user) {
            fail(f["user"]?.value, "\(what).user `\(user)` is not a valid Commons user name (no # < > [ ] | { } / : and no `User:` prefix)")
        }
        guard let name = string(f["name"]?.value, "\(what).name") ?? user else {
            // Given but not usable (a placeholder, say) has been reported already.
            if f["user"] == nil, f["name"] == nil { fail(node, "\(what) needs `user` (Commons user name) or `name`") }
            return nil
        }
        return Manifest.Author(user: user, name: name)
    }

    mutating func categories(_ node: Node?, _ what: String) -> [String] {
        strings(node, what).filter { category in
            let cleaned = category.hasPrefix("Category:") ? String(category.dropFirst(9)) : category
            if CommonsName.isValidCategory(cleaned) { return true }
            fail(node, "`\(category)` in \(what) is not a valid category name (no # < > [ ] | { } or line breaks)")
            return false
        }.map { $0.hasPrefix("Category:") ? String($0.dropFirst(9)) : $0 }
    }

    private mutating func camera(_ node: Node) -> Manifest.Camera? {
        guard
            let f = fields(
                node, "a camera", allowed: ["id", "make", "model", "serial", "folder", "offset", "sync", "zone", "photographer", "prefer_track"])
        else {
            return nil
        }
        let id = string(f["id"]?.value, "camera id") ?? string(f["model"]?.value, "camera model") ?? "camera"
        let camera = Manifest.Camera(
            id: id, make: string(f["make"]?.value, "make of camera `\(id)`"), model: string(f["model"]?.value, "model of camera `\(id)`"),
            serial: string(f["serial"]?.value, "serial of camera `\(id)`"),
            folder: string(f["folder"]?.value, "folder of camera `\(id)`").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "/")) },
            clock: CameraClock())
        if camera.make == nil, camera.model == nil, camera.serial == nil, camera.folder == nil {
            fail(node, "camera `\(id)` needs at least one of make, model, serial or folder to match its photos")
        }
        var clock = CameraClock()
        if let entry = f["offset"], let text = string(entry.value, "offset of camera `\(id)`") {
            if let seconds = Self.clockOffset(text) {
                clock.correction = seconds
            } else {
                fail(entry.value, "offset of camera `\(id)` must look like +01:02:00 or -00:05 (added to the camera's time)")
            }
        }
        if let entry = f["zone"], let zone = string(entry.value, "zone of camera `\(id)`") {
            if TimeZone(identifier: zone) == nil {
                fail(entry.value, "zone of camera `\(id)`: `\(zone)` is not an IANA time zone such as Europe/Berlin")
            } else {
                clock.zone = zone
            }
        }
        var result = camera
        result.clock = clock
        if let entry = f["sync"] {
            if f["offset"] != nil { fail(entry.key, "camera `\(id)` has both `offset` and `sync`; give one") }
            result.sync = sync(entry.value, "sync of camera `\(id)`")
        }
        result.photographer = f["photographer"].flatMap { author($0.value, "photographer of camera `\(id)`") }
        result.preferTrack = bool(f["prefer_track"]?.value, "prefer_track of camera `\(id)`") ?? false
        return result
    }

    /// Photo names, ranges (`IMG_0212..IMG_0218`) and globs (`DSC*.JPG`).
    mutating func patterns(_ node: Node?, _ what: String, owner: PhotoReference.Owner) -> [PhotoPattern] {
        entries(node, what).compactMap { text, item in
            guard let pattern = PhotoPattern.parse(text) else {
                fail(item, "`\(text)` in \(what) is not a photo range such as IMG_0212..IMG_0218 (same prefix, numbers rising)")
                return nil
            }
            reference(pattern, owner: owner, at: item)
            return pattern
        }
    }

    mutating func reference(_ pattern: PhotoPattern, owner: PhotoReference.Owner, at node: Node) {
        let mark = node.mark
        references.append(PhotoReference(pattern: pattern, owner: owner, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1))
    }

    /// Two scenes claiming the same range of photos would leave those photos' scene to chance.
    mutating func checkRangeOverlaps(_ scenes: [Manifest.Scene], at node: Node?) {
        for (i, scene) in scenes.enumerated() {
            for other in scenes[..<i] {
                for a in scene.photos {
                    for b in other.photos where a.overlaps(b) {
                        fail(node, "the photo ranges \(b) (scene `\(other.id)`) and \(a) (scene `\(scene.id)`) overlap")
                    }
                }
            }
        }
    }

    /// `{photo: DSC00050.JPG, shows: "2026-01-15 17:04:10"}`: a photo of a clock and the time on it.
    private mutating func sync(_ node: Node, _ what: String) -> Manifest.ClockSync? {
        guard let f = fields(node, what, allowed: ["photo", "shows"]),
            let photo = string(required(f, "photo", in: what, at: node), "\(what).photo"),
            let shows = string(required(f, "shows", in: what, at: node), "\(what).shows")
        else { return nil }
        guard
            let exif = LocalDateTime.normalizedDate(
                shows.replacingOccurrences(of: "-", with: ":").replacingOccurrences(of: "T", with: " ")
                    + (shows.count == 16 ? ":00" : "")),
            let time = LocalDateTime(exif: exif)
        else {
            fail(f["shows"]?.value, "\(what).shows `\(shows)` is not a time such as 2026-01-15 17:04:10")
            return nil
        }
        return Manifest.ClockSync(photo: photo, shows: time)
    }

    /// `+HH:MM[:SS]` or `-HH:MM[:SS]`, up to a day either way.
    static func clockOffset(_ text: String) -> Int? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let parts = text.dropFirst().split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
        let (h, m, s) = (parts[0]!, parts[1]!, parts.count == 3 ? parts[2]! : 0)
        guard h <= 24, m < 60, s < 60 else { return nil }
        return (h * 3600 + m * 60 + s) * (sign == "-" ? -1 : 1)
    }

    private mutating func person(_ node: Node) -> Manifest.Person? {
        guard let f = fields(node, "a person", allowed: ["id", "name", "user", "wikidata", "consent", "photos"]) else { return nil }
        // An id still a placeholder is reported, and the rest of the entry is checked all the
        // same, so one pass names every placeholder `init` left.
        guard let idNode = required(f, "id", in: "a person", at: node) else { return nil }
        let validID = string(idNode, "person id")
        let id = validID ?? "?"
        let consentText = string(required(f, "consent", in: "person `\(id)`", at: node), "consent of `\(id)`")
        let consent = consentText.flatMap(Manifest.Consent.init(rawValue:))
        if let consentText, consent == nil {
            fail(f["consent"]?.value, "consent of `\(id)` must be full, group or none (not `\(consentText)`)")
        }
        let wikidata = string(f["wikidata"]?.value, "wikidata of `\(id)`")
        if let wikidata, wikidata.wholeMatch(of: /Q[1-9][0-9]*/) == nil {
            fail(f["wikidata"]?.value, "wikidata of `\(id)` must be an item id such as Q42")
        }
        let person = Manifest.Person(
            id: id, name: string(f["name"]?.value, "name of `\(id)`") ?? id,
            user: string(f["user"]?.value, "user of `\(id)`"), wikidata: wikidata,
            consent: consent ?? .none,
            photos: patterns(f["photos"]?.value, "photos of `\(id)`", owner: .person(id: id, consent: consent ?? .none)))
        return validID == nil ? nil : person
    }

    private mutating func scene(_ node: Node, event: Manifest.Event, people: Set<String>) -> Manifest.Scene? {
        guard let f = fields(node, "a scene", allowed: ["id", "name", "from", "to", "photos", "description", "categories", "people", "group"]) else {
            return nil
        }
        guard let idNode = required(f, "id", in: "a scene", at: node) else { return nil }
        let validID = string(idNode, "scene id")
        let id = validID ?? "?"
        var window: TimeWindow?
        if let fromNode = f["from"]?.value, let toNode = f["to"]?.value {
            let from = time(fromNode, "from of scene `\(id)`", event: event)
            var to = time(toNode, "to of scene `\(id)`", event: event)
            if let from, let end = to, end < from, toNode.string?.contains(" ") == false {
                // "23:00" to "01:00": the window runs past midnight into the next day.
                to = LocalDateTime(secondsAsUTC: end.secondsAsUTC + 86_400)
            }
            if let from, let to {
                if to < from { fail(f["to"]?.value, "scene `\(id)` ends (\(to)) before it starts (\(from))") }
                window = TimeWindow(from: from, to: to)
            }
        } else if let half = f["from"] ?? f["to"] {
            fail(half.key, "scene `\(id)` needs both `from` and `to` for its time window")
        }
        let members = references(f["people"]?.value, "people of scene `\(id)`", known: people) {
            "scene `\(id)` names unknown person `\($0)`"
        }
        let scene = Manifest.Scene(
            id: id, name: string(f["name"]?.value, "name of scene `\(id)`") ?? id, window: window,
            photos: patterns(f["photos"]?.value, "photos of scene `\(id)`", owner: .scene(id: id)),
            description: localized(f["description"]?.value, "description of scene `\(id)`", languages: event.languages),
            categories: categories(f["categories"]?.value, "categories of scene `\(id)`"),
            people: members, group: bool(f["group"]?.value, "group of scene `\(id)`") ?? false)
        return validID == nil ? nil : scene
    }

    /// `HH:MM[:SS]` on the event date, or `YYYY-MM-DD HH:MM[:SS]`.
    private mutating func time(_ node: Node, _ what: String, event: Manifest.Event) -> LocalDateTime? {
        guard let text = string(node, what) else { return nil }
        let parts = text.split(separator: " ")
        let datePart = parts.count == 2 ? String(parts[0]) : event.date
        let clock = String(parts.last ?? "").split(separator: ":").map(String.init)
        guard let datePart else {
            // A bad event.date is reported once, where it is, not again at every time it dates.
            if !eventDateInvalid { fail(node, "\(what) `\(text)` has no date and event.date is not set; write YYYY-MM-DD HH:MM") }
            return nil
        }
        let seconds = clock.count == 3 ? clock[2] : "00"
        guard clock.count >= 2, clock.count <= 3, clock.allSatisfy({ $0.count == 2 }),
            let normalized = LocalDateTime.normalizedDate(datePart.replacingOccurrences(of: "-", with: ":") + " \(clock[0]):\(clock[1]):\(seconds)"),
            let value = LocalDateTime(exif: normalized)
        else {
            fail(node, "\(what) `\(text)` is not a time such as 14:00 or 2026-01-15 14:00")
            return nil
        }
        return value
    }

    mutating func photoOverrides(_ node: Node?, event: Manifest.Event, people: Set<String>, scenes: Set<String>) -> [String: Manifest
        .PhotoOverride]
    {
        guard let node else { return [:] }
        guard case .mapping(let mapping) = node else {
            fail(node, "`photos` must map file names to settings")
            return [:]
        }
        var result: [String: Manifest.PhotoOverride] = [:]
        for (key, value) in mapping {
            guard let name = string(key, "a photo name"),
                let f = fields(value, "photo `\(name)`", allowed: ["title", "description", "people", "scene", "categories", "exclude"])
            else { continue }
            reference(.exact(name), owner: .photo, at: key)
            let members = references(f["people"]?.value, "people of `\(name)`", known: people) {
                "photo `\(name)` names unknown person `\($0)`"
            }
            let scene = string(f["scene"]?.value, "scene of `\(name)`")
            if let scene, !scenes.contains(scene) {
                fail(f["scene"]?.value, "photo `\(name)` names unknown scene `\(scene)`\(hint(scene, scenes))")
            }
            result[name] = Manifest.PhotoOverride(
                title: string(f["title"]?.value, "title of `\(name)`"),
                description: localized(f["description"]?.value, "description of `\(name)`", languages: event.languages),
                people: members, scene: scene,
                categories: categories(f["categories"]?.value, "categories of `\(name)`"),
                exclude: string(f["exclude"]?.value, "exclude reason of `\(name)`"))
        }
        return result
    }

    /// Person ids, each checked against the people the manifest defines.
    private mutating func references(_ node: Node?, _ what: String, known: Set<String>, unknown: (String) -> String) -> [String] {
        let found = entries(node, what)
        for (id, item) in found where !known.contains(id) {
            fail(item, unknown(id) + hint(id, known))
        }
        return found.map(\.text)
    }

    private func hint(_ word: String, _ known: Set<String>) -> String {
        Suggestion.closest(to: word, in: known.sorted()).map { " (did you mean `\($0)`?)" } ?? ""
    }
}
