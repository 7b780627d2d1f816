#if canImport(Glibc)
    import Glibc
#endif

/// Each photo needs a few large buffers for a moment: the file (10 MB for 24 MP) and the decoded
/// picture (up to 18 MB). By default glibc hands freed blocks of that size back to the kernel,
/// and the next photo takes every page of them again as a page fault: thousands per 24 MP
/// photo with two workers (`perf stat -e page-faults` shows them). Keeping blocks up to 32 MB in
/// malloc's pools, and up to 128 MB of free memory before any is returned, removes most of
/// those faults; peak memory stays about what the photos being read need (bench/run measures
/// it).
enum MemoryTuning {
    static func keepPhotoBuffers() {
        #if canImport(Glibc)
            // mallopt is glibc's, declared in <malloc.h>, which Swift's Glibc module leaves out.
            // Its parameter numbers are part of glibc's ABI.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            let mmapThreshold: Int32 = -3, trimThreshold: Int32 = -1
            guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            _ = mallopt(mmapThreshold, 32 << 20)
            _ = mallopt(trimThreshold, 128 << 20)
        #endif
    }
}
