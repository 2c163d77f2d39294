/// The growable byte storage under ``JSONBuffer``: a raw allocation owned by one value.
///
/// `Array<UInt8>.append` pays a uniqueness check on every call, which showed up as a tenth of
/// the writer's time; this storage is `~Copyable`, so it is unique by construction and an
/// append is a capacity compare and a store.
struct ByteStore: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    /// The number of bytes written.
    private(set) var count = 0
    private var capacity: Int

    /// Creates empty storage with room for `capacity` bytes.
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count &+ extra > capacity { grow(to: count + extra) }
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let length = bytes.count
        reserve(length)
        let target = base + count
        if length <= 32 {
            // Most pieces are short (keys, names, numbers): word copies beat a memmove call.
            var offset = 0
            while offset + 8 <= length {
                UnsafeMutableRawPointer(target + offset).storeBytes(
                    of: UnsafeRawPointer(source + offset).loadUnaligned(as: UInt64.self), as: UInt64.self)
                offset &+= 8
            }
            while offset < length {
                target[offset] = source[offset]
                offset &+= 1
            }
        } else {
            target.update(from: source, count: length)
        }
        count &+= length
    }

    /// Appends the bytes of an ASCII literal.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// Forgets the bytes from `count` on.
    mutating func truncate(to count: Int) {
        self.count = min(max(0, count), self.count)
    }

    /// A copy of the bytes written.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Calls `body` with the bytes written.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }
}

// One owner at a time (`~Copyable`): moving it between tasks is safe.
extension ByteStore: @unchecked Sendable {}
