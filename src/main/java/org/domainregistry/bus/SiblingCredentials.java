package org.domainregistry.bus;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.registry.DomainError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may change domains over the event bus (README "Security"): a mutation carries the header
 * {@value #HEADER} {@code name:secret} of a configured sibling whose {@code operations} list the
 * operation ({@code insert}, {@code remove}, {@code enable}, {@code disable},
 * {@code cleanup.register}, {@code cleanup.unregister}). Missing or wrong credentials are
 * {@code wrong_credentials}, an operation the sibling may not use {@code no_permissions}. With no
 * sibling configured, mutations stay open as before, with a warning at start. Reads are open to
 * every member.
 */
public final class SiblingCredentials {
  /** The header of a bus message carrying {@code name:secret}. */
  public static final String HEADER = "domains-credential";
  private static final Logger LOG = LoggerFactory.getLogger(SiblingCredentials.class);
  private final Map<String, NodeConfig.Sibling> siblings;

  /** Credentials of the configured {@code siblings}; warns when there are none. */
  public SiblingCredentials(Map<String, NodeConfig.Sibling> siblings) {
    this.siblings = Map.copyOf(siblings);
    if (siblings.isEmpty()) {
      LOG.warn("No siblings configured: any cluster member may insert, remove, enable and disable domains and"
          + " register cleanup handlers over the event bus (README \"Security\")");
    }
  }

  /** The sibling name a message's {@value #HEADER} header claims (before its {@code :}), checked or not. */
  static Optional<String> claimedName(MultiMap headers) {
    String credential = headers.get(HEADER);
    int colon = credential == null ? -1 : credential.indexOf(':');
    return colon > 0 ? Optional.of(credential.substring(0, colon)) : Optional.empty();
  }

  /**
   * Lets a mutation through or throws.
   *
   * @param operation the operation, e.g. {@code insert}
   * @param headers the headers of the bus message
   */
  void check(String operation, MultiMap headers) {
    if (siblings.isEmpty()) {
      return;
    }
    String credential = headers.get(HEADER);
    String name = claimedName(headers).orElse(null);
    NodeConfig.Sibling sibling = name == null ? null : siblings.get(name);
    if (sibling == null || !MessageDigest.isEqual(sibling.secret().getBytes(StandardCharsets.UTF_8),
        credential.substring(name.length() + 1).getBytes(StandardCharsets.UTF_8))) {
      LOG.info("Bus {} refused: {} sibling credential", operation, credential == null ? "no" : "a wrong");
      throw DomainError.WRONG_CREDENTIALS.exception("Bus " + operation + " needs a valid " + HEADER + " header");
    }
    if (!sibling.operations().contains(operation)) {
      LOG.info("Bus {} refused: sibling {} may not use it", operation, name);
      throw DomainError.NO_PERMISSIONS.exception("Sibling " + name + " may not use " + operation);
    }
  }
}
