import Foundation
import PhotoModel

/// An exclusive lock on an output folder (`DIR/.photocat.lock`, flock(2)), held for a whole
/// run so two runs (a cron job and a person, say) never write one folder at once. The kernel
/// drops the lock when the holder exits, however it exits, so a killed run leaves no stale lock.
public final class OutputLock {
    private let descriptor: Int32

    public init(folder: URL) throws {
        let path = folder.appendingPathComponent(".photocat.lock").path
        // The stored descriptor is set only once the lock is held: a class whose initializer
        // throws after setting every property is deinitialized, and deinit would close the
        // descriptor a second time, perhaps after another thread had been given its number.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw PhotoCatalogError.cannotWrite(path, String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            throw PhotoCatalogError.locked(folder.path, holder.flatMap(Int.init))
        }
        self.descriptor = descriptor
        // Who holds it, for the message the next run prints.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBufferPointer { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
