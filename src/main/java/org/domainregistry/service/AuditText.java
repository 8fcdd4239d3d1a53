package org.domainregistry.service;

/**
 * Text as the audit log stores it: a caller, domain or host type as written by a client may hold
 * control characters (a NUL, which PostgreSQL refuses in text, would fail the whole statement of
 * rows it is in) or be very long; each control character becomes {@code ?} and the text is cut at
 * {@value #MAX_LENGTH} characters.
 */
final class AuditText {
  static final int MAX_LENGTH = 255;

  private AuditText() {}

  /** {@code text} fit for an audit row; null stays null. */
  static String clean(String text) {
    if (text == null) {
      return null;
    }
    String cut = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    StringBuilder out = null;
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        if (out == null) {
          out = new StringBuilder(cut);
        }
        out.setCharAt(i, '?');
      }
    }
    return out == null ? cut : out.toString();
  }
}
