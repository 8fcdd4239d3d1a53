package org.domainregistry.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings given by the file and the environment, read as typed values. A key that was not
 * given has its default. Every value is checked against its key's kind and range; a failure
 * names where the value came from and what was expected.
 */
final class Settings {
  private final Map<ConfigKey, Setting> given;

  Settings(Map<ConfigKey, Setting> given) {
    this.given = Map.copyOf(given);
  }

  boolean isGiven(ConfigKey key) {
    return given.containsKey(key);
  }

  /** The setting of a key, its default when it was not given. */
  Setting get(ConfigKey key) {
    Setting setting = given.get(key);
    return setting != null ? setting : new Setting(key, key.defaultValue(), null);
  }

  int intValue(ConfigKey key) {
    return Math.toIntExact(longValue(key));
  }

  long longValue(ConfigKey key) {
    Setting setting = get(key);
    String expected = "expected an integer in " + key.min() + ".." + key.max();
    Object value = setting.value();
    if (value instanceof BigInteger) {
      throw setting.fail(expected + ", got " + value);
    }
    if (!(value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte)) {
      throw setting.fail(expected + ", got " + describe(value));
    }
    long number = ((Number) value).longValue();
    if (number < key.min() || number > key.max()) {
      throw setting.fail(expected + ", got " + number);
    }
    return number;
  }

  boolean bool(ConfigKey key) {
    Setting setting = get(key);
    if (!(setting.value() instanceof Boolean value)) {
      throw setting.fail("expected true or false, got " + describe(setting.value()));
    }
    return value;
  }

  /** A required non-empty string. */
  String string(ConfigKey key) {
    return nonEmptyString(get(key), "");
  }

  /** A non-empty string when the key was given, empty when it was not. */
  Optional<String> optionalString(ConfigKey key) {
    return isGiven(key) ? Optional.of(string(key)) : Optional.empty();
  }

  /** A list of non-empty strings, in order. */
  List<String> stringList(ConfigKey key) {
    Setting setting = get(key);
    if (!(setting.value() instanceof List<?> list)) {
      throw setting.fail("expected a list of strings, got " + describe(setting.value()));
    }
    List<String> strings = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      strings.add(nonEmptyString(new Setting(key, list.get(i), setting.envName()), "[" + i + "]"));
    }
    return strings;
  }

  /** A mapping of strings to non-empty strings, in order. */
  Map<String, String> stringMap(ConfigKey key) {
    Setting setting = get(key);
    if (!(setting.value() instanceof Map<?, ?> map)) {
      throw setting.fail("expected a mapping of strings to strings, got " + describe(setting.value()));
    }
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = String.valueOf(entry.getKey());
      Setting value = new Setting(key, entry.getValue(), setting.envName());
      strings.put(name, nonEmptyString(value, quoted(name)));
    }
    return strings;
  }

  /** The suffix naming one entry of a mapping, e.g. {@code ["localhost"]}. */
  static String quoted(String name) {
    return "[\"" + name + "\"]";
  }

  /** What kind of value this is, for error messages that must not echo secrets. */
  static String describe(Object value) {
    if (value == null) {
      return "nothing";
    } else if (value instanceof String) {
      return "a string";
    } else if (value instanceof Boolean) {
      return "a boolean";
    } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return "an integer";
    } else if (value instanceof Number) {
      return "a decimal number";
    } else if (value instanceof List) {
      return "a list";
    } else if (value instanceof Map) {
      return "a mapping";
    }
    return "a " + value.getClass().getSimpleName();
  }

  private static String nonEmptyString(Setting setting, String suffix) {
    if (!(setting.value() instanceof String value)) {
      throw setting.fail(suffix, "expected a string, got " + describe(setting.value())
          + (setting.value() instanceof Number || setting.value() instanceof Boolean
              ? " (quote it in YAML)" : ""));
    }
    if (value.isEmpty()) {
      throw setting.fail(suffix, "must not be empty");
    }
    return value;
  }
}
