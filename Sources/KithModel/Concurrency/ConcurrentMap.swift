internal import Dispatch
internal import Foundation

/// The number of cores work is split among, asked of the system once: on Linux,
/// `activeProcessorCount` reads the cgroup files on every call, which showed as 3% of a
/// streamed import's main thread (a few calls per batch).
package enum ActiveCores {
    /// `ProcessInfo.processInfo.activeProcessorCount` at first use, at least 1.
    package static let count = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
}

extension RandomAccessCollection where Index == Int {
    /// `map`, with the elements split into contiguous parts transformed on every core.
    ///
    /// The result is the same array `map` gives, in the same order; `transform` must not
    /// depend on the order in which elements are visited (it runs on several threads at once
    /// and must only read shared state, or write slots that no other element's transform
    /// touches, as the resolver's record slots do).
    ///
    /// - Parameters:
    ///   - minimumPerPart: below this many elements per core, the map runs on the calling thread.
    ///   - transform: the element transform.
    /// - Complexity: O(n) work, divided among the cores.
    package func concurrentMap<T>(minimumPerPart: Int = 512, _ transform: (Element) -> T) -> [T] {
        let count = self.count
        let parts = concurrentRuns(count: count, minimumPerPart: minimumPerPart, runsPerCore: mapRunsPerCore)
        guard parts > 1 else { return map(transform) }
        let base = startIndex
        return withoutActuallyEscaping(transform) { transform in
            concurrentFill(count: count, parts: parts) { transform(self[base + $0]) }
        }
    }
}

/// The runs a concurrent map or slicing makes of `count` items: at least `minimumPerPart` items
/// each, at most `runsPerCore` per core (1 when the items are too few for two).
///
/// More runs than cores are taken by the cores as they come free (`concurrentPerform` hands out
/// its iterations one at a time), which matters when the items' work is uneven: the resolver's
/// first clusters hold most of the records, and with one run per core the core given the
/// second half waited for the other.
private func concurrentRuns(count: Int, minimumPerPart: Int, runsPerCore: Int) -> Int {
    let byCount = count / Swift.max(1, minimumPerPart)
    guard Swift.min(ActiveCores.count, byCount) > 1 else { return 1 }
    return Swift.min(ActiveCores.count * Swift.max(1, runsPerCore), byCount)
}

/// The runs per core of ``RandomAccessCollection/concurrentMap(minimumPerPart:_:)``.
private let mapRunsPerCore = 8

/// An array of `count` elements made by `element(i)`, in `parts` contiguous runs on every core.
private func concurrentFill<T>(count: Int, parts: Int, _ element: (Int) -> T) -> [T] {
    withoutActuallyEscaping(element) { element in
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let shared = ConcurrentParts(buffer: buffer, element: element)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                for offset in (part * count / parts)..<((part + 1) * count / parts) {
                    (shared.buffer.baseAddress.unsafelyUnwrapped + offset).initialize(to: shared.element(offset))
                }
            }
            initialized = count
        }
    }
}

/// What the parts of a concurrent fill share: each part writes a disjoint range of the buffer
/// and only reads shared state.
private struct ConcurrentParts<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    let element: (Int) -> T
}

/// Runs `body` for each of `parts` contiguous slices of `0..<count` on every core, and returns
/// the slices' results in slice order.
///
/// - Parameters:
///   - count: the number of items.
///   - minimumPerPart: below this many items per core, everything runs as one slice on the
///     calling thread.
///   - runsPerCore: how many slices each core may take, as it comes free (more than one
///     when the slices' work is uneven and the caller joins any number of results).
///   - body: the work of one slice; it must only read shared state.
/// - Complexity: O(work of the slices), divided among the cores.
package func concurrentSlices<T>(
    count: Int, minimumPerPart: Int = 512, runsPerCore: Int = 1, _ body: (Range<Int>) -> T
) -> [T] {
    let parts = concurrentRuns(count: count, minimumPerPart: minimumPerPart, runsPerCore: runsPerCore)
    guard parts > 1 else { return [body(0..<count)] }
    // One element per slice, made on every core.
    return concurrentFill(count: parts, parts: parts) { part in
        body((part * count / parts)..<((part + 1) * count / parts))
    }
}
