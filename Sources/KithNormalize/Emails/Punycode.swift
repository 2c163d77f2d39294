/// Punycode (RFC 3492) and the IDNA `xn--` form of domain names, for email matching keys.
///
/// Only encoding is needed: a key compares two domains, so both sides are brought to ASCII.
/// Labels are lower-cased and NFC-normalized before encoding (a simplification of UTS #46
/// mapping that covers the names seen in address books).
public enum Punycode {
    // RFC 3492 §5: parameter values for Punycode.
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
    private static let initialBias = 72, initialN = 128

    /// Encodes a string of Unicode scalars as Punycode (RFC 3492 §6.3), without the `xn--` prefix.
    ///
    /// - Parameter input: The label (`bücher`).
    /// - Returns: The Punycode (`bcher-kva`), or `nil` on overflow.
    /// - Complexity: O(n²) in the label length, which DNS caps at 63.
    public static func encode(_ input: String) -> String? {
        let scalars = input.unicodeScalars.map { Int($0.value) }
        var output: [UInt8] = scalars.filter { $0 < 0x80 }.map { UInt8($0) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }
        var n = initialN
        var delta = 0
        var bias = initialBias
        while handled < scalars.count {
            guard let m = scalars.filter({ $0 >= n }).min() else { return nil }
            let (product, overflow) = (m - n).multipliedReportingOverflow(by: handled + 1)
            if overflow { return nil }
            delta += product
            n = m
            for c in scalars {
                if c < n { delta += 1 }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The ASCII form of a domain name: labels with non-ASCII characters become `xn--` Punycode.
    ///
    /// - Parameter domain: A domain (`bücher.example`), any case.
    /// - Returns: The lower-case ASCII form (`xn--bcher-kva.example`); unencodable labels are
    ///   kept, and so are labels longer than DNS allows (63), which no domain has: encoding takes
    ///   time that grows with the square of a label's length (116 KB took 6 s).
    public static func asciiDomain(_ domain: String) -> String {
        let lower = domain.lowercased()
        if lower.utf8.allSatisfy({ $0 < 0x80 }) { return lower }
        return lower.precomposedStringWithCanonicalMappingCompat.split(separator: ".", omittingEmptySubsequences: false)
            .map { label -> String in
                if label.utf8.allSatisfy({ $0 < 0x80 }) || label.unicodeScalars.count > maxLabelLength {
                    return String(label)
                }
                return encode(String(label)).map { "xn--" + $0 } ?? String(label)
            }
            .joined(separator: ".")
    }

    /// The longest label DNS allows (RFC 1035 §2.3.4), in octets.
    static let maxLabelLength = 63

    private static func digit(_ d: Int) -> UInt8 {
        d < 26 ? UInt8(97 + d) : UInt8(22 + d)  // a–z, then 0–9
    }

    private static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
