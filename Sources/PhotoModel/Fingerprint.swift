import Crypto
import Foundation

/// Content hashes as hex text: short ones for keys, and SHA-1, as Commons identifies files.
public enum Fingerprint {
    public static func sha1(_ data: Data) -> String {
        Insecure.SHA1.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The first 16 hex digits of SHA-256.
    public static func of(_ text: String) -> String {
        of(Data(text.utf8))
    }

    public static func of(_ data: Data) -> String {
        SHA256.hash(data: data).prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
