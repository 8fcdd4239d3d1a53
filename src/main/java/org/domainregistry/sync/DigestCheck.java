package org.domainregistry.sync;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether nodes disagree (README "REST admin API", digest): two nodes whose digests were taken
 * at the same applied event id, each with nothing applied above it, must hold the same digest.
 */
public final class DigestCheck {
  private DigestCheck() {}

  /** True when two of these sync states (as {@link SyncStatus#toJson}) are at the same id with different digests. */
  public static boolean diverged(List<JsonObject> statuses) {
    Map<Long, String> digestAt = new HashMap<>();
    for (JsonObject status : statuses) {
      if (!Boolean.TRUE.equals(status.getBoolean("digest_complete")) || !Boolean.TRUE.equals(status.getBoolean("loaded"))) {
        continue;
      }
      String digest = status.getString("digest");
      String other = digestAt.putIfAbsent(status.getLong("digest_event_id"), digest);
      if (other != null && !Objects.equals(other, digest)) {
        return true;
      }
    }
    return false;
  }
}
