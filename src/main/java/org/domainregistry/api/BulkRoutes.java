package org.domainregistry.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.domainregistry.registry.DomainError;
import org.domainregistry.service.DomainService;
import org.domainregistry.store.BulkStore;

/**
 * {@code POST /api/domains/import} and {@code GET /api/domains/export} (README "Operating", bulk
 * import/export), both streamed: the import is routed before the body handler and never holds its body.
 */
final class BulkRoutes {
  private static final String NDJSON = "application/x-ndjson";
  private static final int EXPORT_PAGE = 1000;
  private final DomainService service;
  private final BulkStore store;
  private final int batchSize;

  BulkRoutes(DomainService service, BulkStore store, int batchSize) {
    this.service = service;
    this.store = store;
    this.batchSize = batchSize;
  }

  /** Route step: holds the body back until the import reads it (authentication may take a database round trip). */
  static void pause(RoutingContext ctx) {
    ctx.request().pause();
    ctx.next();
  }

  /** NDJSON or CSV by Content-Type; anything else is 415 {@code unsupported_media_type}. */
  void importDomains(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String mime = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    if (!mime.equals(NDJSON) && !mime.equals("text/csv")) {
      ctx.fail(DomainError.UNSUPPORTED_MEDIA_TYPE.exception("Expected Content-Type " + NDJSON + " or text/csv"));
      return;
    }
    RefusalAudit.reached(ctx);
    new ImportRun(ctx.request(), service.as(AdminAuth.caller(ctx)), mime.equals("text/csv"), batchSize).start();
  }

  /** First line {@code {"snapshot_event_id": N}}, then one {@code {"domain","host_type","status"}} per stored domain. */
  void exportDomains(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    store.exportAll(EXPORT_PAGE, eventId -> {
      response.setChunked(true).putHeader("Content-Type", NDJSON);
      return response.write(new JsonObject().put("snapshot_event_id", eventId).encode() + "\n");
    }, page -> {
      Buffer out = Buffer.buffer(page.size() * 64);
      page.forEach(domain -> out.appendString(new JsonObject().put("domain", domain.domain())
          .put("host_type", domain.hostType()).put("status", domain.status().name().toLowerCase(java.util.Locale.ROOT))
          .encode()).appendByte((byte) '\n'));
      return response.write(out);
    }).onSuccess(count -> response.end()).onFailure(failure -> {
      if (response.headWritten()) {
        response.reset();
      } else {
        ctx.fail(failure);
      }
    });
  }

}
