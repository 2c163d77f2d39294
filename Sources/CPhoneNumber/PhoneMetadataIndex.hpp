// libphonenumber's metadata, read once from the library's own compiled-in copy, with every
// pattern compiled for DigitPattern. Read-only after construction, so shared by all threads.
#ifndef KITH_PHONE_METADATA_INDEX_HPP
#define KITH_PHONE_METADATA_INDEX_HPP
#include <map>
#include <string>
#include <vector>
#include "DigitPattern.hpp"

namespace kith {

/// One PhoneNumberDesc.
struct NumberDesc {
    std::vector<int> lengths;
    std::vector<int> localLengths;
    DigitPattern pattern;
};

/// One PhoneMetadata (a region, or a non-geographic calling code).
struct RegionMetadata {
    std::string id;
    int countryCode = 0;
    /// Whether every pattern below compiled; the fast path declines regions where one did not.
    bool ok = true;
    NumberDesc general, fixedLine, mobile, tollFree, premiumRate, sharedCost, personalNumber, voip,
        pager, uan, voicemail;
    bool sameMobileAndFixedLinePattern = false;
    std::string internationalPrefix;
    DigitPattern internationalPrefixPattern;
    std::string nationalPrefixForParsing;
    DigitPattern nationalPrefixPattern;
    bool hasTransformRule = false;
    bool hasLeadingDigits = false;
    DigitPattern leadingDigits;
};

/// Results of libphonenumber's validation steps (same values as its enums).
enum LengthResult { IsPossible = 0, IsPossibleLocalOnly = 1, TooShort = 3, InvalidLength = 4, TooLong = 5 };

class PhoneMetadataIndex {
public:
    static const PhoneMetadataIndex &shared();

    const RegionMetadata *region(const std::string &code) const;
    /// GetMetadataForRegionOrCallingCode.
    const RegionMetadata *regionOrCallingCode(int countryCode, const std::string &region) const;
    /// GetRegionCodesForCountryCallingCode, in libphonenumber's order (main country first).
    const std::vector<std::string> *regionsForCountryCode(int countryCode) const;

    /// TestNumberLength(number, metadata, UNKNOWN).
    static LengthResult testLength(int length, const RegionMetadata &m);
    /// IsNumberMatchingDesc.
    static bool matchesDesc(const DigitInput &input, const NumberDesc &desc);
    /// GetNumberTypeHelper; returns a KITH_PHONE_TYPE_* value.
    static int numberType(const DigitInput &input, const RegionMetadata &m);

private:
    PhoneMetadataIndex();
    std::vector<RegionMetadata> all_;
    std::map<std::string, size_t> byRegion_;
    std::map<int, size_t> nonGeographic_;
    std::map<int, std::vector<std::string>> regionsByCode_;
};

}  // namespace kith
#endif
