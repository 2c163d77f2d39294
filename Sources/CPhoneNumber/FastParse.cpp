// The fast path: libphonenumber's ParseHelper and validation steps for inputs made only of ASCII
// digits, one leading `+` and the separators ` -.()/`, re-expressed over PhoneMetadataIndex.
// Each step names the libphonenumber function it mirrors; whenever a step would need more than
// the digit matcher can answer exactly (a pattern outside the subset, a prefix pattern that can
// consume several lengths, a national-prefix transform rule), the fast path declines and the
// caller asks libphonenumber. Agreement is checked by the tests and the benchmark.
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

/// MaybeStripNationalPrefixAndCarrierCode (without keeping the carrier code).
Strip stripNationalPrefix(const RegionMetadata &m, std::string &number) {
    if (number.empty() || m.nationalPrefixForParsing.empty()) return Unchanged;
    if (!m.nationalPrefixPattern.ok()) return Decline;
    DigitInput input(number.data(), static_cast<int>(number.size()));
    uint64_t ends = m.nationalPrefixPattern.prefixEnds(input);
    // No match, or only the empty match: libphonenumber leaves the number as it is.
    if (ends == 0 || ends == 1) return Unchanged;
    // A transform rule rewrites captured groups; several reachable ends depend on the engine's
    // choice. Neither is modelled.
    if (m.hasTransformRule || !single(ends)) return Decline;
    int consumed = bitIndex(ends);
    std::string rest = number.substr(static_cast<size_t>(consumed));
    bool viableOriginal = m.general.pattern.fullMatch(input);
    if (viableOriginal) {
        DigitInput restInput(rest.data(), static_cast<int>(rest.size()));
        if (!m.general.pattern.fullMatch(restInput)) return Unchanged;
    }
    number = rest;
    return Stripped;
}

/// ExtractCountryCode: the first 1–3 digit prefix that is a known calling code.
int extractCountryCode(const PhoneMetadataIndex &index, std::string &number) {
    if (number.empty() || number[0] == '0') return 0;
    for (size_t i = 1; i <= 3 && i <= number.size(); ++i) {
        int code = std::stoi(number.substr(0, i));
        if (index.regionsForCountryCode(code) != nullptr) {
            number.erase(0, i);
            return code;
        }
    }
    return 0;
}

void copy(char *out, size_t capacity, const std::string &text) {
    size_t n = text.size() < capacity - 1 ? text.size() : capacity - 1;
    std::memcpy(out, text.data(), n);
    out[n] = 0;
}

}  // namespace

/// Returns true and fills `out` when the fast path applies.
bool fastParse(const char *raw, size_t length, const char *regionCode, kith_phone_result *out) {
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
    std::string region = regionCode ? regionCode : "";
    const RegionMetadata *defaultRegion = index.region(region);

    std::memset(out, 0, sizeof *out);
    // CheckRegionForParsing.
    if (!defaultRegion && !plus) {
        out->error = KITH_PHONE_INVALID_COUNTRY_CODE;
        return true;
    }

    std::string number(digits, static_cast<size_t>(count));
    int countryCode = 0;
    const RegionMetadata *metadata = nullptr;
    // MaybeExtractCountryCode.
    if (plus) {
        countryCode = extractCountryCode(index, number);
        if (countryCode == 0) return false;  // libphonenumber retries without the plus sign
    } else {
        if (!defaultRegion->ok || defaultRegion->internationalPrefix.empty() ||
            !defaultRegion->internationalPrefixPattern.ok())
            return false;
        DigitInput all(number.data(), count);
        uint64_t idd = defaultRegion->internationalPrefixPattern.prefixEnds(all);
        bool fromIDD = false;
        if (idd != 0) {
            if (!single(idd) || idd == 1) return false;
            size_t consumed = static_cast<size_t>(bitIndex(idd));
            // ParsePrefixAsIdd: calling codes never start with 0.
            if (consumed < number.size() && number[consumed] == '0') {
                fromIDD = false;
            } else {
                fromIDD = true;
                number.erase(0, consumed);
            }
        }
        if (fromIDD) {
            if (number.size() <= 2) {
                out->error = KITH_PHONE_TOO_SHORT_AFTER_IDD;
                return true;
            }
            countryCode = extractCountryCode(index, number);
            if (countryCode == 0) {
                out->error = KITH_PHONE_INVALID_COUNTRY_CODE;
                return true;
            }
        } else {
            std::string code = std::to_string(defaultRegion->countryCode);
            if (number.compare(0, code.size(), code) == 0) {
                std::string potential = number.substr(code.size());
                if (stripNationalPrefix(*defaultRegion, potential) == Decline) return false;
                DigitInput potentialInput(potential.data(), static_cast<int>(potential.size()));
                if ((!defaultRegion->general.pattern.fullMatch(all) &&
                     defaultRegion->general.pattern.fullMatch(potentialInput)) ||
                    PhoneMetadataIndex::testLength(count, *defaultRegion) == TooLong) {
                    number = potential;
                    countryCode = defaultRegion->countryCode;
                }
            }
        }
    }
    if (countryCode != 0) {
        const std::vector<std::string> *regions = index.regionsForCountryCode(countryCode);
        if (!regions || regions->empty()) return false;
        metadata = index.regionOrCallingCode(countryCode, regions->front());
    } else {
        metadata = defaultRegion;
        countryCode = defaultRegion->countryCode;
    }
    if (!metadata || !metadata->ok) return false;
    // ParseHelper, after the calling code.
    if (number.size() < 2) {
        out->error = KITH_PHONE_TOO_SHORT_NSN;
        return true;
    }
    std::string potential = number;
    Strip strip = stripNationalPrefix(*metadata, potential);
    if (strip == Decline) return false;
    if (strip == Stripped) {
        LengthResult result = PhoneMetadataIndex::testLength(static_cast<int>(potential.size()), *metadata);
        if (result != TooShort && result != IsPossibleLocalOnly && result != InvalidLength) number = potential;
    }
    if (number.size() < 2) {
        out->error = KITH_PHONE_TOO_SHORT_NSN;
        return true;
    }
    if (number.size() > 17) {
        out->error = KITH_PHONE_TOO_LONG_NSN;
        return true;
    }

    // The national significant number is the digit string itself (leading zeros kept as
    // SetItalianLeadingZerosForPhoneNumber records them).
    DigitInput nsn(number.data(), static_cast<int>(number.size()));
    const std::vector<std::string> *regions = index.regionsForCountryCode(countryCode);
    if (!regions || regions->empty()) return false;

    // GetRegionCodeForNumber.
    std::string numberRegion = "ZZ";
    if (regions->size() == 1) {
        numberRegion = regions->front();
    } else {
        for (const std::string &candidate : *regions) {
            const RegionMetadata *m = index.region(candidate);
            if (!m || !m->ok) return false;
            if (m->hasLeadingDigits) {
                if (m->leadingDigits.prefixEnds(nsn) != 0) {
                    numberRegion = candidate;
                    break;
                }
            } else if (PhoneMetadataIndex::numberType(nsn, *m) != KITH_PHONE_TYPE_UNKNOWN) {
                numberRegion = candidate;
                break;
            }
        }
    }
    // GetNumberType and IsValidNumber (IsValidNumberForRegion with that region).
    const RegionMetadata *typeMetadata = index.regionOrCallingCode(countryCode, numberRegion);
    int type = KITH_PHONE_TYPE_UNKNOWN;
    bool valid = false;
    if (typeMetadata) {
        if (!typeMetadata->ok) return false;
        type = PhoneMetadataIndex::numberType(nsn, *typeMetadata);
        valid = (numberRegion == "001" || countryCode == typeMetadata->countryCode) && type != KITH_PHONE_TYPE_UNKNOWN;
    }
    // IsPossibleNumberWithReason.
    const RegionMetadata *mainMetadata = index.regionOrCallingCode(countryCode, regions->front());
    if (!mainMetadata || !mainMetadata->ok) return false;
    int possible = PhoneMetadataIndex::testLength(nsn.length, *mainMetadata);

    out->error = KITH_PHONE_OK;
    out->country_code = countryCode;
    out->number_type = type;
    out->possible = possible;
    out->is_valid = valid ? 1 : 0;
    copy(out->e164, sizeof out->e164, "+" + std::to_string(countryCode) + number);
    copy(out->region, sizeof out->region, numberRegion);
    return true;
}

}  // namespace kith
