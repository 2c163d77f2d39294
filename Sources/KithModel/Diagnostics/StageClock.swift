internal import Foundation

/// Wall-clock times of the stages of a run, written to standard error when the environment
/// variable `KITH_TIMINGS` is `1` (for benchmarks and for finding where a slow import spends
/// its time), with the CPU time of all threads and the resident memory at the end of each stage. Disabled, a lap costs one branch.
///
/// ```swift
/// var clock = StageClock("resolve")
/// scoreEverything()
/// clock.lap("score")   // kith: timing: resolve.score 1.234 s
/// ```
public struct StageClock: Sendable {
    /// Whether timings are written (`KITH_TIMINGS=1`).
    public static let isEnabled = ProcessInfo.processInfo.environment["KITH_TIMINGS"] == "1"

    private let scope: String
    private var last: ContinuousClock.Instant
    private var lastCPU: Double

    /// Starts a clock whose laps are named `<scope>.<stage>`.
    public init(_ scope: String) {
        self.scope = scope
        self.last = ContinuousClock.now
        self.lastCPU = Self.isEnabled ? Self.processCPUSeconds() : 0
    }

    /// Writes the time since the previous lap (or the start) under `stage`, and starts the next.
    public mutating func lap(_ stage: @autoclosure () -> String) {
        guard Self.isEnabled else { return }
        let now = ContinuousClock.now
        let elapsed = now - last
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let cpu = Self.processCPUSeconds()
        let line =
            "kith: timing: \(scope).\(stage()) \(String(format: "%.3f", seconds)) s, cpu \(String(format: "%.3f", cpu - lastCPU)) s, resident \(Self.residentMiB()) MiB\n"
        lastCPU = cpu
        FileHandle.standardError.write(Data(line.utf8))
        last = ContinuousClock.now
    }

    /// The CPU time of this process (all threads) in seconds.
    private static func processCPUSeconds() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The resident memory of this process in MiB (Linux `/proc/self/statm`), or 0 where unknown.
    private static func residentMiB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / (1 << 20)
    }
}
