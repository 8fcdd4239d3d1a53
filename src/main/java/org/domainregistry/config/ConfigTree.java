package org.domainregistry.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategies.NamingBase;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A key of a configuration tree, or an element of a list or mapping in it, typed by the records of
 * {@link NodeConfig}: its path as messages write it ({@code host_types[2]}, {@code
 * static_domains["a"]}), the type it binds to (for an {@code Optional}, its content), the range of
 * an integer, and its node (missing when absent). See README "Configuration".
 */
record ConfigTree(String path, JavaType type, NodeConfig.Range range, JsonNode node) {
  /** The naming strategy of the loader's mapper: {@code maxBodyBytes} is {@code max_body_bytes}. */
  static final NamingBase SNAKE_CASE = (NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  /** The key {@code name} in this section or mapping, or the element {@code index} of this list. */
  ConfigTree child(String name, int index) {
    if (type.isContainerType()) {
      return new ConfigTree(path + (index < 0 ? "[\"" + name + "\"]" : "[" + index + "]"), type.getContentType(),
          null, index < 0 ? node.path(name) : node.path(index));
    }
    RecordComponent component = component(name).orElseThrow();
    JavaType bound = ConfigLoader.JSON.constructType(component.getGenericType());
    return new ConfigTree(join(path, name), bound.isReferenceType() ? bound.getContentType() : bound,
        component.getAnnotation(NodeConfig.Range.class), node.path(name));
  }

  /** The variables that can set the keys of this section and of the sections in it, in order. */
  Stream<String> variables() {
    return Stream.of(type.getRawClass().getRecordComponents()).map(c -> child(name(c), -1))
        .flatMap(key -> key.type.isRecordType() ? key.variables() : Stream.of(ConfigLoader.envName(key.path)));
  }

  /**
   * Readies the node to be bound, in the order of the records: in a section, rejects unknown keys,
   * drops null values (an empty key counts as absent), sets the keys {@code env} gives, gives absent
   * keys their default and drops an optional section given no key; rejects empty strings and
   * integers out of range. Other mismatches are left to Jackson.
   *
   * @return whether the node, or a key in it, was given rather than defaulted
   */
  boolean prepare(Map<String, String> env) {
    if (type.isRecordType() && node instanceof ObjectNode section) {
      if (path.isEmpty()) { // as ever, an unknown top-level key left empty is ignored (not one in a section)
        section.properties().removeIf(entry -> entry.getValue().isNull() && component(entry.getKey()).isEmpty());
      }
      section.fieldNames().forEachRemaining(name -> {
        if (component(name).isEmpty()) {
          throw fail(join(path, name), "unknown key (known" + (path.isEmpty() ? "" : " in " + path) + ": "
              + names() + ")", env);
        }
      });
      boolean given = false;
      for (RecordComponent component : type.getRawClass().getRecordComponents()) {
        String name = name(component);
        ConfigTree key = child(name, -1);
        String variable = ConfigLoader.envName(key.path);
        NodeConfig.Default fallback = component.getAnnotation(NodeConfig.Default.class);
        if (section.path(name).isNull()) {
          section.remove(name);
        }
        if (env.containsKey(variable) && !key.type.isRecordType()) {
          section.set(name, key.parse(env.get(variable), env));
        }
        boolean absent = !section.has(name);
        if (absent && (fallback != null || key.type.isRecordType())) {
          section.set(name, fallback != null ? parseDefault(fallback.value()) : section.objectNode());
        }
        boolean keyGiven = child(name, -1).prepare(env) && (!absent || key.type.isRecordType());
        if (!keyGiven && component.getType() == Optional.class) {
          section.remove(name);
        }
        given |= keyGiven;
      }
      return given;
    } else if (type.isCollectionLikeType() && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        child(null, i).prepare(env);
      }
    } else if (type.isMapLikeType() && node.isObject()) {
      node.fieldNames().forEachRemaining(name -> child(name, -1).prepare(env));
    } else if (type.hasRawClass(String.class) && node.isTextual() && node.textValue().isEmpty()) {
      throw fail(path, "must not be empty", env);
    } else if (range != null && node.isIntegralNumber() && (!node.canConvertToLong()
        || node.longValue() < range.min() || node.longValue() > range.max())) {
      throw fail(path, "expected " + kind() + ", got " + node.asText(), env);
    }
    return !node.isMissingNode();
  }

  /** The value of this key given by a variable: numbers as digits, booleans as is, lists and maps as JSON. */
  JsonNode parse(String text, Map<String, String> env) {
    if (!type.isContainerType()) {
      JsonNode value = isInteger() ? integer(text.trim()) : !type.hasRawClass(boolean.class) ? TextNode.valueOf(text)
          : Map.of("true", BooleanNode.TRUE, "false", BooleanNode.FALSE).get(text);
      if (value == null) {
        throw fail(path, "expected " + kind() + ", got \"" + text + "\"", env);
      }
      return value;
    }
    boolean map = type.isMapLikeType();
    String expected = "a JSON " + (map ? "object of " : "array of ") + contents()
        + (!contents().equals("strings") ? "" : map ? ", e.g. {\"a\": \"b\"}" : ", e.g. [\"a\", \"b\"]");
    try {
      JsonNode value = ConfigLoader.JSON.readValue(text, JsonNode.class);
      if (map ? value.isObject() : value.isArray()) {
        return value;
      }
      throw fail(path, "expected " + expected + ", got " + describe(value), env);
    } catch (JsonProcessingException e) {
      throw fail(path, "expected " + expected + ", got text that is not JSON: " + e.getOriginalMessage(), env);
    }
  }

  /** What the key takes, as messages say it: "an integer in 0..65535", "a list of strings". */
  String kind() {
    if (isInteger()) {
      return "an integer" + (range == null ? "" : " in " + range.min() + ".." + range.max());
    } else if (type.hasRawClass(boolean.class)) {
      return "true or false";
    } else if (type.hasRawClass(String.class)) {
      return "a string";
    } else if (type.isContainerType()) {
      return (type.isMapLikeType() ? "a mapping of strings to " : "a list of ") + contents();
    }
    return "a mapping of keys (" + names() + ")";
  }

  /** What a list or mapping holds. */
  private String contents() {
    return type.getContentType().hasRawClass(String.class) ? "strings" : "mappings";
  }

  boolean isInteger() {
    return type.hasRawClass(int.class) || type.hasRawClass(long.class);
  }

  private Optional<RecordComponent> component(String name) {
    return Stream.of(type.getRawClass().getRecordComponents())
        .filter(c -> name(c).equals(name)).findFirst();
  }

  /** The keys of this section, in order. */
  String names() {
    return Stream.of(type.getRawClass().getRecordComponents()).map(ConfigTree::name).collect(Collectors.joining(", "));
  }

  /** The key of a component, named as by the loader's mapper. */
  private static String name(RecordComponent component) {
    return SNAKE_CASE.translate(component.getName());
  }

  /** The path of {@code key} (a name, or {@code [...]}) relative to {@code path}. */
  static String join(String path, String key) {
    return path.isEmpty() || key.startsWith("[") ? path + key : path + "." + key;
  }

  /** What a value is, without echoing it (it may be a secret). */
  static String describe(JsonNode node) {
    return node.isTextual() ? "a string" : node.isBoolean() ? "a boolean" : node.isIntegralNumber() ? "an integer"
        : node.isNumber() ? "a decimal number" : node.isArray() ? "a list" : node.isObject() ? "a mapping" : "nothing";
  }

  /** A failure naming the key at {@code path}, and the variable in {@code env} that gave its value if any. */
  static ConfigException fail(String path, String problem, Map<String, String> env) {
    String variable = ConfigLoader.envName(path.split("\\[", 2)[0]);
    return new ConfigException((env.containsKey(variable) ? variable + " (" + path + ")" : path) + ": " + problem);
  }

  private static JsonNode integer(String text) {
    try {
      return LongNode.valueOf(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static JsonNode parseDefault(String yaml) {
    try {
      return ConfigLoader.YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("invalid default " + yaml, e);
    }
  }
}
