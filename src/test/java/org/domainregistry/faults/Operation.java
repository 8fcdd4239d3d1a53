package org.domainregistry.faults;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Random;
import org.domainregistry.faults.DomainHistory.State;

/** The workload's operations, the REST call each makes, and the answer that acknowledges it. */
enum Operation {
  INSERT("PUT", "{\"host_type\":\"type1\"}", State.ENABLED),
  ENABLE("PATCH", "{\"enabled\":true}", State.ENABLED),
  DISABLE("PATCH", "{\"enabled\":false}", State.DISABLED),
  REMOVE("DELETE", "{\"host_type\":\"type1\"}", State.ABSENT),
  REQUEST_REMOVAL("DELETE", "{\"host_type\":\"type1\",\"request\":true}", State.REMOVING),
  CHECK_REMOVED("GET", null, State.REMOVING);

  private final String method;
  private final String body;
  private final State target;

  Operation(String method, String body, State target) {
    this.method = method;
    this.body = body;
    this.target = target;
  }

  /** A random operation that makes sense in state {@code known}. */
  static Operation next(State known, Random random) {
    int dice = random.nextInt(100);
    return switch (known == null ? State.REMOVING : known) {
      case ABSENT -> INSERT;
      case ENABLED -> dice < 50 ? DISABLE : dice < 75 ? REMOVE : REQUEST_REMOVAL;
      case DISABLED -> dice < 50 ? ENABLE : dice < 75 ? REMOVE : REQUEST_REMOVAL;
      case REMOVING -> CHECK_REMOVED;
    };
  }

  HttpRequest.Builder request(URI base, String domain) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/domains/" + domain));
    return body == null ? request.GET()
        : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
  }

  /** Whether an answer with this status acknowledges the operation. */
  boolean acknowledgedBy(int status) {
    return switch (this) {
      case REQUEST_REMOVAL -> status == 202 || status == 204;
      case CHECK_REMOVED -> status == 200 || status == 404;
      default -> status == 204;
    };
  }

  /**
   * The state the domain is in after an answer with this status and body (or may be in, when
   * unknown): a check reads the state from the domain's {@code status}.
   */
  State target(int status, String body) {
    if (this != CHECK_REMOVED || status >= 500 || status == 0) {
      return target;
    }
    if (status == 404) {
      return State.ABSENT;
    }
    return body.contains("\"status\":\"enabled\"") ? State.ENABLED
        : body.contains("\"status\":\"disabled\"") ? State.DISABLED : State.REMOVING;
  }
}
