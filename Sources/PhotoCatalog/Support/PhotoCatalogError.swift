import Foundation

/// Errors that stop a whole command (as opposed to per-photo diagnostics).
public enum PhotoCatalogError: Error, Equatable, CustomStringConvertible {
    case cardNotFound(String)
    case cardNotADirectory(String)
    case outputInsideCard(String)
    case manifest([ManifestIssue])
    case cannotWrite(String, String)
    case knownSHA1(String, Int, String)
    /// Another run holds the output folder (with its process id when known).
    case locked(String, Int?)

    public var description: String {
        switch self {
        case .cardNotFound(let path): "card folder not found: \(path)"
        case .cardNotADirectory(let path): "card is not a folder: \(path)"
        case .outputInsideCard(let path): "the output folder \(path) is inside the card; photocat never writes to the card"
        case .manifest(let issues): issues.map(\.description).joined(separator: "\n")
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .knownSHA1(let path, let line, let reason): "\(path):\(line): error: \(reason)"
        case .locked(let path, let pid):
            "another photocat run\(pid.map { " (process \($0))" } ?? "") is writing \(path); nothing was done, try again when it has finished"
        }
    }
}
