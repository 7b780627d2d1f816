import Foundation

extension Error {
    /// The plain reason behind a Foundation error ("No such file or directory"), without the
    /// generic wrapper text, for messages that already name the file.
    var reason: String {
        if let posix = self as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        let error = self as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedFailureReason ?? error.localizedDescription
    }
}
