package org.domainregistry.api;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.Locale;
import org.domainregistry.config.NodeConfig;

/**
 * The listener options of the admin API: plain HTTP, or HTTPS with the PEM certificate and key of
 * {@code http.tls} and, when {@code client_auth} asks for them, client certificates signed by
 * {@code client_ca_path} (README "Security").
 */
final class AdminTls {
  private AdminTls() {}

  /** Options for the admin HTTP server of {@code http}. */
  static HttpServerOptions serverOptions(NodeConfig.Http http) {
    // No HTTP/2 upgrade in clear text: Vert.x's HTTP server metrics fail on the upgraded stream (README "Operating")
    HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(false);
    http.tls().ifPresent(tls -> {
      options.setSsl(true)
          .setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.certPath()).setKeyPath(tls.keyPath()))
          .setClientAuth(ClientAuth.valueOf(tls.clientAuth().toUpperCase(Locale.ROOT)));
      tls.clientCaPath().ifPresent(ca -> options.setTrustOptions(new PemTrustOptions().addCertPath(ca)));
    });
    return options;
  }
}
