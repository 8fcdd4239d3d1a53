package org.domainregistry.store;

import java.util.List;

/**
 * What a consistent full load saw: the highest event id in its snapshot, the ids present in the
 * recent window above {@code windowStart} (from which the reader derives the ids still in flight),
 * and how many enabled domains it handed on.
 */
public record Snapshot(long maxEventId, long windowStart, List<Long> recentEventIds, long domainsLoaded) {}
