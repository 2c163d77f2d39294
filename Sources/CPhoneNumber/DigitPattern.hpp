// A matcher for the regular expressions of libphonenumber's metadata, over ASCII digits only.
//
// The metadata patterns use digits, `\d`, `[...]` classes, `(...)`/`(?:...)` groups, `|`, `?`,
// `*`, `+`, `{n}`, `{n,m}` and `$`. All of these are regular, so instead of backtracking the
// matcher computes the *set of end positions* a pattern can reach from a set of start
// positions (a 64-bit mask; inputs are at most 48 digits). A full match is "end position ==
// length reachable"; a prefix match (ICU's lookingAt, libphonenumber's Consume) is "some end
// position reachable" — and when exactly one end position is reachable, that is the length
// any backtracking engine consumes, which is what the fast parser relies on.
#ifndef KITH_DIGIT_PATTERN_HPP
#define KITH_DIGIT_PATTERN_HPP
#include <cstdint>
#include <string>
#include <vector>

namespace kith {

/// The digits of one input, indexed for the matcher.
struct DigitInput {
    /// positions[d]: bit p set when the digit at position p is d.
    uint64_t positions[10];
    int length;

    DigitInput(const char *digits, int count);
};

class DigitPattern {
public:
    /// Compiles `pattern`; `ok()` is false when it uses a construct outside the subset.
    explicit DigitPattern(const std::string &pattern);
    DigitPattern() : ok_(false), empty_(true), root_(-1) {}

    bool ok() const { return ok_; }
    /// Whether the source pattern was empty (libphonenumber treats an empty national-number
    /// pattern as matching nothing).
    bool empty() const { return empty_; }

    /// The end positions reachable from position 0.
    uint64_t prefixEnds(const DigitInput &input) const;
    /// Whether the whole input matches.
    bool fullMatch(const DigitInput &input) const;

private:
    enum Kind : uint8_t { Class, Concat, Alternation, Repeat, End };
    struct Node {
        Kind kind;
        uint16_t set;  // Class: bit d for digit d
        int16_t min, max;  // Repeat; max < 0 is unbounded
        std::vector<int> children;
    };
    std::vector<Node> nodes_;
    bool ok_;
    bool empty_;
    int root_;

    int parseAlternation(const std::string &p, size_t &i, int depth);
    int parseConcat(const std::string &p, size_t &i, int depth);
    int parseAtom(const std::string &p, size_t &i, int depth);
    bool parseClass(const std::string &p, size_t &i, uint16_t &set);
    uint64_t ends(int node, uint64_t starts, const DigitInput &input) const;
};

}  // namespace kith
#endif
