package org.domainregistry.registry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * Domain entries ({@link Entries}) by name: an open-addressing hash table (linear probing) of two
 * parallel arrays, the entries and their names' hashes, at a load kept between 1/4 and 3/4 (2/3 after a resize). An
 * entry costs its {@code byte[]} plus two 4-byte slots per table position, where a
 * {@code ConcurrentHashMap} costs a 32-byte node, a slot and the key {@code String}. A name may be
 * looked up from an offset of a longer string ({@link #get(String, int)}), allocating nothing.
 *
 * <p>One writer at a time: {@link #put} and {@link #remove} must be serialised by the caller.
 * Readers never lock. A writer stores the hash before the entry and publishes the entry with
 * release semantics; a grown or shrunk table is built apart and published through a volatile
 * field, and never written again. A read concurrent with a write sees the entry before or after
 * it; the stored hash only filters candidates, the entry's name decides.
 */
final class CompactTable {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
  /** Marks a slot whose entry was removed, so probe sequences running through it stay intact. */
  private static final byte[] REMOVED = new byte[0];
  private static final int MIN_CAPACITY = 16;

  /** The arrays of one table size, published together. */
  private static final class Table {
    final Object[] entries;
    final int[] hashes;

    Table(int capacity) {
      entries = new Object[capacity];
      hashes = new int[capacity];
    }
  }

  private volatile Table table = new Table(MIN_CAPACITY);
  private volatile int size;
  private int removedSlots;

  int size() {
    return size;
  }

  /** The entry named {@code name.substring(from)}, or null. */
  byte[] get(String name, int from) {
    int h = Entries.hash(name, from);
    Table t = table;
    Object[] entries = t.entries;
    int mask = entries.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      Object e = SLOT.getAcquire(entries, i);
      if (e == null) {
        return null;
      }
      if (t.hashes[i] == h && e != REMOVED && Entries.nameEquals((byte[]) e, name, from)) {
        return (byte[]) e;
      }
    }
  }

  /** Puts the entry in, replacing the one of the same name; returns that one, or null. */
  byte[] put(byte[] entry, String name) {
    int h = name.hashCode();
    Table t = table;
    Object[] entries = t.entries;
    int mask = entries.length - 1;
    int free = -1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      Object e = entries[i];
      if (e == null) {
        if (free < 0) {
          free = i;
        }
        break;
      }
      if (e == REMOVED) {
        if (free < 0) {
          free = i;
        }
      } else if (t.hashes[i] == h && Entries.nameEquals((byte[]) e, name, 0)) {
        SLOT.setRelease(entries, i, entry);
        return (byte[]) e;
      }
    }
    if (entries[free] == REMOVED) {
      removedSlots--;
    }
    t.hashes[free] = h;
    SLOT.setRelease(entries, free, entry);
    size = size + 1;
    if ((size + removedSlots) * 4L > entries.length * 3L) {
      resize(size);
    }
    return null;
  }

  /** Takes out the entry of this name; returns it, or null when none was in. */
  byte[] remove(String name) {
    int h = name.hashCode();
    Table t = table;
    Object[] entries = t.entries;
    int mask = entries.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      Object e = entries[i];
      if (e == null) {
        return null;
      }
      if (e != REMOVED && t.hashes[i] == h && Entries.nameEquals((byte[]) e, name, 0)) {
        SLOT.setRelease(entries, i, REMOVED);
        size = size - 1;
        removedSlots++;
        if (entries.length > MIN_CAPACITY && size * 4L < entries.length) {
          resize(size);
        }
        return (byte[]) e;
      }
    }
  }

  /** Makes room for {@code expected} entries at once, sparing the resizes of a bulk load. */
  void reserve(int expected) {
    if ((expected + removedSlots) * 4L > table.entries.length * 3L) {
      resize(expected);
    }
  }

  /** Calls {@code action} with each entry; weakly consistent, never locks. */
  void forEach(Consumer<byte[]> action) {
    Object[] entries = table.entries;
    for (int i = 0; i < entries.length; i++) {
      Object e = SLOT.getAcquire(entries, i);
      if (e != null && e != REMOVED) {
        action.accept((byte[]) e);
      }
    }
  }

  int capacity() {
    return table.entries.length;
  }

  /** Rebuilds at the smallest power-of-two capacity holding {@code room} entries at a load of 2/3. */
  private void resize(int room) {
    int capacity = MIN_CAPACITY;
    while (capacity * 2L < room * 3L) {
      capacity <<= 1;
    }
    Table old = table;
    Table fresh = new Table(capacity);
    int mask = capacity - 1;
    for (int j = 0; j < old.entries.length; j++) {
      Object e = old.entries[j];
      if (e != null && e != REMOVED) {
        int h = old.hashes[j];
        int i = spread(h) & mask;
        while (fresh.entries[i] != null) {
          i = (i + 1) & mask;
        }
        fresh.hashes[i] = h;
        fresh.entries[i] = e;
      }
    }
    removedSlots = 0;
    table = fresh;
  }

  private static int spread(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }
}
