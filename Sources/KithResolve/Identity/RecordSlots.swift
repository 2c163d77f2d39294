internal import KithModel

/// The records of a resolution, shared by the cores: each core lends or takes only records no
/// other core touches (distinct input positions; in the merge, the disjoint clusters). The
/// indices are the resolver's own, never read from input.
struct RecordSlots {
    let buffer: UnsafeMutableBufferPointer<Contact>

    /// Moves record `index` out, leaving an empty record with its reference.
    func take(_ index: Int) -> Contact {
        assert(buffer.indices.contains(index), "record \(index) outside the resolution")
        return buffer[index].take()
    }

    /// Lends record `index` to `body` (moved out of its slot and back, never copied).
    func lend<T>(_ index: Int, _ body: (Contact) -> T) -> T {
        assert(buffer.indices.contains(index), "record \(index) outside the resolution")
        let slot = buffer.baseAddress.unsafelyUnwrapped + index
        let record = slot.move()
        defer { slot.initialize(to: record) }
        return body(record)
    }
}
