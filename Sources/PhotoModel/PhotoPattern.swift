import Foundation

/// How the manifest names photos: a file name (`IMG_0003.JPG`, or its stem, or a card-relative
/// path), a range of camera numbers (`IMG_0212..IMG_0218`), or a glob (`DCIM/101MSDCF/*`).
public enum PhotoPattern: Sendable, Equatable, CustomStringConvertible {
    case exact(String)
    /// Names with this prefix whose number lies in `from...to` (any extension); `digits` is
    /// how the numbers were written, for messages.
    case range(prefix: String, from: Int, to: Int, digits: Int)
    case glob(String)

    /// Lower is more specific: a named photo beats a range, a range beats a glob.
    public var specificity: Int {
        switch self {
        case .exact: 0
        case .range: 1
        case .glob: 2
        }
    }

    /// How many photos a range can hold, to prefer the narrower of two ranges.
    public var breadth: Int {
        if case .range(_, let from, let to, _) = self { return to - from }
        return 0
    }

    public var description: String {
        switch self {
        case .exact(let name): name
        case .range(let prefix, let from, let to, let digits):
            "\(prefix)\(String(format: "%0\(digits)d", from))..\(prefix)\(String(format: "%0\(digits)d", to))"
        case .glob(let pattern): pattern
        }
    }

    /// Nil for a malformed range (the two ends must share a prefix and end in numbers).
    public static func parse(_ text: String) -> PhotoPattern? {
        if text.contains("..") {
            let ends = text.components(separatedBy: "..")
            guard ends.count == 2, let low = numbered(stem(ends[0])), let high = numbered(stem(ends[1])),
                low.prefix.lowercased() == high.prefix.lowercased(), low.number <= high.number
            else { return nil }
            return .range(prefix: low.prefix, from: low.number, to: high.number, digits: stem(ends[0]).count - low.prefix.count)
        }
        if text.contains(where: { "*?[".contains($0) }) { return .glob(text) }
        return .exact(text)
    }

    public func matches(_ relativePath: String) -> Bool {
        let name = (relativePath as NSString).lastPathComponent
        switch self {
        case .exact(let wanted):
            return wanted == relativePath || wanted == name || wanted == Self.stem(name)
        case .range(let prefix, let from, let to, _):
            guard let numbered = Self.numbered(Self.stem(name)) else { return false }
            return numbered.prefix.lowercased() == prefix.lowercased() && (from...to).contains(numbered.number)
        case .glob(let pattern):
            // A pattern with a folder in it matches the card path, otherwise the file name;
            // cameras write upper-case names, people type lower-case ones.
            let subject = pattern.contains("/") ? relativePath : name
            return fnmatch(pattern.lowercased(), subject.lowercased(), 0) == 0
        }
    }

    /// Two ranges over the same numbering that share a photo number.
    public func overlaps(_ other: PhotoPattern) -> Bool {
        guard case .range(let p1, let a1, let b1, _) = self, case .range(let p2, let a2, let b2, _) = other else { return false }
        return p1.lowercased() == p2.lowercased() && a1 <= b2 && a2 <= b1
    }

    static func stem(_ name: String) -> String { (name as NSString).deletingPathExtension }

    /// `IMG_0212` → ("IMG_", 212).
    static func numbered(_ stem: String) -> (prefix: String, number: Int)? {
        let digits = stem.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let number = Int(String(digits.reversed())) else { return nil }
        return (String(stem.dropLast(digits.count)), number)
    }
}
