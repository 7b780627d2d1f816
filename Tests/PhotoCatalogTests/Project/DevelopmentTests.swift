import Foundation
import PhotoModel
import Testing

/// What docs/development.md says of photocat's own build holds: the module graph is Package.swift's,
/// only the reader and the codec import C, the library carries no unsafe flags, and every
/// diagnostic id is documented.
@Suite struct DevelopmentTests {
    struct Target: Decodable {
        var name: String
        var type: String
        var dependencies: [Dependency]
        var settings: [Setting]

        /// `{"byName": ["PhotoModel", null]}`, `{"target": [...]}` or `{"product": [...]}`.
        struct Dependency: Decodable {
            var local: String?

            init(from decoder: Decoder) throws {
                let container = try decoder.container(keyedBy: AnyKey.self)
                let key = container.allKeys.first { $0.stringValue == "byName" || $0.stringValue == "target" }
                local = try key.flatMap { try container.decode([String?].self, forKey: $0).first ?? nil }
            }
        }

        struct Setting: Decodable {
            var kind: Kind

            struct Kind: Decodable {
                var unsafeFlags: Unsafe?

                struct Unsafe: Decodable {}
            }
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Package.swift as SwiftPM reads it (in a scratch folder of its own, so the build that runs
    /// these tests is not disturbed).
    static func package() throws -> [Target] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("photocat-dump-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try Subprocess.run(
            "/usr/bin/env", ["swift", "package", "--package-path", Fixtures.repository.path, "--scratch-path", scratch.path, "dump-package"])
        guard result.status == 0 else { throw POSIXError(.EIO) }
        struct Package: Decodable { var targets: [Target] }
        return try JSONDecoder().decode(Package.self, from: Data(result.stdout.utf8)).targets
    }

    static func page(_ path: String) throws -> String {
        try String(contentsOf: Fixtures.repository.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theReadmeModuleGraphIsThePackages() throws {
        let readme = try Self.page("docs/development.md")
        let start = try #require(readme.range(of: "```text\nphotocat          ->"))
        let lines = readme[start.lowerBound...].dropFirst("```text\n".count).split(separator: "\n").prefix { !$0.hasPrefix("```") }
        var documented: [String: Set<String>] = [:]
        for line in lines {
            let parts = line.split(separator: "->", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            documented[parts[0]] = Set(parts.count > 1 ? parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : [])
        }
        let targets = try Self.package().filter { $0.type != "test" }
        let actual = Dictionary(
            uniqueKeysWithValues: targets.filter { $0.type != "system" }.map { ($0.name, Set($0.dependencies.compactMap(\.local))) })
        #expect(documented == actual)
    }

    @Test func noTargetOfThePackageCarriesUnsafeFlags() throws {
        let flagged = try Self.package().filter { target in target.settings.contains { $0.kind.unsafeFlags != nil } }
        #expect(flagged.map(\.name).isEmpty)
    }

    /// Only the EXIF reader, the JPEG codec and the sample card's EXIF writer import C modules.
    @Test func onlyTheReaderAndTheCodecImportC() throws {
        let sources = Fixtures.repository.appendingPathComponent("Sources")
        var importers: [String] = []
        for case let path as String in FileManager.default.enumerator(atPath: sources.path)! where path.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            if text.contains(/import (CLibExif|CLibJPEG|CJPEGGuard)\b/) { importers.append(path) }
        }
        #expect(importers.sorted() == ["PhotoRead/ExifReader.swift", "PhotoRead/JPEGCodec.swift", "SampleCard/ExifWriter.swift"])
    }

    @Test func everyDiagnosticIDIsDocumented() throws {
        let page = try Self.page("docs/diagnostics.md")
        let missing = Diagnostic.ID.allCases.filter { !page.contains("`\($0.rawValue)`") }
        #expect(missing.isEmpty, "not in docs/diagnostics.md: \(missing.map(\.rawValue))")
    }
}
