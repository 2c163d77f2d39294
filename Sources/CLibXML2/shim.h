#ifndef KITH_CLIBXML2_SHIM_H
#define KITH_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, so its encoding header pulls in the system's ICU headers,
// which clash with the ICU copy inside Foundation (`_FoundationICU`) in any Swift module that
// imports both. Kith never touches the ICU members of xmlCharEncodingHandler (it only passes
// handlers libxml2 owns), so the ICU part of the header is hidden from Swift.
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#endif
