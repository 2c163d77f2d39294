// The `kith` executable allocates through jemalloc on Linux (linked by Package.swift), which
// spends less time than glibc's malloc on the many small, short-lived strings and arrays an
// import makes, and gives memory back sooner. jemalloc reads its settings from this symbol at
// start-up; the environment's MALLOC_CONF still applies on top of it.
//
// - narenas:2: two arenas instead of four per CPU. Each thread allocates small blocks from its
//   own cache, so the arenas are taken only to refill it; fewer arenas hold less memory (on the
//   2-core machine the benchmarks run on, a streamed 100 MB import peaks at 91-93 MB with two,
//   97-101 MB with one per CPU or jemalloc's default). On a machine of many cores,
//   MALLOC_CONF=narenas:N gives more.
// - dirty_decay_ms / muzzy_decay_ms: freed pages go back to the system within a second.
#if defined(__linux__)
const char *malloc_conf = "narenas:2,dirty_decay_ms:1000,muzzy_decay_ms:0";
#endif
