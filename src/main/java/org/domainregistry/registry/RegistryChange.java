package org.domainregistry.registry;

/**
 * One change of a node's registry as listeners see it (README "Event-bus API", change
 * notifications). {@code domain} and {@code hostType} are null for {@link Type#RELOADED}.
 *
 * @param type what happened
 * @param domain the domain (or subdomain) concerned
 * @param hostType its host type
 * @param eventId the event that caused it; for a full reload the event id of its snapshot
 * @param source where the name comes from
 */
public record RegistryChange(Type type, String domain, String hostType, long eventId, Source source) {

  /** Kinds of change, named as the notifications spell them in lower case. */
  public enum Type { ADDED, REMOVED, ENABLED, DISABLED, SUBDOMAIN_ADDED, SUBDOMAIN_REMOVED, RELOADED }

  /** Where the name comes from. */
  public enum Source { DYNAMIC, STATIC, SUBDOMAIN }

  /** The marker a full reload sends after its differences. */
  public static RegistryChange reloaded(long eventId) {
    return new RegistryChange(Type.RELOADED, null, null, eventId, Source.DYNAMIC);
  }
}
