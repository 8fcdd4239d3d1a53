package org.domainregistry.config;

/**
 * The configuration cannot be used. The message starts with what is wrong: a key path such as
 * {@code sync.poll_interval_ms}, an environment variable such as {@code DOMAINS_HTTP_PORT}, or the
 * file, and says what was expected.
 */
public class ConfigException extends RuntimeException {
  /** A failure described by {@code message}. */
  public ConfigException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
