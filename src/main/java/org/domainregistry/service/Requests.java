package org.domainregistry.service;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainStatus;

/**
 * The rules a request must follow, the same for every face (REST, event bus, GraphQL): fields of
 * JSON bodies, page limits and cluster waits. A face hands over what it read, as it read it
 * (query parameters as text, JSON values as they are), and the error code it answers bad input
 * with; a value that breaks a rule is a {@link DomainException} naming it.
 */
public final class Requests {
  /** Page size when a request gives none. */
  public static final int DEFAULT_LIMIT = 100;
  /** Largest page. */
  public static final int MAX_LIMIT = 1000;

  private Requests() {}

  /** The body as a JSON object; anything else is {@code invalid_body}. */
  public static JsonObject object(Object body) {
    if (body instanceof JsonObject json) {
      return json;
    }
    throw DomainError.INVALID_BODY.exception("Body must be a JSON object");
  }

  /**
   * A string field of a body; missing, of another type or holding control characters is
   * {@code invalid_body} naming it.
   */
  public static String string(JsonObject body, String field) {
    return text(typed(body, field, String.class, "a string"), field, DomainError.INVALID_BODY);
  }

  /**
   * Text a client sent (a field or query parameter), refused with {@code error} naming it when it
   * holds a control character or an unpaired surrogate: PostgreSQL cannot store NUL, and no name,
   * host type or cursor of the registry has a use for them (README "Security").
   *
   * @return {@code value} itself
   */
  public static String text(String value, String name, DomainError error) {
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      int type = Character.getType(cp);
      if (type == Character.CONTROL || type == Character.SURROGATE) {
        throw error.exception(name + " must not contain control characters");
      }
      i += Character.charCount(cp);
    }
    return value;
  }

  /** A string field that may be left out. */
  public static Optional<String> optionalString(JsonObject body, String field) {
    return body.containsKey(field) ? Optional.of(string(body, field)) : Optional.empty();
  }

  /** A boolean field of a body; missing or of another type is {@code invalid_body} naming it. */
  public static boolean bool(JsonObject body, String field) {
    return typed(body, field, Boolean.class, "true or false");
  }

  /** A boolean field that is false when left out. */
  public static boolean optionalBool(JsonObject body, String field) {
    return body.containsKey(field) && bool(body, field);
  }

  /** A page limit, 1 to {@value #MAX_LIMIT}, given as a number or as text. */
  public static int limit(Object value, DomainError error) {
    return (int) wholeNumber(value, 1, MAX_LIMIT, "limit", error);
  }

  /** A keyset position (an id to continue after), a whole number from 0, given as a number or as text. */
  public static long afterId(Object value, DomainError error) {
    return wholeNumber(value, 0, Long.MAX_VALUE / 10, "after", error);
  }

  /**
   * A name prefix filter: the start of a canonical domain name (letters, digits, {@code -} and
   * {@code .}, at most 253), any case; answered in lower case.
   */
  public static String namePrefix(String value, DomainError error) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.length() > 253 || !lower.chars().allMatch(c -> c == '-' || c == '.' || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9'))) {
      throw error.exception("prefix must be the start of a domain name: letters, digits, '-' and '.', at most 253");
    }
    return lower;
  }

  /** A domain status filter: {@code enabled}, {@code disabled} or {@code deleting}, any case. */
  public static DomainStatus status(String value, DomainError error) {
    DomainStatus status = DomainStatus.parse(value);
    if (status == null) {
      throw error.exception("status must be enabled, disabled or deleting");
    }
    return status;
  }

  /**
   * How long a write waits for every live node to apply it: empty when {@code wait} is absent,
   * else {@code wait} must be {@code "cluster"} and {@code timeoutMs}, when given, a whole number
   * from 1 to {@link NodeConfig.Sync#MAX_CLUSTER_WAIT_MS}; {@code timeoutMs} alone is refused.
   */
  public static Optional<Duration> clusterWait(Object wait, Object timeoutMs, Duration defaultTimeout,
                                               DomainError error) {
    if (wait == null) {
      if (timeoutMs != null) {
        throw error.exception("timeout_ms goes with wait \"cluster\"");
      }
      return Optional.empty();
    }
    if (!"cluster".equals(wait)) {
      throw error.exception("wait must be \"cluster\"");
    }
    return Optional.of(timeoutMs == null ? defaultTimeout
        : Duration.ofMillis(wholeNumber(timeoutMs, 1, NodeConfig.Sync.MAX_CLUSTER_WAIT_MS, "timeout_ms", error)));
  }

  private static <T> T typed(JsonObject body, String field, Class<T> type, String expected) {
    Object value = body.getValue(field);
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    throw DomainError.INVALID_BODY.exception(value == null
        ? "Field " + field + " is missing" : "Field " + field + " must be " + expected);
  }

  private static long wholeNumber(Object value, long min, long max, String name, DomainError error) {
    Long number = null;
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      number = ((Number) value).longValue();
    } else if (value instanceof String text && !text.isEmpty() && text.chars().allMatch(Character::isDigit)
        && text.length() <= 18) {
      number = Long.parseLong(text);
    }
    if (number == null || number < min || number > max) {
      throw error.exception(name + " must be a whole number from " + min + " to " + max);
    }
    return number;
  }
}
