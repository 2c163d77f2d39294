#ifndef KITH_CLIBXML2_SHIM_H
#define KITH_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* libxml2 built with ICU includes the system's <unicode/ucnv.h> from encoding.h; Swift's
 * Foundation ships its own ICU headers (_FoundationICU) with different enum definitions, and a
 * module that sees both fails to build ("UErrorCode has different definitions"). Kith uses no
 * ICU-dependent libxml2 declaration (only the uconv fields of xmlCharEncodingHandler, which it
 * never touches), so the ICU part of the headers is left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#endif
