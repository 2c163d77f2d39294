#include "DigitPattern.hpp"

namespace kith {

DigitInput::DigitInput(const char *digits, int count) : length(count) {
    for (int d = 0; d < 10; ++d) positions[d] = 0;
    for (int p = 0; p < count && p < 63; ++p) {
        unsigned d = static_cast<unsigned>(digits[p] - '0');
        if (d < 10) positions[d] |= uint64_t(1) << p;
    }
}

DigitPattern::DigitPattern(const std::string &pattern) : ok_(true), empty_(pattern.empty()), root_(-1) {
    size_t i = 0;
    root_ = parseAlternation(pattern, i, 0);
    if (root_ < 0 || i != pattern.size()) ok_ = false;
}

int DigitPattern::parseAlternation(const std::string &p, size_t &i, int depth) {
    if (depth > 64) return -1;
    std::vector<int> branches;
    for (;;) {
        int branch = parseConcat(p, i, depth);
        if (branch < 0) return -1;
        branches.push_back(branch);
        if (i < p.size() && p[i] == '|') {
            ++i;
            continue;
        }
        break;
    }
    if (branches.size() == 1) return branches[0];
    nodes_.push_back(Node{Alternation, 0, 0, 0, branches});
    return static_cast<int>(nodes_.size()) - 1;
}

int DigitPattern::parseConcat(const std::string &p, size_t &i, int depth) {
    std::vector<int> items;
    while (i < p.size() && p[i] != '|' && p[i] != ')') {
        int atom = parseAtom(p, i, depth);
        if (atom < 0) return -1;
        // Quantifiers.
        while (i < p.size() && (p[i] == '?' || p[i] == '*' || p[i] == '+' || p[i] == '{')) {
            int lo = 0, hi = 0;
            if (p[i] == '?') { lo = 0; hi = 1; ++i; }
            else if (p[i] == '*') { lo = 0; hi = -1; ++i; }
            else if (p[i] == '+') { lo = 1; hi = -1; ++i; }
            else {
                ++i;
                size_t start = i;
                while (i < p.size() && p[i] >= '0' && p[i] <= '9') lo = lo * 10 + (p[i++] - '0');
                if (i == start || lo > 64) return -1;
                hi = lo;
                if (i < p.size() && p[i] == ',') {
                    ++i;
                    size_t hs = i;
                    hi = 0;
                    while (i < p.size() && p[i] >= '0' && p[i] <= '9') hi = hi * 10 + (p[i++] - '0');
                    if (i == hs) hi = -1;
                    if (hi > 64) return -1;
                }
                if (i >= p.size() || p[i] != '}') return -1;
                ++i;
            }
            // A lazy or possessive suffix is outside the subset.
            if (i < p.size() && (p[i] == '?' || p[i] == '+')) return -1;
            nodes_.push_back(Node{Repeat, 0, static_cast<int16_t>(lo), static_cast<int16_t>(hi), {atom}});
            atom = static_cast<int>(nodes_.size()) - 1;
        }
        items.push_back(atom);
    }
    if (items.size() == 1) return items[0];
    nodes_.push_back(Node{Concat, 0, 0, 0, items});
    return static_cast<int>(nodes_.size()) - 1;
}

int DigitPattern::parseAtom(const std::string &p, size_t &i, int depth) {
    char c = p[i];
    if (c >= '0' && c <= '9') {
        ++i;
        nodes_.push_back(Node{Class, static_cast<uint16_t>(1u << (c - '0')), 0, 0, {}});
        return static_cast<int>(nodes_.size()) - 1;
    }
    if (c == '\\') {
        if (i + 1 < p.size() && p[i + 1] == 'd') {
            i += 2;
            nodes_.push_back(Node{Class, 0x3FF, 0, 0, {}});
            return static_cast<int>(nodes_.size()) - 1;
        }
        return -1;
    }
    if (c == '[') {
        uint16_t set = 0;
        if (!parseClass(p, i, set)) return -1;
        nodes_.push_back(Node{Class, set, 0, 0, {}});
        return static_cast<int>(nodes_.size()) - 1;
    }
    if (c == '$') {
        ++i;
        nodes_.push_back(Node{End, 0, 0, 0, {}});
        return static_cast<int>(nodes_.size()) - 1;
    }
    if (c == '(') {
        ++i;
        if (i + 1 < p.size() && p[i] == '?') {
            if (p[i + 1] != ':') return -1;
            i += 2;
        }
        int inner = parseAlternation(p, i, depth + 1);
        if (inner < 0 || i >= p.size() || p[i] != ')') return -1;
        ++i;
        return inner;
    }
    return -1;
}

bool DigitPattern::parseClass(const std::string &p, size_t &i, uint16_t &set) {
    ++i;  // '['
    if (i < p.size() && p[i] == '^') return false;
    bool first = true;
    while (i < p.size() && (p[i] != ']' || first)) {
        first = false;
        char c = p[i];
        if (c == '\\' && i + 1 < p.size() && p[i + 1] == 'd') {
            set |= 0x3FF;
            i += 2;
            continue;
        }
        if (c < '0' || c > '9') return false;
        if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
            char e = p[i + 2];
            if (e < c || e > '9') return false;
            for (char d = c; d <= e; ++d) set |= static_cast<uint16_t>(1u << (d - '0'));
            i += 3;
        } else {
            set |= static_cast<uint16_t>(1u << (c - '0'));
            ++i;
        }
    }
    if (i >= p.size()) return false;
    ++i;  // ']'
    return true;
}

uint64_t DigitPattern::ends(int index, uint64_t starts, const DigitInput &input) const {
    if (starts == 0) return 0;
    const Node &node = nodes_[static_cast<size_t>(index)];
    switch (node.kind) {
    case Class: {
        uint64_t at = 0;
        for (int d = 0; d < 10; ++d)
            if (node.set & (1u << d)) at |= input.positions[d];
        return (starts & at) << 1;
    }
    case End:
        return starts & (uint64_t(1) << input.length);
    case Concat: {
        uint64_t m = starts;
        for (int child : node.children) {
            m = ends(child, m, input);
            if (m == 0) return 0;
        }
        return m;
    }
    case Alternation: {
        uint64_t m = 0;
        for (int child : node.children) m |= ends(child, starts, input);
        return m;
    }
    case Repeat: {
        int child = node.children[0];
        uint64_t m = starts;
        for (int k = 0; k < node.min; ++k) {
            m = ends(child, m, input);
            if (m == 0) return 0;
        }
        uint64_t all = m;
        int limit = node.max < 0 ? 64 : node.max - node.min;
        for (int k = 0; k < limit; ++k) {
            m = ends(child, m, input);
            uint64_t grown = all | m;
            if (grown == all) break;
            all = grown;
        }
        return all;
    }
    }
    return 0;
}

uint64_t DigitPattern::prefixEnds(const DigitInput &input) const {
    if (!ok_ || root_ < 0) return 0;
    return ends(root_, 1, input);
}

bool DigitPattern::fullMatch(const DigitInput &input) const {
    if (!ok_ || empty_ || root_ < 0) return false;
    return (ends(root_, 1, input) >> input.length) & 1;
}

}  // namespace kith
