import Dispatch
import Foundation
import KithIO
import KithModel
import Synchronization

/// Reading a large input in parts on several cores.
///
/// A file of many cards is cut at top-level card boundaries (a `BEGIN:VCARD` line whose
/// previous non-blank line is `END:VCARD`) into one part per core. Each part is read by a
/// session of its own, with line numbers counted from the part's first line in the file; the
/// parts' records are then renumbered and emitted in file order, so the result is the same as
/// reading the file in one go.
extension VCardReader {
    /// Inputs smaller than this are read in one part: splitting would not pay.
    static let partThreshold = 4 << 20

    /// The offsets where parts start, including 0 and the input's end; a single part when no
    /// safe boundary is found.
    ///
    /// - Complexity: O(n) in the worst case (no boundary), usually a few lines per part.
    static func partBoundaries(_ base: UnsafeBufferPointer<UInt8>, parts: Int) -> [Int] {
        guard let address = base.baseAddress, parts > 1, base.count >= partThreshold,
            memchr(address, 0x0A, base.count) != nil
        else { return [0, base.count] }
        var boundaries = [0]
        for part in 1..<parts {
            let target = base.count / parts * part
            guard target > (boundaries.last ?? 0), let found = boundary(after: target, in: base) else { continue }
            if found > (boundaries.last ?? 0), found < base.count { boundaries.append(found) }
        }
        boundaries.append(base.count)
        return boundaries
    }

    /// The first offset at or after `target` where a top-level card begins.
    private static func boundary(after target: Int, in base: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let address = base.baseAddress else { return nil }
        let begin = Array("BEGIN:VCARD".utf8)
        var position = target
        while position < base.count {
            guard let found = memchr(address + position, 0x0A, base.count - position) else { return nil }
            let lineStart = UnsafeRawPointer(found) - UnsafeRawPointer(address) + 1
            position = lineStart
            guard lineStart + begin.count <= base.count else { return nil }
            var matches = true
            for offset in 0..<begin.count where base[lineStart + offset] & 0xDF != begin[offset] & 0xDF {
                matches = false
                break
            }
            if matches, previousLineIsEnd(before: lineStart - 1, in: base) { return lineStart }
        }
        return nil
    }

    /// Whether the last non-blank line ending at `newline` (the offset of its LF) is `END:VCARD`.
    private static func previousLineIsEnd(before newline: Int, in base: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = newline
        while end > 0 {
            var start = end
            while start > 0, base[start - 1] != 0x0A { start -= 1 }
            var last = end
            while last > start, base[last - 1] == 0x0D || base[last - 1] == 0x20 || base[last - 1] == 0x09 { last -= 1 }
            if last > start {
                let text = Array("END:VCARD".utf8)
                guard last - start == text.count else { return false }
                for offset in 0..<text.count where base[start + offset] & 0xDF != text[offset] & 0xDF { return false }
                return true
            }
            guard start > 0 else { return false }
            end = start - 1
        }
        return false
    }

    /// What one part produced.
    struct PartOutcome: Sendable {
        /// The part's cards; each is taken out (set to `nil`) when it is emitted.
        var contacts: [Contact?] = []
        var diagnostics: [Diagnostic] = []
        var summary: ReadSession.Summary?
    }

    /// Reads the parts between `boundaries` (each starting at a `BEGIN:VCARD` line), a wave of
    /// one part per core at a time, and emits each wave's cards in file order before the next
    /// wave is read: the cards held at once are those of one wave, whatever the file's size.
    func readInParts(
        _ base: UnsafeBufferPointer<UInt8>, boundaries: [Int], makeMapper: () -> CardMapper, source: Int,
        emit: (consuming Contact) throws -> Void
    ) throws -> (emitted: Int, diagnostics: [Diagnostic], sessions: [ReadSession.Summary]) {
        let parts = boundaries.count - 1
        let starts = Self.lineStarts(of: boundaries.dropLast(), in: base)
        let wave = max(1, ProcessInfo.processInfo.activeProcessorCount)
        nonisolated(unsafe) let whole = base
        var emitted = 0
        var diagnostics: [Diagnostic] = []
        var sessions: [ReadSession.Summary] = []
        for first in stride(from: 0, to: parts, by: wave) {
            let count = min(wave, parts - first)
            let mappers = (0..<count).map { _ in makeMapper() }
            let outcomes = Mutex([PartOutcome](repeating: PartOutcome(), count: count))
            DispatchQueue.concurrentPerform(iterations: count) { index in
                let part = first + index
                let slice = UnsafeBufferPointer(rebasing: whole[boundaries[part]..<boundaries[part + 1]])
                var session = ReadSession(
                    base: slice, source: source, mapper: mappers[index], linesBefore: starts[part])
                var outcome = PartOutcome()
                // Emitting into an array cannot throw.
                try? session.run(audit: nil) { outcome.contacts.append($0) }
                outcome.diagnostics = session.diagnostics
                outcome.summary = session.summary
                outcomes.withLock { $0[index] = outcome }
            }
            var read: [PartOutcome] = []
            outcomes.withLock { swap(&read, &$0) }
            for part in read.indices {
                let offset = emitted
                for var diagnostic in read[part].diagnostics {
                    if let record = diagnostic.record { diagnostic.record = record + Int32(offset) }
                    diagnostics.append(diagnostic)
                }
                // Taken out one by one, so that the receiver holds the only reference.
                for position in read[part].contacts.indices {
                    guard var contact = read[part].contacts[position].take() else { continue }
                    contact.ref.index += Int32(offset)
                    try emit(consume contact)
                    emitted += 1
                }
                if let summary = read[part].summary { sessions.append(summary) }
            }
        }
        return (emitted, diagnostics, sessions)
    }

    /// The number of lines before each offset (offsets ascending), counted in one scan.
    static func lineStarts(of offsets: some Collection<Int>, in base: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard let address = base.baseAddress else { return offsets.map { _ in 0 } }
        var result: [Int] = []
        result.reserveCapacity(offsets.count)
        var count = 0
        var position = 0
        for offset in offsets {
            while position < offset, let found = memchr(address + position, 0x0A, offset - position) {
                count += 1
                position = UnsafeRawPointer(found) - UnsafeRawPointer(address) + 1
            }
            position = max(position, offset)
            result.append(count)
        }
        return result
    }
}
