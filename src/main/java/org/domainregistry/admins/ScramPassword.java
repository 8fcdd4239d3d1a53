package org.domainregistry.admins;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Optional;

/**
 * Domain admin passwords in MongooseIM's {@code domain_admins.pass_details} format: salted,
 * iterated SCRAM keys (RFC 5802), never the password itself.
 *
 * <p>New passwords are SCRAM-SHA-512 with a random 16-byte salt and {@value #ITERATIONS}
 * iterations, written as {@code ==MULTI_SCRAM==,<iterations>,==SHA512==<salt>|<stored key>|<server key>}
 * (base64 values). Details written by MongooseIM are read too: its multi-hash format with any of
 * SHA-1 to SHA-512 (the strongest present is checked) and its legacy
 * {@code ==SCRAM==,<stored key>,<server key>,<salt>,<iterations>} SHA-1 format. Passwords are
 * NFKC-normalised first, close to the stringprep MongooseIM applies.
 */
public final class ScramPassword {
  /** PBKDF2 iterations of new passwords (MongooseIM's default). */
  public static final int ITERATIONS = 10_000;
  private static final int SALT_BYTES = 16;
  private static final String MULTI_PREFIX = "==MULTI_SCRAM==,";
  private static final String LEGACY_PREFIX = "==SCRAM==,";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ScramPassword() {}

  /** Keys of one hash function, as stored. */
  private record Keys(ScramHash hash, int iterations, byte[] salt, byte[] storedKey) {
    Keys {
      if (salt.length == 0 || storedKey.length == 0) {
        throw new IllegalArgumentException("empty salt or stored key");
      }
    }
  }

  /**
   * The details to store for a password. CPU-heavy (PBKDF2): never call it on an event loop.
   *
   * @param password a non-empty password
   * @return SCRAM-SHA-512 details with a fresh salt
   */
  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    try {
      byte[] salted = ScramHash.SHA512.saltedPassword(normalize(password), salt, ITERATIONS);
      return MULTI_PREFIX + ITERATIONS + "," + ScramHash.SHA512.prefix() + base64(salt) + "|"
          + base64(ScramHash.SHA512.storedKey(salted)) + "|" + base64(ScramHash.SHA512.serverKey(salted));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SCRAM-SHA-512 unavailable in this JVM", e);
    }
  }

  /**
   * Whether the password matches stored details. CPU-heavy (PBKDF2): never call it on an event loop.
   *
   * @return false when it does not match or the details cannot be read
   */
  public static boolean verify(String passDetails, String password) {
    Optional<Keys> keys = parse(passDetails);
    if (keys.isEmpty() || password.isEmpty()) {
      return false;
    }
    Keys k = keys.get();
    try {
      byte[] salted = k.hash().saltedPassword(normalize(password), k.salt(), k.iterations());
      return MessageDigest.isEqual(k.hash().storedKey(salted), k.storedKey());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Whether stored details are in a format this class can verify. */
  public static boolean isReadable(String passDetails) {
    return parse(passDetails).isPresent();
  }

  private static Optional<Keys> parse(String details) {
    try {
      if (details.startsWith(MULTI_PREFIX)) {
        return parseMulti(details.substring(MULTI_PREFIX.length()).split(",", -1));
      }
      if (details.startsWith(LEGACY_PREFIX)) {
        String[] parts = details.substring(LEGACY_PREFIX.length()).split(",", -1);
        return parts.length == 4 ? Optional.of(new Keys(ScramHash.SHA1, iterations(parts[3]),
            decode(parts[2]), decode(parts[0]))) : Optional.empty();
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<Keys> parseMulti(String[] parts) {
    int iterations = iterations(parts[0]);
    Keys strongest = null;
    for (int i = 1; i < parts.length; i++) {
      for (ScramHash hash : ScramHash.values()) {
        if (parts[i].startsWith(hash.prefix()) && (strongest == null || hash.compareTo(strongest.hash()) > 0)) {
          String[] values = parts[i].substring(hash.prefix().length()).split("\\|", -1);
          if (values.length != 3) {
            return Optional.empty();
          }
          strongest = new Keys(hash, iterations, decode(values[0]), decode(values[1]));
        }
      }
    }
    return Optional.ofNullable(strongest);
  }

  private static int iterations(String text) {
    int iterations = Integer.parseInt(text.trim());
    if (iterations < 1) {
      throw new IllegalArgumentException("iteration count must be positive");
    }
    return iterations;
  }

  private static String normalize(String password) {
    return Normalizer.normalize(password, Normalizer.Form.NFKC);
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] decode(String text) {
    return Base64.getDecoder().decode(text);
  }
}
