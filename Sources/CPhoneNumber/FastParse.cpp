// The fast path: libphonenumber's ParseHelper and validation steps for inputs made only of ASCII
// digits, one leading `+` and the separators ` -.()/`, re-expressed over PhoneMetadataIndex.
// Each step names the libphonenumber function it mirrors; whenever a step would need more than
// the digit matcher can answer exactly (a pattern outside the subset, a prefix pattern that can
// consume several lengths, a national-prefix transform rule), the fast path declines and the
// caller asks libphonenumber. Agreement is checked by the tests and the benchmark.
// Digits live in one fixed buffer and are addressed by offset, so a parse allocates nothing.
#include <cstdio>
#include <cstring>
#include <string>

#include "PhoneMetadataIndex.hpp"
#include "include/CPhoneNumber.h"

namespace kith {
namespace {

enum Strip { Unchanged, Stripped, Decline };

/// Whether `mask` has exactly one bit set.
bool single(uint64_t mask) { return mask != 0 && (mask & (mask - 1)) == 0; }

int bitIndex(uint64_t mask) { return __builtin_ctzll(mask); }

/// MaybeStripNationalPrefixAndCarrierCode (without keeping the carrier code): on success
/// `consumed` is the number of leading digits the national prefix takes.
Strip stripNationalPrefix(const RegionMetadata &m, const char *digits, int length, int &consumed) {
    consumed = 0;
    if (length == 0 || m.nationalPrefixForParsing.empty()) return Unchanged;
    if (!m.nationalPrefixPattern.ok()) return Decline;
    DigitInput input(digits, length);
    uint64_t ends = m.nationalPrefixPattern.prefixEnds(input);
    // No match, or only the empty match: libphonenumber leaves the number as it is.
    if (ends == 0 || ends == 1) return Unchanged;
    // A transform rule rewrites captured groups; several reachable ends depend on the engine's
    // choice. Neither is modelled.
    if (m.hasTransformRule || !single(ends)) return Decline;
    int take = bitIndex(ends);
    if (m.general.pattern.fullMatch(input)) {
        DigitInput rest(digits + take, length - take);
        if (!m.general.pattern.fullMatch(rest)) return Unchanged;
    }
    consumed = take;
    return Stripped;
}

/// ExtractCountryCode: the first 1–3 digit prefix that is a known calling code.
int extractCountryCode(const PhoneMetadataIndex &index, const char *digits, int length, int &consumed) {
    consumed = 0;
    if (length == 0 || digits[0] == '0') return 0;
    int code = 0;
    for (int i = 0; i < 3 && i < length; ++i) {
        code = code * 10 + (digits[i] - '0');
        if (index.regionsForCountryCode(code) != nullptr) {
            consumed = i + 1;
            return code;
        }
    }
    return 0;
}

/// GetMetadataForRegionOrCallingCode.
const RegionMetadata *metadataFor(const PhoneMetadataIndex &index, int countryCode, const std::string &region) {
    if (region.size() == 3 && region == "001") return index.nonGeographic(countryCode);
    return index.region(region.c_str());
}

void copyText(char *out, size_t capacity, const char *text, size_t length) {
    size_t n = length < capacity - 1 ? length : capacity - 1;
    std::memcpy(out, text, n);
    out[n] = 0;
}

}  // namespace

bool fastParseNumber(const char *raw, size_t length, const char *regionCode, kith_phone_result *out);

/// Returns true and fills `out` when the fast path applies. Handles a trailing extension written
/// ` ext. 123`, ` ext 123`, ` x123`, ` x 123` or `;ext=123` (1–6 digits; MaybeStripExtension's
/// explicit labels) by parsing the number before it.
bool fastParse(const char *raw, size_t length, const char *regionCode, kith_phone_result *out) {
    size_t end = length;
    while (end > 0 && raw[end - 1] >= '0' && raw[end - 1] <= '9') --end;
    size_t digitCount = length - end;
    if (digitCount == 0 || digitCount == length) return fastParseNumber(raw, length, regionCode, out);
    // The label before the digits.
    size_t label = end;
    while (label > 0 && raw[label - 1] == ' ') --label;
    auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
    auto endsWith = [&](size_t at, const char *text) {
        size_t n = std::strlen(text);
        if (at < n) return false;
        for (size_t i = 0; i < n; ++i)
            if (lower(raw[at - n + i]) != text[i]) return false;
        return true;
    };
    size_t numberEnd;
    if (endsWith(label, " ext.")) numberEnd = label - 5;
    else if (endsWith(label, " ext")) numberEnd = label - 4;
    else if (endsWith(label, " x")) numberEnd = label - 2;
    else if (end == label && endsWith(label, ";ext=")) numberEnd = label - 5;
    else {
        // No label: the digits belong to the number.
        return fastParseNumber(raw, length, regionCode, out);
    }
    if (digitCount > 6 || numberEnd == 0 || raw[numberEnd - 1] < '0' || raw[numberEnd - 1] > '9') return false;
    if (!fastParseNumber(raw, numberEnd, regionCode, out)) return false;
    if (out->error == KITH_PHONE_OK) copyText(out->extension, sizeof out->extension, raw + end, digitCount);
    return true;
}

bool fastParseNumber(const char *raw, size_t length, const char *regionCode, kith_phone_result *out) {
    // Shape: digits, separators, and at most one `+` before the first digit.
    char digits[48];
    int count = 0;
    bool plus = false;
    for (size_t i = 0; i < length; ++i) {
        char c = raw[i];
        if (c >= '0' && c <= '9') {
            if (count >= 40) return false;
            digits[count++] = c;
        } else if (c == '+') {
            if (plus || count > 0) return false;
            plus = true;
        } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') {
            return false;
        }
    }
    // IsViablePhoneNumber needs three digits (or exactly two); leave short input to the library.
    if (count < 3) return false;

    const PhoneMetadataIndex &index = PhoneMetadataIndex::shared();
    const RegionMetadata *defaultRegion = index.region(regionCode);

    std::memset(out, 0, sizeof *out);
    // CheckRegionForParsing.
    if (!defaultRegion && !plus) {
        out->error = KITH_PHONE_INVALID_COUNTRY_CODE;
        return true;
    }

    // The number is digits[start ..< count].
    int start = 0;
    int countryCode = 0;
    // MaybeExtractCountryCode.
    if (plus) {
        int consumed = 0;
        countryCode = extractCountryCode(index, digits, count, consumed);
        if (countryCode == 0) return false;  // libphonenumber retries without the plus sign
        start = consumed;
    } else {
        if (!defaultRegion->ok || defaultRegion->internationalPrefix.empty() ||
            !defaultRegion->internationalPrefixPattern.ok())
            return false;
        DigitInput all(digits, count);
        uint64_t idd = defaultRegion->internationalPrefixPattern.prefixEnds(all);
        bool fromIDD = false;
        if (idd != 0) {
            if (!single(idd) || idd == 1) return false;
            int consumed = bitIndex(idd);
            // ParsePrefixAsIdd: calling codes never start with 0.
            if (!(consumed < count && digits[consumed] == '0')) {
                fromIDD = true;
                start = consumed;
            }
        }
        if (fromIDD) {
            if (count - start <= 2) {
                out->error = KITH_PHONE_TOO_SHORT_AFTER_IDD;
                return true;
            }
            int consumed = 0;
            countryCode = extractCountryCode(index, digits + start, count - start, consumed);
            if (countryCode == 0) {
                out->error = KITH_PHONE_INVALID_COUNTRY_CODE;
                return true;
            }
            start += consumed;
        } else {
            char code[8];
            int codeLength = std::snprintf(code, sizeof code, "%d", defaultRegion->countryCode);
            if (codeLength > 0 && codeLength <= count && std::memcmp(digits, code, static_cast<size_t>(codeLength)) == 0) {
                const char *potential = digits + codeLength;
                int potentialLength = count - codeLength;
                int consumed = 0;
                if (stripNationalPrefix(*defaultRegion, potential, potentialLength, consumed) == Decline) return false;
                potential += consumed;
                potentialLength -= consumed;
                DigitInput potentialInput(potential, potentialLength);
                if ((!defaultRegion->general.pattern.fullMatch(all) &&
                     defaultRegion->general.pattern.fullMatch(potentialInput)) ||
                    PhoneMetadataIndex::testLength(count, *defaultRegion) == TooLong) {
                    start = static_cast<int>(potential - digits);
                    countryCode = defaultRegion->countryCode;
                }
            }
        }
    }
    const std::vector<std::string> *regions = nullptr;
    const RegionMetadata *metadata = nullptr;
    if (countryCode != 0) {
        regions = index.regionsForCountryCode(countryCode);
        if (!regions || regions->empty()) return false;
        metadata = metadataFor(index, countryCode, regions->front());
    } else {
        metadata = defaultRegion;
        countryCode = defaultRegion->countryCode;
        regions = index.regionsForCountryCode(countryCode);
        if (!regions || regions->empty()) return false;
    }
    if (!metadata || !metadata->ok) return false;
    // ParseHelper, after the calling code.
    if (count - start < 2) {
        out->error = KITH_PHONE_TOO_SHORT_NSN;
        return true;
    }
    int consumed = 0;
    Strip strip = stripNationalPrefix(*metadata, digits + start, count - start, consumed);
    if (strip == Decline) return false;
    if (strip == Stripped) {
        LengthResult result = PhoneMetadataIndex::testLength(count - start - consumed, *metadata);
        if (result != TooShort && result != IsPossibleLocalOnly && result != InvalidLength) start += consumed;
    }
    const char *nsnDigits = digits + start;
    int nsnLength = count - start;
    if (nsnLength < 2) {
        out->error = KITH_PHONE_TOO_SHORT_NSN;
        return true;
    }
    if (nsnLength > 17) {
        out->error = KITH_PHONE_TOO_LONG_NSN;
        return true;
    }

    // The national significant number is the digit string itself (leading zeros kept as
    // SetItalianLeadingZerosForPhoneNumber records them).
    DigitInput nsn(nsnDigits, nsnLength);

    // GetRegionCodeForNumber.
    const std::string *numberRegion = nullptr;
    if (regions->size() == 1) {
        numberRegion = &regions->front();
    } else {
        for (const std::string &candidate : *regions) {
            const RegionMetadata *m = index.region(candidate.c_str());
            if (!m || !m->ok) return false;
            if (m->hasLeadingDigits) {
                if (m->leadingDigits.prefixEnds(nsn) != 0) {
                    numberRegion = &candidate;
                    break;
                }
            } else if (PhoneMetadataIndex::numberType(nsn, *m) != KITH_PHONE_TYPE_UNKNOWN) {
                numberRegion = &candidate;
                break;
            }
        }
    }
    // GetNumberType and IsValidNumber (IsValidNumberForRegion with that region).
    int type = KITH_PHONE_TYPE_UNKNOWN;
    bool valid = false;
    if (numberRegion) {
        const RegionMetadata *typeMetadata = metadataFor(index, countryCode, *numberRegion);
        if (typeMetadata) {
            if (!typeMetadata->ok) return false;
            type = PhoneMetadataIndex::numberType(nsn, *typeMetadata);
            valid = (*numberRegion == "001" || countryCode == typeMetadata->countryCode) && type != KITH_PHONE_TYPE_UNKNOWN;
        }
    }
    // IsPossibleNumberWithReason: the lengths of the calling code's main region.
    const RegionMetadata *mainMetadata = metadataFor(index, countryCode, regions->front());
    if (!mainMetadata || !mainMetadata->ok) return false;
    int possible = PhoneMetadataIndex::testLength(nsnLength, *mainMetadata);

    out->error = KITH_PHONE_OK;
    out->country_code = countryCode;
    out->number_type = type;
    out->possible = possible;
    out->is_valid = valid ? 1 : 0;
    int prefixLength = std::snprintf(out->e164, sizeof out->e164, "+%d", countryCode);
    if (prefixLength < 0 || prefixLength + nsnLength >= static_cast<int>(sizeof out->e164)) return false;
    std::memcpy(out->e164 + prefixLength, nsnDigits, static_cast<size_t>(nsnLength));
    out->e164[prefixLength + nsnLength] = 0;
    if (numberRegion) {
        copyText(out->region, sizeof out->region, numberRegion->data(), numberRegion->size());
    } else {
        copyText(out->region, sizeof out->region, "ZZ", 2);
    }
    return true;
}

}  // namespace kith
