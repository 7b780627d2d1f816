/// Time spent per stage of the read-and-render work, summed over photos (`photocat run --timings`).
public struct StageTimes: Sendable, Equatable {
    public var read: Duration = .zero
    public var hash: Duration = .zero
    public var metadata: Duration = .zero
    public var decode: Duration = .zero
    public var resize: Duration = .zero
    public var encode: Duration = .zero
    /// Measuring sharpness, hash and clipping for the culling hints.
    public var signals: Duration = .zero
    /// Writing the output folder from the catalogue (thumbnails, pages, batch files), once per run.
    public var write: Duration = .zero

    public init() {}

    public static func + (a: StageTimes, b: StageTimes) -> StageTimes {
        var sum = a
        sum.read += b.read
        sum.hash += b.hash
        sum.metadata += b.metadata
        sum.decode += b.decode
        sum.resize += b.resize
        sum.encode += b.encode
        sum.signals += b.signals
        sum.write += b.write
        return sum
    }

    /// The thumbnail work proper: decode, resize and rotate, encode.
    public var thumbnails: Duration { decode + resize + encode }

    public var rows: [(String, Duration)] {
        [
            ("read", read), ("sha1", hash), ("exif", metadata), ("decode", decode), ("resize", resize), ("encode", encode), ("signals", signals),
            ("write", write),
        ]
    }

    /// Runs `body`, adding its duration to `time`.
    @discardableResult
    public static func measure<T>(_ time: inout Duration, _ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        defer { time += clock.now - start }
        return try body()
    }
}
