package org.domainregistry.admins;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.domainregistry.config.NodeConfig;

/**
 * Counts failed admin logins per client address and per domain-admin account in fixed windows
 * (README "Security"): once a key has its maximum of failures in the current window, logins under
 * it are refused until the window ends, before any password is looked up or hashed. The global
 * admin is counted per address only, so nobody can lock the operator out from elsewhere. A
 * successful login clears its account's count, not its address's.
 */
public final class LoginThrottle {
  /** Keys tracked before expired windows are swept; a sweep runs at most once per insertion past it. */
  private static final int SWEEP_ABOVE = 10_000;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final int maxPerAddress;
  private final int maxPerAccount;
  private final long windowMs;
  private final LongSupplier clockMs;

  /** A throttle with the limits of {@code config}, on the wall clock. */
  public LoginThrottle(NodeConfig.Login config) {
    this(config, System::currentTimeMillis);
  }

  /** A throttle with the limits of {@code config} on the clock {@code clockMs} (milliseconds). */
  public LoginThrottle(NodeConfig.Login config, LongSupplier clockMs) {
    this.maxPerAddress = config.maxFailuresPerAddress();
    this.maxPerAccount = config.maxFailuresPerAccount();
    this.windowMs = config.windowS() * 1000;
    this.clockMs = clockMs;
  }

  /**
   * Seconds until a login from {@code address} (as {@code account}, when a domain admin) may be
   * tried again; empty when it may be tried now.
   */
  public OptionalLong retryAfterSeconds(String address, Optional<String> account) {
    long now = clockMs.getAsLong();
    long wait = Math.max(waitMs(addressKey(address), maxPerAddress, now),
        account.map(a -> waitMs(accountKey(a), maxPerAccount, now)).orElse(0L));
    return wait <= 0 ? OptionalLong.empty() : OptionalLong.of((wait + 999) / 1000);
  }

  /** Records a failed login from {@code address}, as {@code account} when a domain admin. */
  public void failed(String address, Optional<String> account) {
    long now = clockMs.getAsLong();
    if (windows.size() > SWEEP_ABOVE) {
      windows.values().removeIf(window -> window.endMs <= now);
    }
    count(addressKey(address), now);
    account.ifPresent(a -> count(accountKey(a), now));
  }

  /** Clears the failures of {@code account} after its successful login. */
  public void succeeded(String account) {
    windows.remove(accountKey(account));
  }

  private void count(String key, long now) {
    windows.compute(key, (k, window) -> window == null || window.endMs <= now
        ? new Window(now + windowMs, 1) : new Window(window.endMs, window.failures + 1));
  }

  private long waitMs(String key, int max, long now) {
    Window window = windows.get(key);
    return window == null || window.failures < max ? 0 : window.endMs - now;
  }

  private static String addressKey(String address) {
    return "address " + address;
  }

  private static String accountKey(String account) {
    return "account " + account;
  }

  private record Window(long endMs, int failures) {}
}
