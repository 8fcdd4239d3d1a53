package org.domainregistry.registry;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A registry entry as one {@code byte[]}: a header byte (the host type id in the low 7 bits, the
 * top bit set when the name is stored as UTF-16) followed by the name, one byte per character when
 * every character is below 256 (canonical names are ASCII), else two. At 19 characters an entry
 * costs 40 bytes where a {@code String} costs 64. Entries are immutable: a host type change
 * replaces the entry. Names compare as {@link String#compareTo} does (by UTF-16 unit), and hash
 * as {@link String#hashCode} does, so a region of a query string can be looked up in place.
 */
final class Entries {
  /** Host type ids fit the header's low 7 bits. */
  static final int MAX_TYPES = 127;
  private static final int WIDE = 0x80;

  private Entries() {}

  static byte[] of(String name, int typeId) {
    boolean wide = false;
    for (int i = 0; i < name.length() && !wide; i++) {
      wide = name.charAt(i) > 0xFF;
    }
    int n = name.length();
    byte[] e = new byte[1 + (wide ? 2 * n : n)];
    e[0] = (byte) (typeId | (wide ? WIDE : 0));
    if (wide) {
      byte[] utf16 = name.getBytes(StandardCharsets.UTF_16BE);
      System.arraycopy(utf16, 0, e, 1, utf16.length);
    } else {
      name.getBytes(0, n, e, 1); // deprecated but exact for characters below 256, and allocation-free
    }
    return e;
  }

  static int type(byte[] e) {
    return e[0] & 0x7F;
  }

  /** The same name under another host type. */
  static byte[] withType(byte[] e, int typeId) {
    byte[] copy = e.clone();
    copy[0] = (byte) ((e[0] & WIDE) | typeId);
    return copy;
  }

  /** Whether the name is stored as UTF-16 (two bytes a character). */
  static boolean isWide(byte[] e) {
    return (e[0] & WIDE) != 0;
  }

  /**
   * Bytes {@code from} to {@code from + count} (at most 8) of a one-byte-a-character name,
   * big-endian, zero past its end.
   */
  static long prefix(byte[] e, int from, int count) {
    long key = 0;
    for (int i = 1 + from; i < 1 + from + count; i++) {
      key = key << 8 | (i < e.length ? e[i] & 0xFF : 0);
    }
    return key;
  }

  static int length(byte[] e) {
    return (e[0] & WIDE) == 0 ? e.length - 1 : (e.length - 1) >> 1;
  }

  static char charAt(byte[] e, int i) {
    return (e[0] & WIDE) == 0 ? (char) (e[1 + i] & 0xFF) : (char) (((e[1 + 2 * i] & 0xFF) << 8) | (e[2 + 2 * i] & 0xFF));
  }

  static String name(byte[] e) {
    return (e[0] & WIDE) == 0
        ? new String(e, 1, e.length - 1, StandardCharsets.ISO_8859_1)
        : new String(e, 1, e.length - 1, StandardCharsets.UTF_16BE);
  }

  /** {@code name.substring(from).hashCode()}, without the substring. */
  static int hash(String name, int from) {
    if (from == 0) {
      return name.hashCode();
    }
    int h = 0;
    for (int i = from; i < name.length(); i++) {
      h = 31 * h + name.charAt(i);
    }
    return h;
  }

  /** The hash of the entry's name, equal to its {@code String}'s. */
  static int hash(byte[] e) {
    int h = 0;
    int n = length(e);
    for (int i = 0; i < n; i++) {
      h = 31 * h + charAt(e, i);
    }
    return h;
  }

  /** Whether the entry's name equals {@code name.substring(from)}. */
  static boolean nameEquals(byte[] e, String name, int from) {
    int n = name.length() - from;
    if ((e[0] & WIDE) == 0) {
      if (e.length - 1 != n) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if ((e[1 + i] & 0xFF) != name.charAt(from + i)) {
          return false;
        }
      }
      return true;
    }
    if (length(e) != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (charAt(e, i) != name.charAt(from + i)) {
        return false;
      }
    }
    return true;
  }

  /** Orders entries by name as {@link String#compareTo} orders the names. */
  static int compare(byte[] a, byte[] b) {
    if (((a[0] | b[0]) & WIDE) == 0) {
      return Arrays.compareUnsigned(a, 1, a.length, b, 1, b.length);
    }
    int na = length(a);
    int nb = length(b);
    int n = Math.min(na, nb);
    for (int i = 0; i < n; i++) {
      int d = charAt(a, i) - charAt(b, i);
      if (d != 0) {
        return d;
      }
    }
    return na - nb;
  }

  /** Orders the entry's name against a name as {@link String#compareTo} would. */
  static int compare(byte[] a, String b) {
    int na = length(a);
    int n = Math.min(na, b.length());
    for (int i = 0; i < n; i++) {
      int d = charAt(a, i) - b.charAt(i);
      if (d != 0) {
        return d;
      }
    }
    return na - b.length();
  }
}
