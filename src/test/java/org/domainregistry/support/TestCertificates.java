package org.domainregistry.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made in a test, written as PEM files: a CA, and certificates it issues (or
 * self-signed ones) valid for {@code 127.0.0.1} and {@code localhost}. Nothing is checked in.
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
  private final Path dir;
  private final KeyPair caKeys;
  private final X509Certificate ca;
  private final Path caPath;

  /** A certificate and its private key, as PEM files. */
  public record Pem(Path cert, Path key) {}

  private TestCertificates(Path dir, String name) {
    this.dir = dir;
    this.caKeys = keys();
    this.ca = certificate(name, name, caKeys, caKeys, true);
    this.caPath = write(name + "-ca.pem", "CERTIFICATE", encoded(ca));
  }

  /** A new CA named {@code name} whose files go to {@code dir}. */
  public static TestCertificates authority(Path dir, String name) {
    return new TestCertificates(dir, name);
  }

  /** The CA's certificate file. */
  public Path caPath() {
    return caPath;
  }

  /** A certificate for {@code name} signed by this CA. */
  public Pem issue(String name) {
    KeyPair keys = keys();
    X509Certificate certificate = certificate(ca.getSubjectX500Principal().getName(), name, keys, caKeys, false);
    return new Pem(write(name + ".pem", "CERTIFICATE", encoded(certificate)),
        write(name + "-key.pem", "PRIVATE KEY", keys.getPrivate().getEncoded()));
  }

  /** A self-signed certificate for {@code name}, trusted by nobody until named. */
  public Pem selfSigned(String name) {
    KeyPair keys = keys();
    X509Certificate certificate = certificate(name, name, keys, keys, false);
    return new Pem(write(name + ".pem", "CERTIFICATE", encoded(certificate)),
        write(name + "-key.pem", "PRIVATE KEY", keys.getPrivate().getEncoded()));
  }

  private static X509Certificate certificate(String issuer, String subject, KeyPair keys, KeyPair signer, boolean isCa) {
    Instant now = Instant.now();
    try {
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(dn(issuer)),
          BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
          Date.from(now.plus(Duration.ofDays(2))), new X500Name(dn(subject)), keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("Could not make a test certificate", e);
    }
  }

  private static String dn(String name) {
    return name.startsWith("CN=") ? name : "CN=" + name;
  }

  private static KeyPair keys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path write(String file, String type, byte[] der) {
    String pem = "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
    try {
      return Files.writeString(dir.resolve(file), pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
