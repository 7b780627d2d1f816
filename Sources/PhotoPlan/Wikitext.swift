import PhotoModel
/// Escaping of text placed into wikitext template parameters.
///
/// Every character that could end a parameter, close or open a template or link, start a tag,
/// sign a page or turn into markup becomes an HTML entity, which MediaWiki shows as the
/// character itself. Line breaks become spaces: a parameter value stays on one line.
public enum Wikitext {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        var previous: Character?
        for character in text {
            switch character {
            case "|": out += "&#124;"
            case "{": out += "&#123;"
            case "}": out += "&#125;"
            case "[": out += "&#91;"
            case "]": out += "&#93;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "=": out += "&#61;"
            case "~": out += "&#126;"
            case "'" where previous == "'": out += "&#39;"  // '' would start italics
            case "_" where previous == "_": out += "&#95;"  // __NOTOC__-style magic words
            case "\n", "\r", "\r\n", "\t", "\u{2028}", "\u{2029}": out += " "
            case _ where character.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value == 0x7F }): continue
            default: out.append(character)
            }
            previous = character
        }
        return out
    }

    /// A page name inside `[[…]]` (a category, a user): entities would become part of the name,
    /// so characters no title can hold are dropped instead, line breaks become spaces and
    /// signature tildes are cut short.
    public static func linkTarget(_ name: String) -> String {
        var cleaned = String(
            name.map { $0.isNewline || $0 == "\t" ? " " : $0 }
                .filter { !"#<>[]|{}".contains($0) && !$0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
        while cleaned.contains("~~~") { cleaned = cleaned.replacingOccurrences(of: "~~~", with: "~~") }
        return cleaned.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
