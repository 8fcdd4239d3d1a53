package org.domainregistry.sync;

/**
 * While the database fails, polls are spaced out: the poll interval doubled at each failure, up to
 * 30 s. Used from the event poll verticle's context only.
 */
final class PollBackoff {
  static final long MAX_BACKOFF_MS = 30_000;
  private final long intervalMs;
  private int failures;
  private long nextAttemptAt;

  PollBackoff(long intervalMs) {
    this.intervalMs = intervalMs;
  }

  /** True when a poll may run now ({@code nowMillis} and all times here: a monotonic clock, never the time of day). */
  boolean allows(long nowMillis) {
    return nowMillis >= nextAttemptAt;
  }

  /** Lets the next poll run at once (someone waits for it). */
  void skip() {
    nextAttemptAt = 0;
  }

  /** Notes a failed poll. */
  void failed(long nowMillis) {
    failures++;
    nextAttemptAt = nowMillis + Math.min(MAX_BACKOFF_MS, intervalMs << Math.min(failures - 1, 16));
  }

  /** Notes a successful poll; returns how many polls had failed before it. */
  int succeeded() {
    int before = failures;
    failures = 0;
    nextAttemptAt = 0;
    return before;
  }
}
