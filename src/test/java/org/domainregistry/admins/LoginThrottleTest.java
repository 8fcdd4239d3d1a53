package org.domainregistry.admins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.domainregistry.config.NodeConfig;
import org.junit.jupiter.api.Test;

/** The counting of {@link LoginThrottle} on a clock the test moves (README "Security"). */
class LoginThrottleTest {
  private static final NodeConfig.Login LIMITS = new NodeConfig.Login(3, 2, 60, 1, 8);
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final LoginThrottle throttle = new LoginThrottle(LIMITS, now::get);

  @Test
  void anAddressIsRefusedAfterItsMaximumOfFailuresUntilTheWindowEnds() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.retryAfterSeconds("10.0.0.1", Optional.empty())).isEmpty();
      throttle.failed("10.0.0.1", Optional.empty());
    }
    assertThat(throttle.retryAfterSeconds("10.0.0.1", Optional.empty())).hasValue(60);
    assertThat(throttle.retryAfterSeconds("10.0.0.2", Optional.empty())).isEmpty();
    now.addAndGet(59_001);
    assertThat(throttle.retryAfterSeconds("10.0.0.1", Optional.empty())).hasValue(1);
    now.addAndGet(1_000);
    assertThat(throttle.retryAfterSeconds("10.0.0.1", Optional.empty())).isEmpty();
  }

  @Test
  void anAccountIsRefusedFromEveryAddressAfterItsMaximum() {
    throttle.failed("10.0.0.1", Optional.of("a.example"));
    throttle.failed("10.0.0.2", Optional.of("a.example"));
    assertThat(throttle.retryAfterSeconds("10.0.0.3", Optional.of("a.example"))).isPresent();
    assertThat(throttle.retryAfterSeconds("10.0.0.3", Optional.of("b.example"))).isEmpty();
    assertThat(throttle.retryAfterSeconds("10.0.0.3", Optional.empty())).isEmpty();
  }

  @Test
  void aSuccessClearsTheAccountButNotTheAddress() {
    throttle.failed("10.0.0.1", Optional.of("a.example"));
    throttle.failed("10.0.0.1", Optional.of("a.example"));
    throttle.failed("10.0.0.1", Optional.of("c.example"));
    throttle.succeeded("a.example");
    assertThat(throttle.retryAfterSeconds("10.0.0.2", Optional.of("a.example"))).isEmpty();
    assertThat(throttle.retryAfterSeconds("10.0.0.1", Optional.empty())).isPresent();
  }

  @Test
  void failuresOfAnEndedWindowStartANewCount() {
    throttle.failed("10.0.0.1", Optional.empty());
    throttle.failed("10.0.0.1", Optional.empty());
    now.addAndGet(60_000);
    throttle.failed("10.0.0.1", Optional.empty());
    throttle.failed("10.0.0.1", Optional.empty());
    assertThat(throttle.retryAfterSeconds("10.0.0.1", Optional.empty())).isEmpty();
  }
}
