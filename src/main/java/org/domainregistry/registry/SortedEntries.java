package org.domainregistry.registry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The domains of one host type in name order: a list of sorted blocks of at most
 * {@value #MAX_BLOCK} entries ({@link Entries}), each block immutable. An entry costs a 4-byte
 * reference (blocks are half to fully filled). A page after a cursor is two binary searches and a
 * walk ({@link #page}), never a scan of the whole host type.
 *
 * <p>One writer at a time. A write copies the block it changes and publishes the copy with release
 * semantics into the block list, or publishes a new block list through a volatile field when a
 * block splits or empties. Readers never lock; a walk sees each block before or after a concurrent
 * write to it, so, as with {@link java.util.concurrent.ConcurrentHashMap}'s iterators, it is weakly
 * consistent.
 */
final class SortedEntries {
  static final int MAX_BLOCK = 128;
  private static final int BULK_FILL = 96;
  private static final VarHandle BLOCK = MethodHandles.arrayElementVarHandle(byte[][][].class);

  private volatile byte[][][] blocks = new byte[0][][];
  private volatile int size;

  int size() {
    return size;
  }

  /** Adds the entry unless one of the same name is in; returns whether it was added. */
  boolean add(byte[] entry) {
    byte[][][] bs = blocks;
    if (bs.length == 0) {
      blocks = new byte[][][] {{entry}};
      size = 1;
      return true;
    }
    int b = blockFor(bs, entry);
    byte[][] block = bs[b];
    int at = Arrays.binarySearch(block, entry, Entries::compare);
    if (at >= 0) {
      return false;
    }
    at = -at - 1;
    byte[][] grown = new byte[block.length + 1][];
    System.arraycopy(block, 0, grown, 0, at);
    grown[at] = entry;
    System.arraycopy(block, at, grown, at + 1, block.length - at);
    if (grown.length <= MAX_BLOCK) {
      BLOCK.setRelease(bs, b, grown);
    } else {
      byte[][][] next = new byte[bs.length + 1][][];
      System.arraycopy(bs, 0, next, 0, b);
      next[b] = Arrays.copyOfRange(grown, 0, grown.length / 2);
      next[b + 1] = Arrays.copyOfRange(grown, grown.length / 2, grown.length);
      System.arraycopy(bs, b + 1, next, b + 2, bs.length - b - 1);
      blocks = next;
    }
    size = size + 1;
    return true;
  }

  /** Removes the entry of the same name; returns whether one was in. */
  boolean remove(byte[] entry) {
    byte[][][] bs = blocks;
    if (bs.length == 0) {
      return false;
    }
    int b = blockFor(bs, entry);
    byte[][] block = bs[b];
    int at = Arrays.binarySearch(block, entry, Entries::compare);
    if (at < 0) {
      return false;
    }
    if (block.length == 1) {
      byte[][][] next = new byte[bs.length - 1][][];
      System.arraycopy(bs, 0, next, 0, b);
      System.arraycopy(bs, b + 1, next, b, bs.length - b - 1);
      blocks = next;
    } else {
      byte[][] shrunk = new byte[block.length - 1][];
      System.arraycopy(block, 0, shrunk, 0, at);
      System.arraycopy(block, at + 1, shrunk, at, block.length - at - 1);
      BLOCK.setRelease(bs, b, shrunk);
    }
    size = size - 1;
    return true;
  }

  /** Adds many entries at once (none of them in yet): one sort and one rebuild instead of a copy per entry. */
  void addAll(List<byte[]> entries) {
    if (entries.isEmpty()) {
      return;
    }
    List<byte[]> all = new ArrayList<>(size + entries.size());
    for (byte[][] block : blocks) {
      all.addAll(Arrays.asList(block));
    }
    all.addAll(entries);
    byte[][] sorted = all.toArray(byte[][]::new);
    PrefixSort.sort(sorted);
    byte[][][] next = new byte[(sorted.length + BULK_FILL - 1) / BULK_FILL][][];
    for (int i = 0; i < next.length; i++) {
      next[i] = Arrays.copyOfRange(sorted, i * BULK_FILL, Math.min(sorted.length, (i + 1) * BULK_FILL));
    }
    blocks = next;
    size = sorted.length;
  }

  /** Adds every name, in order, to {@code out}. */
  void copyTo(Collection<String> out) {
    byte[][][] bs = blocks;
    for (int b = 0; b < bs.length; b++) {
      for (byte[] e : (byte[][]) BLOCK.getAcquire(bs, b)) {
        out.add(Entries.name(e));
      }
    }
  }

  /** Adds to {@code out}, in order, up to {@code limit} names ordered after {@code after} (null: from the first). */
  void page(String after, int limit, List<String> out) {
    byte[][][] bs = blocks;
    int b = 0;
    int at = 0;
    if (after != null && bs.length > 0) {
      int lo = 0;
      int hi = bs.length - 1;
      while (lo < hi) { // the last block whose first name is <= after
        int mid = (lo + hi + 1) >>> 1;
        if (Entries.compare(((byte[][]) BLOCK.getAcquire(bs, mid))[0], after) <= 0) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      b = lo;
      byte[][] block = (byte[][]) BLOCK.getAcquire(bs, b);
      while (at < block.length && Entries.compare(block[at], after) <= 0) {
        at++;
      }
    }
    for (int added = 0; b < bs.length && added < limit; b++, at = 0) {
      byte[][] block = (byte[][]) BLOCK.getAcquire(bs, b);
      for (; at < block.length && added < limit; at++, added++) {
        out.add(Entries.name(block[at]));
      }
    }
  }

  /** The last block whose first entry is not after {@code entry}, or the first block. */
  private static int blockFor(byte[][][] bs, byte[] entry) {
    int lo = 0;
    int hi = bs.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (Entries.compare(bs[mid][0], entry) <= 0) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
