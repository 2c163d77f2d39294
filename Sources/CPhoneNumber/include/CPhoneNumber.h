#ifndef KITH_CPHONENUMBER_H
#define KITH_CPHONENUMBER_H
// A small C API over Google's libphonenumber (C++), for Swift. Swift never sees C++: the
// toolchain's C++ interop crashes on libphonenumber's protobuf types.
//
// Two parsers give the same answers:
//  - the reference path calls libphonenumber's Parse, Format(E164), GetRegionCodeForNumber,
//    GetNumberType, IsValidNumber and IsPossibleNumberWithReason (about 20 µs a number);
//  - the fast path handles the common shapes (`+` or national digits with spaces, dashes, dots,
//    parentheses and slashes) with libphonenumber's own metadata and the same algorithm, but a
//    small digit-only pattern matcher instead of ICU regular expressions. It declines (returns 0)
//    whenever an input or a region's metadata needs anything it does not model exactly.
// All functions are thread-safe.
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

/// libphonenumber's PhoneNumberUtil::ErrorType values, plus KITH_PHONE_NOT_UTF8.
enum {
    KITH_PHONE_OK = 0,
    KITH_PHONE_INVALID_COUNTRY_CODE = 1,
    KITH_PHONE_NOT_A_NUMBER = 2,
    KITH_PHONE_TOO_SHORT_AFTER_IDD = 3,
    KITH_PHONE_TOO_SHORT_NSN = 4,
    KITH_PHONE_TOO_LONG_NSN = 5,
};

/// libphonenumber's PhoneNumberUtil::PhoneNumberType values.
enum {
    KITH_PHONE_TYPE_FIXED_LINE = 0,
    KITH_PHONE_TYPE_MOBILE = 1,
    KITH_PHONE_TYPE_FIXED_LINE_OR_MOBILE = 2,
    KITH_PHONE_TYPE_TOLL_FREE = 3,
    KITH_PHONE_TYPE_PREMIUM_RATE = 4,
    KITH_PHONE_TYPE_SHARED_COST = 5,
    KITH_PHONE_TYPE_VOIP = 6,
    KITH_PHONE_TYPE_PERSONAL_NUMBER = 7,
    KITH_PHONE_TYPE_PAGER = 8,
    KITH_PHONE_TYPE_UAN = 9,
    KITH_PHONE_TYPE_VOICEMAIL = 10,
    KITH_PHONE_TYPE_UNKNOWN = 11,
};

/// libphonenumber's PhoneNumberUtil::ValidationResult values.
enum {
    KITH_PHONE_IS_POSSIBLE = 0,
    KITH_PHONE_IS_POSSIBLE_LOCAL_ONLY = 1,
    KITH_PHONE_LENGTH_INVALID_COUNTRY_CODE = 2,
    KITH_PHONE_LENGTH_TOO_SHORT = 3,
    KITH_PHONE_LENGTH_INVALID = 4,
    KITH_PHONE_LENGTH_TOO_LONG = 5,
};

/// libphonenumber's PhoneNumberUtil::MatchType values.
enum {
    KITH_PHONE_MATCH_INVALID_NUMBER = 0,
    KITH_PHONE_MATCH_NONE = 1,
    KITH_PHONE_MATCH_SHORT_NSN = 2,
    KITH_PHONE_MATCH_NSN = 3,
    KITH_PHONE_MATCH_EXACT = 4,
};

/// libphonenumber's PhoneNumberUtil::PhoneNumberFormat values.
enum {
    KITH_PHONE_FORMAT_E164 = 0,
    KITH_PHONE_FORMAT_INTERNATIONAL = 1,
    KITH_PHONE_FORMAT_NATIONAL = 2,
    KITH_PHONE_FORMAT_RFC3966 = 3,
};

/// Everything Kith reads from one parse. Strings are NUL-terminated ASCII.
typedef struct kith_phone_result {
    /// A KITH_PHONE_* error value; the fields below are set only when it is KITH_PHONE_OK.
    int32_t error;
    int32_t country_code;
    /// A KITH_PHONE_TYPE_* value (GetNumberType).
    int32_t number_type;
    /// A KITH_PHONE_IS_POSSIBLE/LENGTH_* value (IsPossibleNumberWithReason).
    int32_t possible;
    /// IsValidNumber.
    int32_t is_valid;
    /// Format(number, E164): `+` and at most 3 + 17 digits.
    char e164[24];
    /// GetRegionCodeForNumber: an ISO 3166-1 alpha-2 code, `001` (non-geographic) or `ZZ`.
    char region[4];
    /// The extension, empty when none; longer extensions are cut (see extension_truncated).
    char extension[40];
    int32_t extension_truncated;
} kith_phone_result;

/// Parses `raw` (UTF-8, `length` bytes) with `region` (upper-case ISO 3166-1 alpha-2, or NULL
/// or "" for none): the fast path when it applies, libphonenumber otherwise.
void kith_phone_parse(const char *raw, size_t length, const char *region, kith_phone_result *out);

/// The same answer computed by libphonenumber alone (used to verify the fast path).
void kith_phone_parse_reference(const char *raw, size_t length, const char *region, kith_phone_result *out);

/// The fast path alone: returns 1 and fills `out` when it applies, 0 when it declines.
int kith_phone_parse_fast(const char *raw, size_t length, const char *region, kith_phone_result *out);

/// libphonenumber's IsNumberMatchWithTwoStrings: a KITH_PHONE_MATCH_* value.
int kith_phone_match(const char *a, size_t a_length, const char *b, size_t b_length);

/// The country calling code of a supported region (`US` → 1), 0 when unknown.
int kith_phone_country_code_for_region(const char *region);

/// The main region of a country calling code (`44` → `GB`), `ZZ` when unknown; `out` holds 4 bytes.
void kith_phone_region_for_country_code(int country_code, char *out);

/// Whether libphonenumber has metadata for the region.
int kith_phone_is_supported_region(const char *region);

/// The number of supported regions; `kith_phone_supported_region(i, out)` writes the i-th (sorted).
int kith_phone_supported_region_count(void);
void kith_phone_supported_region(int index, char *out);

/// Writes libphonenumber's example number of `type` for `region` in E.164 into `out` (capacity
/// `capacity`); returns 0 when the region has none.
int kith_phone_example_number(const char *region, int type, char *out, size_t capacity);

/// Parses `e164` and writes it in `format` (KITH_PHONE_FORMAT_*); when `calling_from` is a
/// region, writes the form dialled from there instead (FormatOutOfCountryCallingNumber).
/// Returns 0 when `e164` does not parse.
int kith_phone_format(const char *e164, int format, const char *calling_from, char *out, size_t capacity);

#ifdef __cplusplus
}
#endif
#endif
