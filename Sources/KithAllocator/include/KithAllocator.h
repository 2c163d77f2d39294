// KithAllocator has no interface: it only sets the allocator of the `kith` executable (see
// allocator.c). SwiftPM wants a public header folder for a C target.
