// The `kith` executable allocates through jemalloc on Linux (linked by Package.swift), which
// spends less time than glibc's malloc on the many small, short-lived strings and arrays an
// import makes, and gives memory back sooner. jemalloc reads its settings from this symbol at
// start-up; the environment's MALLOC_CONF still applies on top of it.
//
// - narenas:2: one arena per core of a 2-core machine instead of four per core; threads beyond
//   that share, and peak memory is lower.
// - dirty_decay_ms / muzzy_decay_ms: freed pages go back to the system within a second.
#include "KithAllocator.h"

#if defined(__linux__)
const char *malloc_conf = "narenas:2,dirty_decay_ms:1000,muzzy_decay_ms:0";
#endif

