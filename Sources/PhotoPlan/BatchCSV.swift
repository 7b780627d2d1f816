import Foundation
import PhotoModel

/// `commons/batch.csv`: one row per ready photo, for spreadsheet-driven upload tools such as
/// OpenRefine's Commons upload. RFC 4180: a header, CRLF between records, every field quoted
/// (wikitext spans lines and holds commas and quotes).
///
/// The `path` field is the file's path as the file system spells it, so a tool reaches the
/// file even when its name is not UTF-8 (that field then holds those bytes as they are).
public enum BatchCSV {
    public static let header = ["path", "filename", "wikitext", "sha1"]

    public static func data(entries: [BatchEntry], card: String) -> Data {
        let cardBytes = Array(card.utf8) + (card.hasSuffix("/") ? [] : [UInt8(ascii: "/")])
        var out: [UInt8] = []
        func record(_ fields: [[UInt8]]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\""))
                for byte in field {
                    if byte == UInt8(ascii: "\"") { out.append(byte) }
                    out.append(byte)
                }
                out.append(UInt8(ascii: "\""))
            }
            out += [0x0D, 0x0A]
        }
        record(header.map { Array($0.utf8) })
        for entry in entries where entry.status == .ready {
            record([
                cardBytes + entry.key.bytes, Array((entry.filename ?? "").utf8), Array((entry.wikitext ?? "").utf8),
                Array((entry.sha1 ?? "").utf8),
            ])
        }
        return Data(out)
    }
}
