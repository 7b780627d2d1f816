import Foundation
import Yams
import PhotoModel

/// Reads a manifest strictly: every problem is collected with its position, unknown keys get a
/// did-you-mean, and nothing is half-accepted (a manifest with any issue is rejected whole).
/// Pure: the files a manifest names (a page template, track logs) come through `readData`, which the run
/// layer gives (`ManifestLoader.load(contentsOf:)`).
public struct ManifestLoader {
    public var fileName: String
    /// Where relative paths in the manifest (a page template) are found.
    public var directory: URL?
    /// The bytes of a file the manifest names (a page template, a track log), or nil when it
    /// cannot be read.
    public var readData: @Sendable (URL) -> Data?
    /// Track logs given besides the manifest's own (`run --gpx`).
    public var extraTracks: [URL]
    /// Choices files given besides the manifest's `include:` (`run --choices`).
    public var extraIncludes: [URL] = []

    public init(
        fileName: String, directory: URL? = nil, extraTracks: [URL] = [], readData: @escaping @Sendable (URL) -> Data? = { _ in nil }
    ) {
        self.fileName = fileName
        self.directory = directory
        self.extraTracks = extraTracks
        self.readData = readData
    }

    public func parse(_ yaml: String) throws -> Manifest {
        var reader = NodeReader(file: fileName)
        reader.directory = directory
        reader.readData = readData
        reader.extraTracks = extraTracks
        reader.extraIncludes = extraIncludes
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw PhotoCatalogError.manifest([reader.issue(for: error)])
        }
        guard let root else {
            throw PhotoCatalogError.manifest([
                ManifestIssue(file: fileName, line: 1, column: 1, message: "the manifest is empty; it needs at least `version: 1` and an `event`")
            ])
        }
        let manifest = reader.manifest(root)
        guard reader.issues.isEmpty, var manifest else {
            throw PhotoCatalogError.manifest(reader.issues.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        // The track logs count by their bytes: a new or edited track derives every page anew.
        manifest.fingerprint = Fingerprint.of(
            ([yaml, manifest.event.pageTemplate?.text ?? ""] + reader.trackDigests + reader.includeDigests).joined(separator: "\u{0}"))
        return manifest
    }
}

/// Walks the YAML node tree, building the manifest and recording issues.
struct NodeReader {
    let file: String
    var issues: [ManifestIssue] = []
    var directory: URL?
    var readData: @Sendable (URL) -> Data? = { _ in nil }
    var extraTracks: [URL] = []
    var extraIncludes: [URL] = []
    /// SHA-1 of each included choices file, for the manifest's fingerprint.
    var includeDigests: [String] = []
    /// SHA-1 of each track log read, for the manifest's fingerprint.
    var trackDigests: [String] = []
    /// People with `consent: none`: no description may name them.
    var unnameable: [(id: String, name: String)] = []
    /// Where photos are named, collected as the lists are read.
    var references: [PhotoReference] = []
    /// event.date was given but is not a date: the times that rely on it are not reported again.
    var eventDateInvalid = false

    init(file: String) {
        self.file = file
    }

    /// A file the manifest names: absolute, or relative to the manifest.
    func resolved(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : (directory ?? URL(fileURLWithPath: ".")).appendingPathComponent(path)
    }

    mutating func fail(_ node: Node?, _ message: String) {
        let mark = node?.mark
        issues.append(ManifestIssue(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }

    func issue(for error: YamlError) -> ManifestIssue {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ManifestIssue(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ManifestIssue(
                file: file, line: context.mark.line, column: context.mark.column, message: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return ManifestIssue(file: file, line: 1, column: 1, message: "YAML: \(error)")
        }
    }

    // MARK: typed access

    /// The mapping's entries by key, after checking that every key is one of `allowed`.
    mutating func fields(_ node: Node, _ what: String, allowed: [String]) -> [String: (key: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            fail(node, "\(what) must be a mapping of keys to values")
            return nil
        }
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            if allowed.contains(name) {
                result[name] = (key, value)
            } else {
                let hint = Suggestion.closest(to: name, in: allowed).map { " (did you mean `\($0)`?)" } ?? ""
                fail(key, "unknown key `\(name)` in \(what)\(hint); allowed: \(allowed.joined(separator: ", "))")
            }
        }
        return result
    }

    mutating func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            fail(node, "\(what) must be a non-empty text")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("<"), text.hasSuffix(">") {
            fail(node, "\(what) is still the placeholder \(text); fill it in")
            return nil
        }
        return text
    }

    mutating func required(_ fields: [String: (key: Node, value: Node)], _ key: String, in what: String, at node: Node) -> Node? {
        if let entry = fields[key] { return entry.value }
        fail(node, "\(what) needs `\(key)`")
        return nil
    }

    mutating func number(_ node: Node?, _ what: String, range: ClosedRange<Double>) -> Double? {
        guard let node else { return nil }
        guard let value = node.string.flatMap(Double.init), range.contains(value) else {
            fail(node, "\(what) must be a number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let node else { return nil }
        switch node.string?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            fail(node, "\(what) must be true or false")
            return nil
        }
    }

    mutating func strings(_ node: Node?, _ what: String) -> [String] {
        entries(node, what).map(\.text)
    }

    /// A list of texts (or one text) with the node of each, so errors can point at the entry.
    mutating func entries(_ node: Node?, _ what: String) -> [(text: String, node: Node)] {
        guard let node, !Self.isNull(node) else { return [] }
        if case .scalar = node { return string(node, what).map { [($0, node)] } ?? [] }
        guard case .sequence(let sequence) = node else {
            fail(node, "\(what) must be a list")
            return []
        }
        return sequence.compactMap { item in string(item, "an entry of \(what)").map { ($0, item) } }
    }

    /// `{en: "…", az: "…"}`, or a plain text meaning the first language.
    mutating func localized(_ node: Node?, _ what: String, languages: [String]) -> LocalizedText {
        guard let node else { return [:] }
        if case .scalar = node, let text = string(node, what) {
            checkNamesNoOneUnnameable(text, at: node, what)
            return [languages.first ?? "en": text]
        }
        guard case .mapping(let mapping) = node else {
            fail(node, "\(what) must be a text or a mapping of language codes to texts")
            return [:]
        }
        var result: LocalizedText = [:]
        for (key, value) in mapping {
            guard let language = key.string, Self.isLanguageCode(language) else {
                fail(key, "`\(key.string ?? "")` in \(what) is not a language code such as en or az")
                continue
            }
            if !languages.isEmpty, !languages.contains(language) {
                fail(key, "\(what) has text in `\(language)`, which is not in event.languages (\(languages.joined(separator: ", ")))")
            }
            if let text = string(value, "\(what).\(language)") {
                result[language] = text
                checkNamesNoOneUnnameable(text, at: value, "\(what).\(language)")
            }
        }
        return result
    }

    /// A description may not name anyone with `consent: none`.
    mutating func checkNamesNoOneUnnameable(_ text: String, at node: Node, _ what: String) {
        for person in unnameable where text.range(of: person.name, options: [.caseInsensitive, .diacriticInsensitive]) != nil {
            fail(node, "\(what) names \(person.name) (`\(person.id)`), who did not consent to being photographed")
        }
    }

    /// `key:` with nothing (or only comments) after it: an empty list, not an error.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func isLanguageCode(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        return (2...3).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isLowercase }
            && parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}

/// Did-you-mean for misspelt keys: the allowed key within a small edit distance.
enum Suggestion {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    /// Edits between two words, a swap of neighbours counting as one (IMG_0060 is one edit
    /// from IMG_0006, two from IMG_0001): optimal string alignment distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], twoBack[j - 2] + 1)
                }
            }
            (twoBack, previous) = (previous, current)
        }
        return previous[b.count]
    }
}
