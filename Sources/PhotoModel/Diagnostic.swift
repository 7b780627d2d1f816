import Foundation

/// One thing worth telling the user about a file: a failure, a warning or a notice.
/// `id` is stable (e.g. `jpeg.truncated`) so scripts can count or filter by it.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var id: String
    /// Path of the file concerned, relative to the card where possible.
    public var path: String
    public var message: String

    public init(_ severity: Severity, _ id: String, path: String, _ message: String) {
        self.severity = severity
        self.id = id
        self.path = path
        self.message = message
    }

    /// Compiler style, as editors and grep expect: `path: warning: [exif.bad-gps] message`.
    public var description: String { "\(path): \(severity.rawValue): [\(id)] \(message)" }
}
