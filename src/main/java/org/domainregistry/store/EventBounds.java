package org.domainregistry.store;

/**
 * Lowest and highest id in {@code domain_events} (0 when empty) and the highest id the event
 * cleaner has deleted: a reader whose cursor is below it has missed events and must reload.
 */
public record EventBounds(long minId, long maxId, long cleanedThrough) {}
