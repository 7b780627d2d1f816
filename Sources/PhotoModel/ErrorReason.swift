import Foundation

extension Error {
    /// The plain reason behind a Foundation error ("No such file or directory"), without the
    /// generic wrapper text, for messages that already name the file.
    public var reason: String {
        if let posix = self as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        // Foundation words a full disk as "There isn't enough space"; say what df and the kernel say.
        if let cocoa = self as? CocoaError, cocoa.code == .fileWriteOutOfSpace { return String(cString: strerror(ENOSPC)) }
        let error = self as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedFailureReason ?? error.localizedDescription
    }
}
