/*
 * LD_PRELOAD shim for the fault suite (README "Fault testing"): adds the number of seconds in the
 * file named by REALTIME_OFFSET_FILE to the wall clock (CLOCK_REALTIME, gettimeofday, time) of the
 * process, re-read at most every 50 ms; the monotonic clock is left alone, as in a real clock
 * step. libfaketime 0.9.10 cannot do this for a JVM (see README).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>

static int (*real_clock_gettime)(clockid_t, struct timespec *);
static _Atomic long offset_seconds;
static _Atomic long next_read_ns;

static long offset(void) {
  struct timespec now;
  real_clock_gettime(CLOCK_MONOTONIC, &now);
  long ns = now.tv_sec * 1000000000L + now.tv_nsec;
  if (ns >= atomic_load(&next_read_ns)) {
    atomic_store(&next_read_ns, ns + 50000000L);
    const char *path = getenv("REALTIME_OFFSET_FILE");
    FILE *file = path == NULL ? NULL : fopen(path, "re");
    if (file != NULL) {
      long seconds;
      if (fscanf(file, "%ld", &seconds) == 1) {
        atomic_store(&offset_seconds, seconds);
      }
      fclose(file);
    }
  }
  return atomic_load(&offset_seconds);
}

int clock_gettime(clockid_t clock, struct timespec *time) {
  if (real_clock_gettime == NULL) {
    real_clock_gettime = dlsym(RTLD_NEXT, "clock_gettime");
  }
  int result = real_clock_gettime(clock, time);
  if (result == 0 && (clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE)) {
    time->tv_sec += offset();
  }
  return result;
}

int gettimeofday(struct timeval *restrict value, void *restrict zone) {
  (void) zone;
  struct timespec now;
  int result = clock_gettime(CLOCK_REALTIME, &now);
  if (result == 0) {
    value->tv_sec = now.tv_sec;
    value->tv_usec = now.tv_nsec / 1000;
  }
  return result;
}

time_t time(time_t *value) {
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  if (value != NULL) {
    *value = now.tv_sec;
  }
  return now.tv_sec;
}
