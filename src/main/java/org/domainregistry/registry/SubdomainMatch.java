package org.domainregistry.registry;

/**
 * A name found as a subdomain: its host type, its parent domain (null for a fixed name) and the
 * pattern that produced it.
 */
public record SubdomainMatch(String domain, String hostType, String parent, SubdomainPattern pattern) {}
