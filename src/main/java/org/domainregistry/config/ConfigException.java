package org.domainregistry.config;

/**
 * The configuration cannot be used. The message starts with what is wrong: a key path such as
 * {@code sync.poll_interval_ms}, an environment variable such as {@code DOMAINS_HTTP_PORT}, or the
 * file, and says what was expected (README "Invalid configuration").
 */
public class ConfigException extends RuntimeException {
  /** The key at fault when thrown by {@link #at}, relative to the record that threw it; else null. */
  final String key;

  /** A failure described by {@code message}. */
  public ConfigException(String message) {
    this(message, null, null);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public ConfigException(String message, Throwable cause) {
    this(message, cause, null);
  }

  private ConfigException(String message, Throwable cause, String key) {
    super(message, cause);
    this.key = key;
  }

  /**
   * A value a record of {@link NodeConfig} rejects: {@code key} is relative to that record, e.g.
   * {@code password} or {@code host_types[2]}; {@link ConfigLoader} puts the record's path before.
   */
  static ConfigException at(String key, String problem) {
    return new ConfigException(key + ": " + problem, null, key);
  }

  /** What is wrong, after the key. */
  String problem() {
    return getMessage().substring(key == null ? 0 : key.length() + 2);
  }
}
