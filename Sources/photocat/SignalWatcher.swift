import Dispatch
import Foundation
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// Turns SIGINT (Ctrl-C) and SIGTERM (systemd, kill, a scheduler's time limit) into a stop
/// request: the photos in flight finish and are committed, then the run exits 130 or 143.
/// A second signal exits at once, which is safe too: every output is written atomically.
final class SignalWatcher {
    let stop = StopRequest()
    private var sources: [DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [stop] in
                if stop.requested != nil { _exit(128 + number) }
                stop.request(signal: number)
                Log.warn(
                    "photocat: \(number == SIGINT ? "SIGINT" : "SIGTERM") received; finishing the photos in progress (send it again to quit at once)")
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        sources.forEach { $0.cancel() }
    }
}
