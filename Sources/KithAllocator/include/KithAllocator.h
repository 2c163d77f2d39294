#ifndef KITH_ALLOCATOR_H
#define KITH_ALLOCATOR_H

#if defined(__linux__)
/// jemalloc's settings for the `kith` executable (see allocator.c).
extern const char *malloc_conf;
#endif

#endif
