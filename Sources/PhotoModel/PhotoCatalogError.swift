import Foundation

/// Errors that stop a whole command (as opposed to per-photo diagnostics).
public enum PhotoCatalogError: Error, Equatable, CustomStringConvertible {
    case cardNotFound(String)
    case cardNotADirectory(String)
    case outputInsideCard(String)
    case manifest([ManifestIssue])
    case cannotWrite(String, String)
    case cannotRead(String, String)
    case knownSHA1(String, Int, String)
    /// Another run holds the output folder (with its process id when known).
    case locked(String, Int?)
    /// The catalogue cannot be opened or is from a newer photocat.
    case catalog(String, String)
    /// SIGINT or SIGTERM stopped the run after committing the photos already read.
    case interrupted(Int32)
    /// The wiki cannot be reached, refused the login, or answered like no MediaWiki.
    case wiki(String, String)
    /// The output folder holds a batch that its catalogue does not know (`photocat adopt`).
    case batchWithoutCatalogue(String)
    /// The run would remove this many of the catalogue's photos (card path, removed, known).
    case tooManyRemoved(String, Int, Int)

    /// The process exit status: 75 (EX_TEMPFAIL) when locked, 74 (EX_IOERR) when the output
    /// folder or catalogue cannot be written, 1 when the run would empty the batch (a card that
    /// is not mounted), 128 + the signal when interrupted, 2 otherwise.
    public var exitCode: Int32 {
        switch self {
        case .locked: 75
        case .tooManyRemoved: 1
        case .cannotWrite, .catalog, .wiki: 74
        case .interrupted(let signal): 128 + signal
        default: 2
        }
    }

    public var description: String {
        switch self {
        case .cardNotFound(let path): "card folder not found: \(path)"
        case .cardNotADirectory(let path): "card is not a folder: \(path)"
        case .outputInsideCard(let path): "the output folder \(path) is inside the card; photocat never writes to the card"
        case .manifest(let issues): issues.map(\.description).joined(separator: "\n")
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .cannotRead(let path, let reason): "cannot read \(path): \(reason)"
        case .knownSHA1(let path, let line, let reason): "\(path):\(line): error: \(reason)"
        case .locked(let path, let pid):
            "another photocat run\(pid.map { " (process \($0))" } ?? "") is writing \(path); nothing was done, try again when it has finished"
        case .catalog(let path, let reason): "catalogue \(path): \(reason)"
        case .wiki(let address, let reason): "\(address): \(reason)"
        case .batchWithoutCatalogue(let path):
            "\(path) holds a batch (commons/batch.jsonl) that its catalogue does not know, so the names given in it would be lost; run `photocat adopt --out \(path)` to keep them, or give an empty --out"
        case .tooManyRemoved(let card, let removed, let known):
            "\(card) holds \(known - removed) of the \(known) photos the catalogue knows: is the card mounted? Nothing was changed; if the \(removed) photos were removed on purpose, run again with --allow-removal"
        case .interrupted(let signal):
            "stopped by \(signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"); the photos read so far are saved, the next run goes on from there"
        }
    }
}
