package org.domainregistry.registry;

import java.util.List;
import java.util.Set;

/**
 * A subdomain pattern (MongooseIM's): {@code prefix.@HOST@}, one name per domain of the given host
 * types, or a fixed name (README "Event-bus API", subdomains).
 *
 * @param pattern the pattern as registered, canonical (lower case)
 * @param prefix for a {@code @HOST@} pattern the part before it, ending with a dot; null for a fixed name
 * @param hostTypes the host types whose domains get the subdomain (a fixed name has the first)
 * @param owner who registered it (a service name, or {@code config})
 */
public record SubdomainPattern(String pattern, String prefix, List<String> hostTypes, String owner) {
  /** The placeholder for the parent domain. */
  public static final String HOST = "@HOST@";

  /** Validates and canonicalises a pattern; {@code invalid_pattern} says what is wrong. */
  public static SubdomainPattern parse(String pattern, List<String> hostTypes, String owner) {
    if (pattern == null || pattern.isBlank()) {
      throw DomainError.INVALID_PATTERN.exception("Subdomain pattern is empty");
    }
    if (hostTypes == null || hostTypes.isEmpty() || hostTypes.stream().anyMatch(t -> !DomainName.isValidHostType(t))) {
      throw DomainError.INVALID_PATTERN.exception("Subdomain pattern " + pattern + " needs valid host_types");
    }
    List<String> types = List.copyOf(Set.copyOf(hostTypes)).stream().sorted().toList();
    String who = owner == null || owner.isBlank() ? "unknown" : owner;
    int at = pattern.indexOf(HOST);
    if (at < 0) {
      return new SubdomainPattern(canonical(pattern, pattern), null, types, who);
    }
    if (at + HOST.length() != pattern.length() || at == 0 || pattern.charAt(at - 1) != '.') {
      throw DomainError.INVALID_PATTERN.exception(
          "Subdomain pattern " + pattern + " must be prefix.@HOST@ or a fixed name");
    }
    String prefix = canonical(pattern.substring(0, at - 1), pattern) + ".";
    return new SubdomainPattern(prefix + HOST, prefix, types, who);
  }

  /** True for {@code prefix.@HOST@}, false for a fixed name. */
  public boolean perDomain() {
    return prefix != null;
  }

  /** Whether this pattern gives subdomains to domains of the host type. */
  public boolean covers(String hostType) {
    return hostTypes.contains(hostType);
  }

  /** Whether this pattern could produce the name, for some parent. */
  public boolean couldProduce(String name) {
    return perDomain() ? name.length() > prefix.length() && name.startsWith(prefix) : pattern.equals(name);
  }

  /** Whether both can produce one same name: equal fixed names, or equal prefixes over a shared host type. */
  public boolean conflictsWith(SubdomainPattern other) {
    if (perDomain() != other.perDomain() || !pattern.equals(other.pattern)) {
      return false;
    }
    return !perDomain() || hostTypes.stream().anyMatch(other::covers);
  }

  private static String canonical(String name, String pattern) {
    try {
      return DomainName.normalize(name);
    } catch (DomainException e) {
      throw DomainError.INVALID_PATTERN.exception("Subdomain pattern " + pattern + " is not a valid name: "
          + e.getMessage());
    }
  }
}
