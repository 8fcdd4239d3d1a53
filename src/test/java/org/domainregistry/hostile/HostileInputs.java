package org.domainregistry.hostile;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of hostile input (README "Tests", "Security"): text from every Unicode plane,
 * control characters, unpaired surrogates, injection strings, huge strings; JSON that is
 * malformed, of the wrong types, deeply nested or too large; bad authorization headers.
 */
final class HostileInputs {
  static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; DROP TABLE domain_settings; --",
      "\\x00", "%00", "%", "%zz", "../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
      "{{7*7}}", "\u0000", "\uFEFF", "\uD800", "\uDFFF", "xn--", "xn--zz.example", "a".repeat(300),
      "\u202Eevil", "..", ".", "-", "null", "true", "[]", "{}", "\"", "\\", "\r\nX-Injected: 1", "admin@",
      "SELECT pg_sleep(10)", "$1", "?", "#", "\u0085", "\u2028", "ß", "İ", "𝔡𝔬𝔪𝔞𝔦𝔫", "💥.example");
  private static final List<String> FIELDS = List.of("domain", "host_type", "enabled", "request", "wait",
      "timeout_ms", "status", "name", "host_types", "priority", "address", "query", "variables");

  private HostileInputs() {}

  /** Text of every kind. */
  static Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(4),
        planes(),
        Arbitraries.of(INJECTIONS),
        Arbitraries.strings().alpha().numeric().withChars(".-").ofMinLength(1).ofMaxLength(20),
        Arbitraries.strings().ascii().ofMinLength(300).ofMaxLength(3000));
  }

  /** Code points of a random plane, 0 to 16, assigned or not. */
  static Arbitrary<String> planes() {
    return Combinators.combine(Arbitraries.integers().between(0, 16),
        Arbitraries.integers().between(0, 0xFFFF).list().ofMinSize(1).ofMaxSize(6)).as((plane, lows) -> {
          StringBuilder text = new StringBuilder();
          lows.forEach(low -> text.appendCodePoint(plane << 16 | low));
          return text.toString();
        });
  }

  /** A JSON document as text: valid or not, of any shape. */
  static Arbitrary<String> json() {
    return Arbitraries.oneOf(value(2), malformed(), deep(), huge());
  }

  /** A JSON value of at most {@code depth} levels, with the fields the APIs read. */
  static Arbitrary<String> value(int depth) {
    Arbitrary<String> leaf = Arbitraries.oneOf(text().map(HostileInputs::quoted),
        Arbitraries.of("0", "-1", "1.5", "1e400", "99999999999999999999", "true", "false", "null", "-0"));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> object = Combinators.combine(Arbitraries.of(FIELDS), value(depth - 1)).as((k, v) -> "\""
        + k + "\":" + v).list().ofMaxSize(4).map(pairs -> "{" + String.join(",", pairs) + "}");
    return Arbitraries.oneOf(leaf, object, object, value(depth - 1).list().ofMaxSize(3)
        .map(items -> "[" + String.join(",", items) + "]"));
  }

  private static Arbitrary<String> malformed() {
    return Arbitraries.oneOf(text(), value(2).map(v -> v.length() > 1 ? v.substring(0, v.length() / 2) : v + "{"),
        Arbitraries.of("{", "}", "{\"domain\":}", "{'host_type':'type1'}", "{\"a\":1,}", "[1,2", "\u0000{}",
            "{\"host_type\":\"type1\"}{", "\uFEFF{}", "{\"host_type\":\"\\uD800\"}", "{\"host_type\":\"\\u0000\"}"));
  }

  private static Arbitrary<String> deep() {
    return Arbitraries.integers().between(50, 5_000).map(n -> "[".repeat(n) + "]".repeat(n));
  }

  private static Arbitrary<String> huge() {
    return Arbitraries.integers().between(60_000, 200_000)
        .map(n -> "{\"host_type\":\"" + "x".repeat(n) + "\"}");
  }

  /** A JSON string literal of {@code text}, escaped as JSON requires. */
  static String quoted(String text) {
    return io.vertx.core.json.Json.encode(text);
  }

  /** An {@code Authorization} header value: valid, wrong, garbage or absent (null). */
  static Arbitrary<String> authorization(String valid) {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.just(valid)),
        net.jqwik.api.Tuple.of(1, text().map(t -> "Basic " + t.replaceAll("[^\\x20-\\x7e]", "?"))),
        net.jqwik.api.Tuple.of(1, text().map(t -> "Basic " + java.util.Base64.getEncoder()
            .encodeToString(("admin@" + t + ":" + t).getBytes(java.nio.charset.StandardCharsets.UTF_8)))),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("Bearer x", "Basic", "Basic ====", "basic YWRtaW46c2VjcmV0",
            "Digest a=b", "")));
  }
}
