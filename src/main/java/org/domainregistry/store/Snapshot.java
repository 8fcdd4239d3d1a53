package org.domainregistry.store;

import java.util.List;

/**
 * What a consistent full load saw: the highest event id in its snapshot, the ranges of ids missing
 * in its window above {@code windowStart} (still in flight, or aborted), and how many enabled
 * domains it handed on.
 */
public record Snapshot(long maxEventId, long windowStart, List<IdRange> missing, long domainsLoaded) {}
