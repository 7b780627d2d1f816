import Foundation

/// A wall-clock time without a zone, compared field by field.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year, month, day, hour, minute, second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    /// From EXIF `YYYY:MM:DD hh:mm:ss` (already validated by the reader).
    public init?(exif: String) {
        let parts = exif.split(whereSeparator: { $0 == ":" || $0 == " " }).compactMap { Int($0) }
        guard parts.count == 6 else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4], second: parts[5])
    }

    public var key: [Int] { [year, month, day, hour, minute, second] }
    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.key.lexicographicallyPrecedes(b.key) }

    public var dateString: String { String(format: "%04d-%02d-%02d", year, month, day) }
    /// Commons {{Information}} form: `YYYY-MM-DD hh:mm:ss`.
    public var description: String { dateString + String(format: " %02d:%02d:%02d", hour, minute, second) }

    /// Seconds since 1970 if this wall-clock time were UTC (for zone arithmetic).
    public var secondsAsUTC: Int {
        var components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        components.timeZone = TimeZone(identifier: "UTC")
        return Int(Calendar(identifier: .gregorian).date(from: components)!.timeIntervalSince1970)
    }

    public init(secondsAsUTC seconds: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(seconds)))
        self.init(year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!, second: c.second!)
    }

    /// `+hh:mm` / `-hh:mm` to seconds east of UTC, for offsets real places use (−12:00…+14:00).
    public static func offsetSeconds(_ raw: String) -> Int? {
        let chars = Array(raw.trimmingCharacters(in: .whitespaces))
        guard chars.count == 6, chars[0] == "+" || chars[0] == "-", chars[3] == ":",
            let hours = Int(String(chars[1...2])), let minutes = Int(String(chars[4...5])),
            minutes < 60
        else { return nil }
        let seconds = (hours * 60 + minutes) * 60 * (chars[0] == "-" ? -1 : 1)
        return (-12 * 3600...14 * 3600).contains(seconds) ? seconds : nil
    }

    /// `YYYY:MM:DD hh:mm:ss` when the value is a real date (a zero or impossible date is nil).
    /// Some tools write `-` or `/` between the date parts; those are accepted and normalised.
    public static func normalizedDate(_ raw: String) -> String? {
        let chars = Array(raw.trimmingCharacters(in: .whitespaces))
        guard chars.count >= 19 else { return nil }
        let separators: Set<Character> = [":", "-", "/"]
        guard separators.contains(chars[4]), chars[7] == chars[4], chars[10] == " " || chars[10] == "T",
            chars[13] == ":", chars[16] == ":"
        else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(chars[range])) }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        guard (1800...2999).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        return String(format: "%04d:%02d:%02d %02d:%02d:%02d", year, month, day, hour, minute, second)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
