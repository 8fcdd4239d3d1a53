package org.domainregistry.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.domainregistry.registry.DomainException;
import org.domainregistry.service.AuditLog;

/**
 * Audits the REST mutations refused before they reach the service (README "Operating", audit log):
 * bad or missing credentials, a domain admin on a REST route, a cross-site write, an unparsable
 * body, path or query parameter. Requests the service saw ({@link #reached}) were audited by it.
 * The route a request names tells the operation: {@code PUT /api/domains/{d}} insert, {@code PATCH}
 * enable or disable (by its body; {@code enable or disable} when the body does not say),
 * {@code DELETE} remove or request removal, {@code POST /api/domains/import} import; the domain is
 * the path's, decoded when it decodes. Read-only routes and GraphQL (audited by its permission
 * check) are left out.
 */
final class RefusalAudit {
  private static final String REACHED = "audit_reached_service";
  private static final String DOMAINS = "/api/domains/";
  private final AuditLog audit;

  RefusalAudit(AuditLog audit) {
    this.audit = audit;
  }

  /** Marks a request that is handed to the service, which audits its outcome itself. */
  static void reached(RoutingContext ctx) {
    ctx.put(REACHED, true);
  }

  /** Observes a failed request on its way to {@link HttpErrors}: audits it if it is a refused mutation. */
  void failed(RoutingContext ctx, DomainException failure) {
    if (ctx.get(REACHED) != null) {
      return;
    }
    HttpMethod method = ctx.request().method();
    String path = ctx.request().path();
    if (HttpMethod.POST.equals(method) && (DOMAINS + "import").equals(path)) {
      audit.refused(AdminAuth.auditedCaller(ctx), AuditLog.IMPORT, "", null, failure.error());
      return;
    }
    if (path == null || !path.startsWith(DOMAINS) || path.indexOf('/', DOMAINS.length()) >= 0) {
      return;
    }
    JsonObject body = body(ctx);
    String operation = operation(method, body);
    if (operation != null) {
      Object hostType = body.getValue("host_type");
      audit.refused(AdminAuth.auditedCaller(ctx), operation, decoded(path.substring(DOMAINS.length())),
          hostType instanceof String type ? type : null, failure.error());
    }
  }

  /** The operation a write route stands for, null for any other method. */
  private static String operation(HttpMethod method, JsonObject body) {
    if (HttpMethod.PUT.equals(method)) {
      return AuditLog.INSERT;
    }
    if (HttpMethod.PATCH.equals(method)) {
      return body.getValue("enabled") instanceof Boolean enabled ? (enabled ? AuditLog.ENABLE : AuditLog.DISABLE)
          : AuditLog.ENABLE + " or " + AuditLog.DISABLE;
    }
    if (HttpMethod.DELETE.equals(method)) {
      return Boolean.TRUE.equals(body.getValue("request")) ? AuditLog.REQUEST_REMOVAL : AuditLog.REMOVE;
    }
    return null;
  }

  private static String decoded(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }

  /** The body as far as it is a JSON object; empty when it was not read (or is not one). */
  private static JsonObject body(RoutingContext ctx) {
    try {
      return ctx.body() == null ? new JsonObject() : DomainRoutes.body(ctx);
    } catch (DomainException e) {
      return new JsonObject();
    }
  }
}
