package org.domainregistry.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a configuration tree (YAML/JSON mappings) into the settings it gives, rejecting keys the
 * schema does not know. A key whose value is null (e.g. {@code admin:} with nothing under it) is
 * taken as absent.
 */
final class TreeReader {
  private TreeReader() {}

  static Map<ConfigKey, Setting> read(Map<String, ?> tree) {
    Map<ConfigKey, Setting> settings = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : tree.entrySet()) {
      String name = entry.getKey();
      Object value = entry.getValue();
      if (value == null) {
        continue;
      }
      var leaf = ConfigSchema.byPath(name).filter(ConfigKey::isTopLevel);
      if (leaf.isPresent()) {
        settings.put(leaf.get(), new Setting(leaf.get(), value, null));
      } else if (ConfigSchema.isSection(name)) {
        readSection(name, value, settings);
      } else {
        throw new ConfigException(name + ": unknown key (known: " + ConfigSchema.namesIn(null) + ")");
      }
    }
    return settings;
  }

  private static void readSection(String section, Object value, Map<ConfigKey, Setting> settings) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new ConfigException(section + ": expected a mapping of keys ("
          + ConfigSchema.namesIn(section) + "), got " + Settings.describe(value));
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String path = section + "." + entry.getKey();
      ConfigKey key = ConfigSchema.byPath(path).orElseThrow(() -> new ConfigException(
          path + ": unknown key (known in " + section + ": " + ConfigSchema.namesIn(section) + ")"));
      if (entry.getValue() != null) {
        settings.put(key, new Setting(key, entry.getValue(), null));
      }
    }
  }
}
