package org.domainregistry.admins;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash functions of SCRAM (RFC 5802) as MongooseIM serialises them, weakest first, each with
 * the prefix that marks its keys in {@code pass_details}.
 */
enum ScramHash {
  SHA1("===SHA1===", "SHA-1", "HmacSHA1", 20),
  SHA224("==SHA224==", "SHA-224", "HmacSHA224", 28),
  SHA256("==SHA256==", "SHA-256", "HmacSHA256", 32),
  SHA384("==SHA384==", "SHA-384", "HmacSHA384", 48),
  SHA512("==SHA512==", "SHA-512", "HmacSHA512", 64);

  private final String prefix;
  private final String digest;
  private final String hmac;
  private final int length;

  ScramHash(String prefix, String digest, String hmac, int length) {
    this.prefix = prefix;
    this.digest = digest;
    this.hmac = hmac;
    this.length = length;
  }

  /** The marker in front of this hash's salt and keys, e.g. {@code ==SHA512==}. */
  String prefix() {
    return prefix;
  }

  /** SaltedPassword: PBKDF2 with this hash's HMAC, as long as one digest. */
  byte[] saltedPassword(String password, byte[] salt, int iterations) throws GeneralSecurityException {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, length * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2With" + hmac).generateSecret(spec).getEncoded();
    } finally {
      spec.clearPassword();
    }
  }

  /** StoredKey = H(HMAC(SaltedPassword, "Client Key")). */
  byte[] storedKey(byte[] saltedPassword) throws GeneralSecurityException {
    return MessageDigest.getInstance(digest).digest(hmac(saltedPassword, "Client Key"));
  }

  /** ServerKey = HMAC(SaltedPassword, "Server Key"). */
  byte[] serverKey(byte[] saltedPassword) throws GeneralSecurityException {
    return hmac(saltedPassword, "Server Key");
  }

  private byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
    Mac mac = Mac.getInstance(hmac);
    mac.init(new SecretKeySpec(key, hmac));
    return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
  }
}
