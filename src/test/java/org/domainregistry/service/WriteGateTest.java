package org.domainregistry.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.domainregistry.api.HttpErrors;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.junit.jupiter.api.Test;

/** The write gate of a shutdown (README "Operating", shutdown): refuses new writes, waits for those in flight. */
class WriteGateTest {
  @Test
  void closingRefusesNewWritesAndDrainsWhenTheLastInFlightEnds() {
    WriteGate gate = new WriteGate();
    Promise<String> inFlight = Promise.promise();
    Future<String> write = gate.pass(inFlight::future);
    assertThat(gate.inFlight()).isEqualTo(1);

    Future<Void> drained = gate.close();
    Future<String> refused = gate.pass(() -> Future.succeededFuture("never"));

    assertThat(refused.failed()).isTrue();
    assertThat(DomainException.of(refused.cause()).error()).isEqualTo(DomainError.SHUTTING_DOWN);
    assertThat(HttpErrors.status(DomainError.SHUTTING_DOWN)).isEqualTo(503);
    assertThat(DomainError.SHUTTING_DOWN.failureCode()).isEqualTo(40);
    assertThat(drained.isComplete()).isFalse();
    inFlight.complete("done");
    assertThat(write.result()).isEqualTo("done");
    assertThat(drained.succeeded()).isTrue();
    assertThat(gate.inFlight()).isZero();
  }

  @Test
  void closingAnIdleGateDrainsAtOnce() {
    assertThat(new WriteGate().close().succeeded()).isTrue();
  }
}
