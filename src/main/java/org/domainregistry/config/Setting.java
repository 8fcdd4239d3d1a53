package org.domainregistry.config;

/**
 * The value a key was given, and where from: the file (or the tree handed to
 * {@link ConfigLoader#fromMap}) when {@code envName} is null, else that environment variable.
 */
record Setting(ConfigKey key, Object value, String envName) {

  /** What to name in an error about this value, e.g. {@code DOMAINS_HTTP_PORT (http.port)}. */
  String where() {
    return where("");
  }

  /** What to name in an error about a part of this value, e.g. {@code host_types[2]}. */
  String where(String suffix) {
    String path = key.path() + suffix;
    return envName == null ? path : envName + " (" + path + ")";
  }

  /** A failure naming this value's origin. */
  ConfigException fail(String problem) {
    return fail("", problem);
  }

  /** A failure naming the origin of a part of this value. */
  ConfigException fail(String suffix, String problem) {
    return new ConfigException(where(suffix) + ": " + problem);
  }
}
