#include "PhoneMetadataIndex.hpp"

#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <list>
#include <set>

#include "include/CPhoneNumber.h"

// The library's compiled-in metadata (libphonenumber's metadata.h, not installed as a header).
namespace i18n {
namespace phonenumbers {
int metadata_size();
const void *metadata_get();
}  // namespace phonenumbers
}  // namespace i18n

namespace kith {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumberDesc;
using i18n::phonenumbers::PhoneNumberUtil;

static void load(NumberDesc &out, const PhoneNumberDesc &desc, bool &ok) {
    out.lengths.assign(desc.possible_length().begin(), desc.possible_length().end());
    out.localLengths.assign(desc.possible_length_local_only().begin(), desc.possible_length_local_only().end());
    out.pattern = DigitPattern(desc.national_number_pattern());
    if (!out.pattern.ok()) ok = false;
}

PhoneMetadataIndex::PhoneMetadataIndex() {
    PhoneMetadataCollection collection;
    if (!collection.ParseFromArray(i18n::phonenumbers::metadata_get(), i18n::phonenumbers::metadata_size())) return;
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    all_.reserve(static_cast<size_t>(collection.metadata_size()));
    for (const PhoneMetadata &m : collection.metadata()) {
        RegionMetadata r;
        r.id = m.id();
        r.countryCode = m.country_code();
        bool ok = true;
        load(r.general, m.general_desc(), ok);
        load(r.fixedLine, m.fixed_line(), ok);
        load(r.mobile, m.mobile(), ok);
        load(r.tollFree, m.toll_free(), ok);
        load(r.premiumRate, m.premium_rate(), ok);
        load(r.sharedCost, m.shared_cost(), ok);
        load(r.personalNumber, m.personal_number(), ok);
        load(r.voip, m.voip(), ok);
        load(r.pager, m.pager(), ok);
        load(r.uan, m.uan(), ok);
        load(r.voicemail, m.voicemail(), ok);
        if (r.general.lengths.empty()) ok = false;
        r.sameMobileAndFixedLinePattern = m.same_mobile_and_fixed_line_pattern();
        r.internationalPrefix = m.international_prefix();
        r.internationalPrefixPattern = DigitPattern(r.internationalPrefix);
        r.nationalPrefixForParsing = m.national_prefix_for_parsing();
        r.nationalPrefixPattern = DigitPattern(r.nationalPrefixForParsing);
        r.hasTransformRule = !m.national_prefix_transform_rule().empty();
        r.hasLeadingDigits = m.has_leading_digits();
        if (r.hasLeadingDigits) {
            r.leadingDigits = DigitPattern(m.leading_digits());
            if (!r.leadingDigits.ok()) ok = false;
        }
        r.ok = ok;
        const size_t index = all_.size();
        all_.push_back(std::move(r));
        if (m.id() == "001") {
            nonGeographic_[m.country_code()] = index;
        } else {
            byRegion_[m.id()] = index;
        }
    }
    std::set<int> codes;
    for (const RegionMetadata &r : all_) codes.insert(r.countryCode);
    for (int code : codes) {
        std::list<std::string> regions;
        util->GetRegionCodesForCountryCallingCode(code, &regions);
        if (!regions.empty()) regionsByCode_[code].assign(regions.begin(), regions.end());
    }
}

const PhoneMetadataIndex &PhoneMetadataIndex::shared() {
    static const PhoneMetadataIndex index;
    return index;
}

const RegionMetadata *PhoneMetadataIndex::region(const std::string &code) const {
    auto it = byRegion_.find(code);
    return it == byRegion_.end() ? nullptr : &all_[it->second];
}

const RegionMetadata *PhoneMetadataIndex::regionOrCallingCode(int countryCode, const std::string &region) const {
    if (region == "001") {
        auto it = nonGeographic_.find(countryCode);
        return it == nonGeographic_.end() ? nullptr : &all_[it->second];
    }
    return this->region(region);
}

const std::vector<std::string> *PhoneMetadataIndex::regionsForCountryCode(int countryCode) const {
    auto it = regionsByCode_.find(countryCode);
    return it == regionsByCode_.end() ? nullptr : &it->second;
}

LengthResult PhoneMetadataIndex::testLength(int length, const RegionMetadata &m) {
    const std::vector<int> &lengths = m.general.lengths;
    if (lengths.empty() || lengths[0] == -1) return InvalidLength;
    const std::vector<int> &local = m.general.localLengths;
    if (std::find(local.begin(), local.end(), length) != local.end()) return IsPossibleLocalOnly;
    int minimum = lengths[0];
    if (minimum == length) return IsPossible;
    if (minimum > length) return TooShort;
    if (lengths.back() < length) return TooLong;
    return std::find(lengths.begin() + 1, lengths.end(), length) != lengths.end() ? IsPossible : InvalidLength;
}

bool PhoneMetadataIndex::matchesDesc(const DigitInput &input, const NumberDesc &desc) {
    if (!desc.lengths.empty() && std::find(desc.lengths.begin(), desc.lengths.end(), input.length) == desc.lengths.end())
        return false;
    return desc.pattern.fullMatch(input);
}

int PhoneMetadataIndex::numberType(const DigitInput &input, const RegionMetadata &m) {
    if (!matchesDesc(input, m.general)) return KITH_PHONE_TYPE_UNKNOWN;
    if (matchesDesc(input, m.premiumRate)) return KITH_PHONE_TYPE_PREMIUM_RATE;
    if (matchesDesc(input, m.tollFree)) return KITH_PHONE_TYPE_TOLL_FREE;
    if (matchesDesc(input, m.sharedCost)) return KITH_PHONE_TYPE_SHARED_COST;
    if (matchesDesc(input, m.voip)) return KITH_PHONE_TYPE_VOIP;
    if (matchesDesc(input, m.personalNumber)) return KITH_PHONE_TYPE_PERSONAL_NUMBER;
    if (matchesDesc(input, m.pager)) return KITH_PHONE_TYPE_PAGER;
    if (matchesDesc(input, m.uan)) return KITH_PHONE_TYPE_UAN;
    if (matchesDesc(input, m.voicemail)) return KITH_PHONE_TYPE_VOICEMAIL;
    if (matchesDesc(input, m.fixedLine)) {
        if (m.sameMobileAndFixedLinePattern) return KITH_PHONE_TYPE_FIXED_LINE_OR_MOBILE;
        if (matchesDesc(input, m.mobile)) return KITH_PHONE_TYPE_FIXED_LINE_OR_MOBILE;
        return KITH_PHONE_TYPE_FIXED_LINE;
    }
    if (!m.sameMobileAndFixedLinePattern && matchesDesc(input, m.mobile)) return KITH_PHONE_TYPE_MOBILE;
    return KITH_PHONE_TYPE_UNKNOWN;
}

}  // namespace kith
