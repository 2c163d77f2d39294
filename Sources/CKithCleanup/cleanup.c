// Removing an output's temporary file when the process is stopped by a signal.
//
// The handler may only call async-signal-safe functions (unlink, sigaction, raise) and read
// memory no one is changing under it, so paths live in a fixed table of slots: a slot is taken
// (state 1) while its path is copied in and only then armed (state 2); the handler unlinks the
// armed ones. A slot is freed by storing 0; if the handler still unlinks its path, the file is
// already gone (renamed into place or removed), and unlink fails harmlessly.
#include "CKithCleanup.h"

#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

#define SLOTS 64

static char paths[SLOTS][PATH_MAX];
static atomic_int states[SLOTS];
static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
static struct sigaction previous[3];
static pthread_once_t installed = PTHREAD_ONCE_INIT;

static void on_signal(int sig) {
    for (int slot = 0; slot < SLOTS; slot++) {
        if (atomic_load(&states[slot]) == 2) unlink(paths[slot]);
    }
    // Then what the signal did before: stop the process (or the previous handler).
    for (int i = 0; i < 3; i++) {
        if (signals[i] == sig) sigaction(sig, &previous[i], NULL);
    }
    raise(sig);
}

static void install(void) {
    for (int i = 0; i < 3; i++) {
        struct sigaction old;
        if (sigaction(signals[i], NULL, &old) != 0) continue;
        // An ignored signal (nohup's SIGHUP) stays ignored.
        if (old.sa_handler == SIG_IGN) continue;
        previous[i] = old;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_signal;
        sigemptyset(&action.sa_mask);
        sigaction(signals[i], &action, NULL);
    }
}

int kith_cleanup_register(const char *path) {
    if (path == NULL || strlen(path) >= PATH_MAX) return -1;
    pthread_once(&installed, install);
    for (int slot = 0; slot < SLOTS; slot++) {
        int expected = 0;
        if (atomic_compare_exchange_strong(&states[slot], &expected, 1)) {
            strcpy(paths[slot], path);
            atomic_store(&states[slot], 2);
            return slot;
        }
    }
    return -1;
}

void kith_cleanup_unregister(int slot) {
    if (slot < 0 || slot >= SLOTS) return;
    atomic_store(&states[slot], 0);
}
