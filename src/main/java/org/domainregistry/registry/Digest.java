package org.domainregistry.registry;

/**
 * An order-independent digest of a set of (domain, host type) pairs: the wrapping sum of a 64-bit
 * hash of each pair (README "REST admin API", digest). Adding or removing a pair is O(1) in the
 * set's size; two nodes holding the same pairs have the same digest whatever order they got them
 * in. The hash is fixed (FNV-1a over the UTF-16 units, then a SplitMix64 finaliser), so digests
 * compare across JVMs and versions.
 */
public final class Digest {
  private Digest() {}

  /** The hash of one pair. */
  public static long of(String domain, String hostType) {
    long h = 0xcbf29ce484222325L;
    h = mix(h, domain);
    h = (h ^ 0xFFFF) * 0x100000001b3L;
    h = mix(h, hostType);
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }

  /** The digest as the APIs show it: 16 lower-case hex digits. */
  public static String hex(long digest) {
    return String.format("%016x", digest);
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }
}
