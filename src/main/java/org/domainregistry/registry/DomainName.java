package org.domainregistry.registry;

import com.ibm.icu.impl.Punycode;
import com.ibm.icu.text.IDNA;
import com.ibm.icu.text.StringPrepParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Domain names and host type names as the registry accepts them.
 *
 * <p>A domain name has one canonical form: lower-case ASCII, internationalised labels in A-label
 * (punycode) form, e.g. {@code bücher.example}, {@code BÜCHER.example} and
 * {@code xn--bcher-kva.example} all become {@code xn--bcher-kva.example}. Labels are 1–63
 * characters of {@code [a-z0-9]} and inner hyphens, the whole name at most 253 characters, with no
 * empty label and no trailing dot.
 *
 * <p>Internationalised names are processed by ICU4J's UTS #46 nontransitional mapping (IDNA2008,
 * STD3 rules, bidi and CONTEXTJ checks): {@code faß.de} is {@code xn--fa-hia.de}, not
 * {@code fass.de}. A label already in A-label form is decoded and re-encoded, so a name that
 * displays alike has one stored form ({@code xn--bcher-0ha66c.example}, which hides a soft
 * hyphen, becomes {@code xn--bcher-kva.example}); invalid punycode and disallowed code points are
 * {@link DomainError#INVALID_DOMAIN}. README "Security" explains why.
 */
public final class DomainName {
  /** Longest name, in A-label form. */
  public static final int MAX_LENGTH = 253;
  /** Longest label, in A-label form. */
  public static final int MAX_LABEL_LENGTH = 63;
  /** Longest host type name, in characters (code points). */
  public static final int MAX_HOST_TYPE_LENGTH = 100;

  /**
   * Longest raw input handed to IDNA. Nameprep may map characters to nothing, so a valid Unicode
   * name can be longer than its A-label; anything this long is still rejected without work.
   */
  private static final int MAX_UNICODE_INPUT = 4 * MAX_LENGTH;

  private static final int CANONICAL = 0;
  private static final int INVALID = 1;
  private static final int NEEDS_IDNA = 2;
  private static final String ACE_PREFIX = "xn--";

  private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
      | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.USE_STD3_RULES | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);
  /**
   * Errors not held against a name: hyphens in positions 3–4 of a non-ACE label are allowed, as in
   * the plain ASCII path; leading/trailing hyphens and lengths are checked by {@link #scan}.
   */
  private static final Set<IDNA.Error> TOLERATED = EnumSet.of(IDNA.Error.HYPHEN_3_4);

  private DomainName() {}

  /**
   * The canonical form of a domain name.
   *
   * <p>A name that is already canonical is returned as the same instance, without allocating.
   *
   * @param raw a domain name as a client spelled it, in Unicode or A-label form, any case
   * @return the lower-case A-label form
   * @throws DomainException {@link DomainError#INVALID_DOMAIN} when {@code raw} is null or not a
   *     valid domain name
   */
  public static String normalize(String raw) {
    if (raw == null) {
      throw DomainError.INVALID_DOMAIN.exception();
    }
    return switch (scan(raw)) {
      case CANONICAL -> raw.contains(ACE_PREFIX) ? sameIfEqual(raw, toCanonicalAscii(raw)) : raw;
      case NEEDS_IDNA -> toCanonicalAscii(raw);
      default -> throw DomainError.INVALID_DOMAIN.exception();
    };
  }

  /**
   * The canonical name when {@code raw} is valid, else {@code raw} as given (so that a refusal is
   * audited under what was asked).
   */
  public static String canonicalOrAsGiven(String raw) {
    try {
      return normalize(raw);
    } catch (DomainException e) {
      return raw;
    }
  }

  /**
   * Whether a host type name is acceptable: 1–100 printable characters. Spaces are allowed (as in
   * {@code dummy auth}); control characters, line separators, unassigned code points and unpaired
   * surrogates are not.
   *
   * @param hostType the name to check, may be null
   * @return true when it can be used as a host type
   */
  public static boolean isValidHostType(String hostType) {
    if (hostType == null || hostType.isEmpty()) {
      return false;
    }
    int count = 0;
    for (int i = 0; i < hostType.length(); ) {
      int cp = hostType.codePointAt(i);
      if (++count > MAX_HOST_TYPE_LENGTH || !isPrintable(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  private static boolean isPrintable(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.SURROGATE, Character.UNASSIGNED,
          Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }

  private static String toCanonicalAscii(String raw) {
    if (raw.length() > MAX_UNICODE_INPUT) {
      throw DomainError.INVALID_DOMAIN.exception();
    }
    StringBuilder ascii = new StringBuilder(raw.length());
    IDNA.Info info = new IDNA.Info();
    UTS46.nameToASCII(decodeAceLabels(raw), ascii, info);
    Set<IDNA.Error> errors = info.getErrors();
    if (!errors.isEmpty() && !TOLERATED.containsAll(errors)) {
      throw DomainError.INVALID_DOMAIN.exception();
    }
    String canonical = ascii.toString().toLowerCase(Locale.ROOT);
    if (scan(canonical) != CANONICAL) {
      throw DomainError.INVALID_DOMAIN.exception();
    }
    return canonical;
  }

  private static String sameIfEqual(String raw, String canonical) {
    return raw.equals(canonical) ? raw : canonical;
  }

  /** The name with every A-label replaced by the Unicode it encodes, for UTS #46 to map afresh. */
  private static String decodeAceLabels(String raw) {
    if (!raw.regionMatches(true, 0, ACE_PREFIX, 0, 4) && !raw.toLowerCase(Locale.ROOT).contains("." + ACE_PREFIX)) {
      return raw;
    }
    StringBuilder decoded = new StringBuilder(raw.length());
    for (String label : raw.split("\\.", -1)) {
      if (!decoded.isEmpty()) {
        decoded.append('.');
      }
      if (label.regionMatches(true, 0, ACE_PREFIX, 0, 4)) {
        try {
          decoded.append(Punycode.decode(label.substring(4), null));
        } catch (StringPrepParseException | RuntimeException e) {
          throw DomainError.INVALID_DOMAIN.exception();
        }
      } else {
        decoded.append(label);
      }
    }
    return decoded.toString();
  }

  /**
   * One pass over the name: {@link #CANONICAL} when it is valid as it stands, {@link #NEEDS_IDNA}
   * at the first upper-case or non-ASCII character (IDNA decides then), else {@link #INVALID}.
   */
  private static int scan(String name) {
    int length = name.length();
    int labelLength = 0;
    char previous = '.';
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && previous != '.')) {
        if (++labelLength > MAX_LABEL_LENGTH) {
          return INVALID;
        }
      } else if (c == '.') {
        if (previous == '.' || previous == '-') {
          return INVALID;
        }
        labelLength = 0;
      } else if ((c >= 'A' && c <= 'Z') || c > 0x7F) {
        return NEEDS_IDNA;
      } else {
        return INVALID;
      }
      previous = c;
    }
    if (previous == '.' || previous == '-' || length > MAX_LENGTH) {
      return INVALID;
    }
    return CANONICAL;
  }
}
