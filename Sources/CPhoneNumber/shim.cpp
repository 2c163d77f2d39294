// The C API of CPhoneNumber: libphonenumber calls behind `extern "C"` functions.
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "PhoneMetadataIndex.hpp"
#include "include/CPhoneNumber.h"

namespace kith {
bool fastParse(const char *raw, size_t length, const char *regionCode, kith_phone_result *out);
}

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

static_assert(static_cast<int>(PhoneNumberUtil::NO_PARSING_ERROR) == static_cast<int>(KITH_PHONE_OK), "ErrorType");
static_assert(static_cast<int>(PhoneNumberUtil::TOO_LONG_NSN) == static_cast<int>(KITH_PHONE_TOO_LONG_NSN), "ErrorType");
static_assert(static_cast<int>(PhoneNumberUtil::UNKNOWN) == static_cast<int>(KITH_PHONE_TYPE_UNKNOWN), "PhoneNumberType");
static_assert(static_cast<int>(PhoneNumberUtil::VOICEMAIL) == static_cast<int>(KITH_PHONE_TYPE_VOICEMAIL), "PhoneNumberType");
static_assert(static_cast<int>(PhoneNumberUtil::TOO_LONG) == static_cast<int>(KITH_PHONE_LENGTH_TOO_LONG), "ValidationResult");
static_assert(static_cast<int>(PhoneNumberUtil::EXACT_MATCH) == static_cast<int>(KITH_PHONE_MATCH_EXACT), "MatchType");
static_assert(static_cast<int>(PhoneNumberUtil::RFC3966) == static_cast<int>(KITH_PHONE_FORMAT_RFC3966), "PhoneNumberFormat");

namespace {

void copy(char *out, size_t capacity, const std::string &text) {
    if (capacity == 0) return;
    size_t n = text.size() < capacity - 1 ? text.size() : capacity - 1;
    std::memcpy(out, text.data(), n);
    out[n] = 0;
}

std::string regionOrUnknown(const char *region) {
    return (region && *region) ? std::string(region) : std::string("ZZ");
}

/// The longest text read as a phone number: libphonenumber's own limit on its input
/// (MAX_INPUT_STRING_LENGTH of its Java and JavaScript versions). Its C++ Parse runs regular
/// expressions over the whole text before it looks at the length, in time that grows with the
/// square of the length (a 225 KB folded TEL value took minutes), so a longer text is answered
/// here, as the other versions answer it: too long.
constexpr size_t kMaxInputLength = 250;

}  // namespace

extern "C" void kith_phone_parse_reference(const char *raw, size_t length, const char *region, kith_phone_result *out) {
    std::memset(out, 0, sizeof *out);
    if (length > kMaxInputLength) {
        out->error = KITH_PHONE_TOO_LONG_NSN;
        return;
    }
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    PhoneNumberUtil::ErrorType error = util->Parse(std::string(raw, length), regionOrUnknown(region), &number);
    out->error = static_cast<int32_t>(error);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR) return;
    out->country_code = number.country_code();
    std::string e164;
    util->Format(number, PhoneNumberUtil::E164, &e164);
    copy(out->e164, sizeof out->e164, e164);
    std::string numberRegion;
    util->GetRegionCodeForNumber(number, &numberRegion);
    copy(out->region, sizeof out->region, numberRegion);
    out->number_type = static_cast<int32_t>(util->GetNumberType(number));
    out->is_valid = util->IsValidNumber(number) ? 1 : 0;
    out->possible = static_cast<int32_t>(util->IsPossibleNumberWithReason(number));
    if (number.has_extension()) {
        copy(out->extension, sizeof out->extension, number.extension());
        out->extension_truncated = number.extension().size() >= sizeof out->extension ? 1 : 0;
    }
}

extern "C" int kith_phone_parse_fast(const char *raw, size_t length, const char *region, kith_phone_result *out) {
    return kith::fastParse(raw, length, region, out) ? 1 : 0;
}

extern "C" void kith_phone_parse(const char *raw, size_t length, const char *region, kith_phone_result *out) {
    if (length <= kMaxInputLength && kith::fastParse(raw, length, region, out)) return;
    kith_phone_parse_reference(raw, length, region, out);
}

extern "C" int kith_phone_match(const char *a, size_t a_length, const char *b, size_t b_length) {
    // What the library answers for a text it cannot parse.
    if (a_length > kMaxInputLength || b_length > kMaxInputLength) return KITH_PHONE_MATCH_INVALID_NUMBER;
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    return static_cast<int>(util->IsNumberMatchWithTwoStrings(std::string(a, a_length), std::string(b, b_length)));
}

extern "C" int kith_phone_country_code_for_region(const char *region) {
    if (!region) return 0;
    const kith::RegionMetadata *m = kith::PhoneMetadataIndex::shared().region(region);
    return m ? m->countryCode : 0;
}

extern "C" void kith_phone_region_for_country_code(int country_code, char *out) {
    const std::vector<std::string> *regions = kith::PhoneMetadataIndex::shared().regionsForCountryCode(country_code);
    copy(out, 4, (regions && !regions->empty()) ? regions->front() : std::string("ZZ"));
}

extern "C" int kith_phone_is_supported_region(const char *region) {
    return region && kith::PhoneMetadataIndex::shared().region(region) != nullptr ? 1 : 0;
}

static const std::vector<std::string> &supportedRegions() {
    static const std::vector<std::string> regions = [] {
        std::set<std::string> found;
        PhoneNumberUtil::GetInstance()->GetSupportedRegions(&found);
        return std::vector<std::string>(found.begin(), found.end());
    }();
    return regions;
}

extern "C" int kith_phone_supported_region_count(void) { return static_cast<int>(supportedRegions().size()); }

extern "C" void kith_phone_supported_region(int index, char *out) {
    const std::vector<std::string> &regions = supportedRegions();
    copy(out, 4, (index >= 0 && static_cast<size_t>(index) < regions.size()) ? regions[static_cast<size_t>(index)] : "ZZ");
}

extern "C" int kith_phone_example_number(const char *region, int type, char *out, size_t capacity) {
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    if (type < 0 || type > KITH_PHONE_TYPE_UNKNOWN) return 0;
    PhoneNumber number;
    if (!util->GetExampleNumberForType(regionOrUnknown(region), static_cast<PhoneNumberUtil::PhoneNumberType>(type), &number))
        return 0;
    std::string text;
    util->Format(number, PhoneNumberUtil::E164, &text);
    copy(out, capacity, text);
    return 1;
}

extern "C" int kith_phone_format(const char *e164, int format, const char *calling_from, char *out, size_t capacity) {
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(std::string(e164), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return 0;
    std::string text;
    if (calling_from && *calling_from) {
        util->FormatOutOfCountryCallingNumber(number, calling_from, &text);
    } else {
        if (format < KITH_PHONE_FORMAT_E164 || format > KITH_PHONE_FORMAT_RFC3966) return 0;
        util->Format(number, static_cast<PhoneNumberUtil::PhoneNumberFormat>(format), &text);
    }
    copy(out, capacity, text);
    return 1;
}
