import Foundation
import PhotoModel

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the fixes of a GPX 1.0 or 1.1 file with a streaming XML parser: every `trkpt` of every
/// `trk`/`trkseg` that has a time, in file order. Waypoints, routes and fixes without a time are
/// counted, not used. Pure: the file's bytes come in, fixes go out.
public enum GPXReader {
    public struct Result: Sendable, Equatable {
        public var points: [TrackPoint]
        /// What was passed over, for a note: fixes without time, waypoints, route points.
        public var untimedFixes = 0
        public var waypoints = 0
        public var routePoints = 0
    }

    /// Where and why the file cannot be read as GPX.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "\(line):\(column): \(message)" }
    }

    public static func read(_ data: Data) throws -> Result {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let failure = delegate.failure { throw failure }
        guard parsed else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed XML"
            throw Failure(line: max(1, parser.lineNumber), column: max(1, parser.columnNumber), message: "not a readable GPX file: \(reason)")
        }
        guard delegate.sawGPX else { throw Failure(line: 1, column: 1, message: "not a GPX file: its root element is not <gpx>") }
        return delegate.result
    }

    /// `2008-05-08T17:50:54Z`, with optional fractions and a `±hh:mm` zone (GPX times are UTC
    /// when no zone is given). Hand-written: a day's track has 86,400 of them.
    public static func time(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<from + count] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            var scale = 0.1
            index += 1
            while index < bytes.count, (48...57).contains(bytes[index]) {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offset = 0
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "Z"):
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard let hours = number(index + 1, 2) else { return nil }
                let minutes = bytes.count > index + 3 && bytes[index + 3] == UInt8(ascii: ":") ? number(index + 4, 2) : number(index + 3, 2)
                offset = (hours * 3600 + (minutes ?? 0) * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
                index = bytes.count
            default:
                return nil
            }
        }
        guard index == bytes.count else { return nil }
        let wall = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return Double(wall.secondsAsUTC - offset) + fraction
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var result = Result(points: [])
        var failure: Failure?
        var sawGPX = false
        /// The open `trkpt`: its position, and the text of its `time` and `ele` once read.
        private var point: (latitude: Double, longitude: Double, time: Double?, elevation: Double?)?
        private var text = ""
        private var inTrack = false
        /// Inside a fix's `time` or `ele`: the only text worth keeping.
        private var collecting = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            text = ""
            let local = Self.local(name)
            collecting = point != nil && (local == "time" || local == "ele")
            switch local {
            case "gpx":
                sawGPX = true
            case "trk":
                inTrack = true
            case "wpt":
                result.waypoints += 1
            case "rtept":
                result.routePoints += 1
            case "trkpt" where inTrack:
                guard let latitude = attributes["lat"].flatMap(Double.init), let longitude = attributes["lon"].flatMap(Double.init),
                    (-90...90).contains(latitude), (-180...180).contains(longitude)
                else {
                    fail(parser, "a <trkpt> needs lat (-90 to 90) and lon (-180 to 180) attributes")
                    return
                }
                point = (latitude, longitude, nil, nil)
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if collecting { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            collecting = false
            switch Self.local(name) {
            case "trk":
                inTrack = false
            case "time" where point != nil:
                let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard let time = GPXReader.time(value) else {
                    fail(parser, "<time>\(value)</time> is not a time such as 2026-01-15T10:05:12Z")
                    return
                }
                point?.time = time
            case "ele" where point != nil:
                point?.elevation = Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
            case "trkpt":
                if let point, let time = point.time {
                    result.points.append(TrackPoint(time: time, latitude: point.latitude, longitude: point.longitude, elevation: point.elevation))
                } else if point != nil {
                    result.untimedFixes += 1
                }
                point = nil
            default:
                break
            }
            text = ""
        }

        private func fail(_ parser: XMLParser, _ message: String) {
            guard failure == nil else { return }
            failure = Failure(line: max(1, parser.lineNumber), column: max(1, parser.columnNumber), message: message)
            parser.abortParsing()
        }

        /// `gpx:trkpt` → `trkpt`: GPX files with a namespace prefix exist.
        private static func local(_ name: String) -> Substring {
            name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? name[...]
        }
    }
}
