import Crypto
import Foundation

/// `--shard K/N`: one of N disjoint parts of a card, so N machines can split a huge archive.
/// A photo belongs to the shard its relative path hashes to, which never depends on the other
/// files, the machine or the run: every photo is in exactly one shard.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based, as people count and as `--array=1-N` numbers Slurm tasks.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw ShardError(text: "\(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ShardError(text: text)
        }
        try self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    public func contains(_ key: PathKey) -> Bool {
        Self.bucket(of: key, count: count) == index
    }

    public func contains(_ relativePath: String) -> Bool {
        contains(PathKey(relativePath))
    }

    /// The shard (1...count) of a path: the first eight bytes of its SHA-256, modulo `count`.
    public static func bucket(of key: PathKey, count: Int) -> Int {
        let digest = SHA256.hash(data: Data(key.bytes))
        let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(value % UInt64(count)) + 1
    }
}

public struct ShardError: Error, CustomStringConvertible {
    var text: String
    public var description: String {
        "a shard is K/N with 1 ≤ K ≤ N, such as 2/4"
    }
}
