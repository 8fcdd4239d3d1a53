package org.domainregistry.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies {@code DOMAINS_...} environment variables over the settings of the file. Each key's
 * variable name is computed from the schema and looked up; scalars are parsed from text, lists
 * and mappings from JSON. A {@code DOMAINS_} variable that names no key is an error.
 */
final class EnvOverrides {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private EnvOverrides() {}

  static void apply(Map<ConfigKey, Setting> settings, Map<String, String> env) {
    rejectUnknown(env);
    for (ConfigKey key : ConfigSchema.KEYS) {
      String text = env.get(key.envName());
      if (text != null) {
        settings.put(key, new Setting(key, parse(key, text), key.envName()));
      }
    }
  }

  private static void rejectUnknown(Map<String, String> env) {
    String unknown = env.keySet().stream()
        .filter(name -> name.startsWith(ConfigKey.ENV_PREFIX))
        .filter(name -> ConfigSchema.byEnvName(name).isEmpty())
        .sorted()
        .collect(Collectors.joining(", "));
    if (!unknown.isEmpty()) {
      throw new ConfigException(unknown + ": unknown environment variable; known: "
          + ConfigSchema.KEYS.stream().map(ConfigKey::envName).collect(Collectors.joining(", ")));
    }
  }

  private static Object parse(ConfigKey key, String text) {
    return switch (key.kind()) {
      case INTEGER -> parseInteger(key, text);
      case BOOLEAN -> parseBoolean(key, text);
      case STRING, OPTIONAL_STRING -> text;
      case STRING_LIST -> parseJson(key, text, List.class, "a JSON array of strings, e.g. [\"a\", \"b\"]");
      case STRING_MAP -> parseJson(key, text, Map.class, "a JSON object of strings, e.g. {\"a\": \"b\"}");
    };
  }

  private static Long parseInteger(ConfigKey key, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw failure(key, "expected an integer in " + key.min() + ".." + key.max()
          + ", got \"" + text + "\"");
    }
  }

  private static Boolean parseBoolean(ConfigKey key, String text) {
    return switch (text) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw failure(key, "expected true or false, got \"" + text + "\"");
    };
  }

  private static Object parseJson(ConfigKey key, String text, Class<?> type, String expected) {
    Object value;
    try {
      value = JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw failure(key, "expected " + expected + ", got text that is not JSON: "
          + e.getOriginalMessage());
    }
    if (!type.isInstance(value)) {
      throw failure(key, "expected " + expected + ", got " + Settings.describe(value));
    }
    return value;
  }

  private static ConfigException failure(ConfigKey key, String problem) {
    return new Setting(key, null, key.envName()).fail(problem);
  }
}
