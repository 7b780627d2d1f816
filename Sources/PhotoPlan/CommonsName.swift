import Foundation
import PhotoModel

/// Commons file-name rules (reference: commons.md §2), applied locally so the planned name is
/// the name the server keeps: MediaWiki's normalisation, the characters it refuses, and the
/// title blacklist's camera-default patterns.
public enum CommonsName {
    public static let maxBytes = 240

    /// Characters a title can never hold.
    static let illegal: Set<Character> = ["#", "<", ">", "[", "]", "|", "{", "}"]

    /// Title-blacklist patterns for camera default names (anchored, case-insensitive, on the
    /// name without extension). Compiled once and only read afterwards.
    nonisolated(unsafe) static let blacklist: [Regex<AnyRegexOutput>] = [
        #"DCP[\d\s]+"#, #"DSC.[\d\s]+"#, #"MVC-?[\d\s]+"#, #"P[\dA-F][\d\s]+"#, #"I?MG[P_]?[\d\s]+"#,
        #"1\d+-\d+(_IMG)?"#, #"(IM|EX)[\d\s]+"#, #"DC[\d\s]+[SML]"#, #"PIC[T_]?[\d\s]+"#, #"PANA[\d\s]+"#,
        #"DUW[\d\s]+"#, #"CIMG[\d\s]+"#, #"JD[\d\s]+"#, #"SDC[\d\s]+"#, #"DVC[\d\s]+"#, #"SANY[\d\s]+"#,
    ].map { try! Regex($0).ignoresCase() }

    /// Makes `text` usable inside a title: blacklisted invisible characters dropped, unusual
    /// spaces made plain, illegal characters replaced, `: / \` turned into `-` as the server
    /// would, `_` read as a space, runs of spaces collapsed.
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x00A0, 0x1680, 0x180E, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x5F, 0x09, 0x0A, 0x0D:
                out.append(" ")
            case 0x00AD, 0x202A...0x202E, 0xFEFF, 0xE000...0xF8FF, 0xFFF0...0xFFFF, 0x10000...:
                continue
            case 0x3A, 0x2F, 0x5C:
                out.append("-")
            case _ where v < 0x20 || (0x7F...0x9F).contains(v):
                continue
            case _ where illegal.contains(Character(scalar)):
                out.append(" ")
            default:
                out.append(scalar)
            }
        }
        return String(out).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// MediaWiki's canonical form of a title: cleaned, first letter upper case.
    public static func normalized(_ name: String) -> String {
        let cleaned = clean(name)
        guard let first = cleaned.first else { return cleaned }
        return first.uppercased() + cleaned.dropFirst()
    }

    /// Why Commons would refuse `name` (with extension), or nil when it is acceptable.
    public static func problem(with name: String) -> String? {
        let base = (name as NSString).deletingPathExtension
        let normalizedBase = (normalized(name) as NSString).deletingPathExtension
        if blacklist.contains(where: { base.wholeMatch(of: $0) != nil || normalizedBase.wholeMatch(of: $0) != nil }) {
            return "looks like a camera's default name (title blacklist)"
        }
        if name.utf8.count > maxBytes { return "longer than \(maxBytes) bytes" }
        if base.isEmpty { return "has no name before the extension" }
        if base.last?.isWhitespace == true { return "has a space before the extension" }
        if name.contains(where: { illegal.contains($0) }) { return "contains a character titles cannot hold (# < > [ ] | { })" }
        if name != normalized(name) { return "is not in MediaWiki's normal form" }
        return nil
    }

    /// `<descriptive part> <counter>.jpg`, the descriptive part trimmed at a character boundary
    /// so the whole stays within 240 bytes with the counter and extension intact. Leading dots
    /// and dashes go too: they would make a hidden page file (and `../` a path) of the name.
    public static func make(descriptive: String, counter: String, extension ext: String = "jpg") -> String {
        let suffix = " \(counter).\(ext)"
        var base = normalized(String(clean(descriptive).drop { $0 == "." || $0 == "-" || $0 == " " }))
        while base.utf8.count + suffix.utf8.count > maxBytes, !base.isEmpty {
            base.removeLast()
        }
        base = base.trimmingCharacters(in: .whitespaces)
        return base.isEmpty ? normalized("\(counter).\(ext)") : base + suffix
    }

    /// Commons user names: no title-illegal characters, no namespace prefix.
    public static func isValidUserName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains(where: { illegal.contains($0) || $0 == "/" || $0 == ":" || $0.isNewline })
    }

    public static func isValidCategory(_ name: String) -> Bool {
        !name.trimmingCharacters(in: .whitespaces).isEmpty && !name.contains(where: { illegal.contains($0) || $0.isNewline })
    }
}
