#if canImport(Glibc)
    internal import Glibc
#endif

/// Gives the pages of freed memory back to the system now, rather than when the allocator
/// would on its own.
///
/// The `kith` executable allocates through jemalloc, which keeps freed pages for a second (see
/// `Sources/KithAllocator/allocator.c`): streamed imports that free and allocate all the time
/// reuse them at no cost. Between the stages of resolving a large input, though, large
/// temporary arrays are freed just before others of other sizes are made, and the kept pages
/// add to the peak. Releasing them at those points keeps the peak down.
///
/// Where the process does not allocate through jemalloc (tests, other platforms), this does
/// nothing.
public enum FreedMemory {
    /// Purges the freed pages of every jemalloc arena, when jemalloc is the allocator.
    ///
    /// - Complexity: about the number of freed pages (one `madvise` per freed extent); a few
    ///   milliseconds for hundreds of megabytes.
    public static func release() {
        #if canImport(Glibc)
            // jemalloc's control interface, looked up in the process (glibc's malloc has none).
            typealias Control =
                @convention(c) (
                    UnsafePointer<CChar>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?,
                    UnsafeMutableRawPointer?, Int
                ) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallctl") else { return }
            let control = unsafeBitCast(symbol, to: Control.self)
            // 4096 is MALLCTL_ARENAS_ALL: every arena.
            _ = control("arena.4096.purge", nil, nil, nil, 0)
        #endif
    }
}
