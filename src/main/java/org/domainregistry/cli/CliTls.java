package org.domainregistry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context of the CLI when the node speaks HTTPS: it trusts exactly the certificates of
 * the node's {@code http.tls.cert_path} (a self-signed certificate, or a chain whose certificates
 * it pins), so no system trust store is needed (README "Security").
 */
final class CliTls {
  private CliTls() {}

  /** A context trusting every certificate in the PEM file {@code certPath}. */
  static SSLContext trusting(String certPath) throws IOException {
    try (InputStream pem = Files.newInputStream(Path.of(certPath))) {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int i = 0;
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
        trusted.setCertificateEntry("node-" + i++, certificate);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot read the certificate " + certPath + ": " + e.getMessage(), e);
    }
  }
}
