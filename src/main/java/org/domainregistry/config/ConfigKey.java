package org.domainregistry.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One leaf of the configuration: a dotted snake_case path such as {@code sync.page_size}, the kind
 * of value it takes, its default and, for integers, the accepted range.
 */
record ConfigKey(String path, Kind kind, Object defaultValue, long min, long max) {

  /** Prefix of every environment variable that overrides a key. */
  static final String ENV_PREFIX = "DOMAINS_";

  /** The kinds of values a key can take. */
  enum Kind { INTEGER, BOOLEAN, STRING, OPTIONAL_STRING, STRING_LIST, STRING_MAP }

  static ConfigKey integer(String path, long defaultValue, long min, long max) {
    return new ConfigKey(path, Kind.INTEGER, defaultValue, min, max);
  }

  static ConfigKey bool(String path, boolean defaultValue) {
    return new ConfigKey(path, Kind.BOOLEAN, defaultValue, 0, 0);
  }

  static ConfigKey string(String path, String defaultValue) {
    return new ConfigKey(path, Kind.STRING, defaultValue, 0, 0);
  }

  static ConfigKey optionalString(String path) {
    return new ConfigKey(path, Kind.OPTIONAL_STRING, null, 0, 0);
  }

  static ConfigKey stringList(String path, List<String> defaultValue) {
    return new ConfigKey(path, Kind.STRING_LIST, defaultValue, 0, 0);
  }

  static ConfigKey stringMap(String path) {
    return new ConfigKey(path, Kind.STRING_MAP, Map.of(), 0, 0);
  }

  /** Whether this key stands at the top level rather than in a section. */
  boolean isTopLevel() {
    return path.indexOf('.') < 0;
  }

  /** The section this key belongs to, or the key itself when it is at the top level. */
  String section() {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }

  /** The name after the section, or the whole path at the top level. */
  String name() {
    return path.substring(path.indexOf('.') + 1);
  }

  /** The environment variable overriding this key, e.g. {@code DOMAINS_SYNC_PAGE_SIZE}. */
  String envName() {
    return ENV_PREFIX + path.replace('.', '_').toUpperCase(Locale.ROOT);
  }
}
