package org.domainregistry.hostile;

import io.vertx.core.json.JsonObject;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * GraphQL request bodies for the hostile-input suite: real operations with hostile argument
 * values and variables of the wrong types, garbage documents, deep selections, many aliases and
 * bodies that are not GraphQL requests at all.
 */
final class GraphQLInputs {
  private static final List<String> OPERATIONS = List.of(
      "mutation($d: DomainName!, $h: String!) { domain { addDomain(domain: $d, hostType: $h) { domain } } }",
      "mutation($d: DomainName!, $h: String!) { domain { removeDomain(domain: $d, hostType: $h) { domain } } }",
      "mutation($d: DomainName!) { domain { enableDomain(domain: $d) { domain } } }",
      "mutation($d: DomainName!) { domain { disableDomain(domain: $d) { domain } } }",
      "mutation($d: DomainName!, $h: NonEmptyString!) { domain { setDomainPassword(domain: $d, password: $h) } }",
      "query($d: DomainName!) { domain { domainDetails(domain: $d) { domain hostType status } } }",
      "query($h: String!, $l: Int, $d: DomainName) { domain { domainsByHostType(hostType: $h, limit: $l, cursor: $d) } }",
      "query($l: Int, $d: DomainName) { domain { allDomains(limit: $l, cursor: $d) { domain } } }");

  private GraphQLInputs() {}

  /** A body sent to {@code POST /api/graphql} as JSON. */
  static Arbitrary<String> bodies() {
    return Arbitraries.oneOf(operations(), operations(), documents().map(q -> new JsonObject().put("query", q).encode()),
        HostileInputs.json());
  }

  private static Arbitrary<String> operations() {
    Arbitrary<Object> value = Arbitraries.oneOf(HostileInputs.text().map(t -> (Object) t),
        Arbitraries.of(1, -1, 0, Integer.MAX_VALUE, 1.5, true).map(v -> (Object) v),
        HostileInputs.value(2).map(v -> (Object) v));
    return Combinators.combine(Arbitraries.of(OPERATIONS), value, value, value).as((query, d, h, l) ->
        new JsonObject().put("query", query).put("variables", new JsonObject().put("d", d).put("h", h).put("l", l))
            .encode());
  }

  private static Arbitrary<String> documents() {
    return Arbitraries.oneOf(HostileInputs.text(),
        Arbitraries.integers().between(16, 400).map(n -> "{ " + "__schema { types { fields { type { ".repeat(n / 4)
            + "name" + " } } } }".repeat(n / 4) + " }"),
        Arbitraries.integers().between(16, 1300).map(GraphQLInputs::aliased),
        HostileInputs.text().map(t -> "{ domain { domainDetails(domain: " + HostileInputs.quoted(t)
            + ") { domain } } }"),
        HostileInputs.text().map(t -> "mutation { domain { addDomain(domain: " + HostileInputs.quoted(t)
            + ", hostType: \"type1\") { domain } } }"),
        Arbitraries.of("{", "}", "query {", "{ domain { nothing } }", "subscription { x }", "{ __typename }",
            "fragment F on DomainAdminQuery { ...F } { domain { ...F } }", "{ domain { allDomains(limit: 99999999999) { domain } } }"));
  }

  private static String aliased(int count) {
    StringBuilder query = new StringBuilder("mutation { domain {");
    for (int i = 0; i < count; i++) {
      query.append(" a").append(i).append(": setDomainPassword(domain: \"localhost\", password: \"p\")");
    }
    return query.append(" } }").toString();
  }
}
