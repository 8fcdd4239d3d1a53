package org.domainregistry.faults;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the workload knows of one domain, which only one client writes: the states it may be in
 * given every answer received (one state after an acknowledgement, several after an operation
 * whose outcome is unknown), and when it was last acknowledged present.
 */
final class DomainHistory {
  /** The states the checker tells apart; {@code REMOVING} ends as {@code ABSENT} once its job ran. */
  enum State { ABSENT, ENABLED, DISABLED, REMOVING }

  private final String domain;
  private final EnumSet<State> possible = EnumSet.of(State.ABSENT);
  private final List<String> log = new ArrayList<>();
  private long presentAckedAt = Long.MIN_VALUE;

  DomainHistory(String domain) {
    this.domain = domain;
  }

  String domain() {
    return domain;
  }

  /** The state when known for certain, else null. */
  synchronized State known() {
    return possible.size() == 1 ? possible.iterator().next() : null;
  }

  synchronized Set<State> possible() {
    return EnumSet.copyOf(possible);
  }

  /** An operation towards {@code target} got no answer or a server error: it may have happened. */
  synchronized void unknown(State target, String what) {
    possible.add(target);
    note(what);
  }

  /** An operation towards {@code target} was acknowledged: the domain is now in it. */
  synchronized void acknowledged(State target, String what) {
    possible.clear();
    possible.add(target);
    if (target == State.ENABLED || target == State.DISABLED) {
      presentAckedAt = System.nanoTime();
    }
    note(what);
  }

  /** The {@link System#nanoTime} of the last acknowledgement that left the domain present. */
  synchronized long presentAckedAt() {
    return presentAckedAt;
  }

  /** Whether the database's final state is one this history allows. */
  synchronized boolean allows(State inDatabase) {
    return possible.contains(inDatabase) || inDatabase == State.ABSENT && possible.contains(State.REMOVING);
  }

  synchronized void note(String what) {
    log.add(what);
    if (log.size() > 40) {
      log.remove(0);
    }
  }

  @Override
  public synchronized String toString() {
    return domain + " possible " + possible + " after " + log;
  }
}
