#ifndef CKITHCLEANUP_H
#define CKITHCLEANUP_H

// Files to remove if the process is stopped by SIGINT, SIGTERM or SIGHUP (Ctrl-C, kill, a
// closed terminal): the temporary files an output is written to before it is put in place.

/// Registers `path` for removal; returns its slot, or -1 when every slot is taken (the file is
/// then not removed on a signal). The first call installs the signal handlers.
int kith_cleanup_register(const char *path);

/// Forgets a slot `kith_cleanup_register` returned (-1 is ignored).
void kith_cleanup_unregister(int slot);

#endif
