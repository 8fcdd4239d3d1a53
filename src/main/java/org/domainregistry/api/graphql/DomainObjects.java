package org.domainregistry.api.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import org.domainregistry.registry.DomainDetails;

/**
 * The {@code Domain} and {@code DomainWithType} objects resolvers answer with. As in MongooseIM, a
 * mutation fills in only what it knows; the rest is null.
 */
final class DomainObjects {
  static final String DELETED = "DELETED";
  static final String DELETING = "DELETING";

  private DomainObjects() {}

  /** A {@code Domain}; any argument may be null. */
  static Map<String, Object> domain(String domain, String hostType, String status) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("domain", domain);
    object.put("hostType", hostType);
    object.put("status", status);
    return object;
  }

  /** A {@code DomainWithType}: static domains are {@code STATIC} and {@code ENABLED}. */
  static Map<String, Object> withType(DomainDetails details) {
    Map<String, Object> object = domain(details.domain(), details.hostType(), details.status().name());
    object.put("type", details.isStatic() ? "STATIC" : "DYNAMIC");
    return object;
  }
}
