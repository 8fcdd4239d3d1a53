package org.domainregistry.registry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collection;

/**
 * The domains of one host type: an open-addressing hash set (linear probing) over one array. An
 * entry costs a 4-byte slot, at a load kept between 0.25 and 0.75 while the set grows, instead
 * of the 32-byte node plus table slot of a {@code ConcurrentHashMap} key set. It holds the
 * caller's string instances, so the index shares the domain strings of the registry's main map.
 *
 * <p>One writer at a time: {@link #add} and {@link #remove} must be serialised by the caller.
 * Readers only iterate ({@link #copyTo}, {@link #size}); they never lock. A writer publishes
 * every slot with release semantics and a grown or shrunk array through a volatile field, so an
 * iteration sees each domain that was in the set for all of it and any subset of the ones added
 * or removed meanwhile. As with {@code ConcurrentHashMap}'s iterators, a domain removed and added
 * again while an iteration runs may be seen twice.
 */
final class DomainSet {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(String[].class);
  /** Marks a slot whose domain was removed, so probe sequences running through it stay intact. */
  private static final String REMOVED = new String("removed");
  private static final int MIN_CAPACITY = 16;

  private volatile String[] table = new String[MIN_CAPACITY];
  private volatile int size;
  private int removedSlots;

  int size() {
    return size;
  }

  /** Adds the domain unless an equal one is in; returns whether it was added. */
  boolean add(String domain) {
    String[] t = table;
    int mask = t.length - 1;
    int free = -1;
    for (int i = indexFor(domain, mask); ; i = (i + 1) & mask) {
      String s = t[i];
      if (s == null) {
        if (free < 0) {
          free = i;
        }
        break;
      }
      if (s == REMOVED) {
        if (free < 0) {
          free = i;
        }
      } else if (s.equals(domain)) {
        return false;
      }
    }
    if (t[free] == REMOVED) {
      removedSlots--;
    }
    SLOT.setRelease(t, free, domain);
    size = size + 1;
    if ((size + removedSlots) * 4L > t.length * 3L) {
      resize();
    }
    return true;
  }

  /** Removes the domain; returns the instance the set held, or {@code null} if it was not in. */
  String remove(String domain) {
    String[] t = table;
    int mask = t.length - 1;
    for (int i = indexFor(domain, mask); ; i = (i + 1) & mask) {
      String s = t[i];
      if (s == null) {
        return null;
      }
      if (s != REMOVED && s.equals(domain)) {
        SLOT.setRelease(t, i, REMOVED);
        size = size - 1;
        removedSlots++;
        if (t.length > MIN_CAPACITY && size * 8L < t.length) {
          resize();
        }
        return s;
      }
    }
  }

  /** Adds every domain of the set to {@code out}. */
  void copyTo(Collection<String> out) {
    String[] t = table;
    for (int i = 0; i < t.length; i++) {
      String s = (String) SLOT.getAcquire(t, i);
      if (s != null && s != REMOVED) {
        out.add(s);
      }
    }
  }

  int capacity() {
    return table.length;
  }

  private void resize() {
    int capacity = MIN_CAPACITY;
    while (capacity < size * 2L) {
      capacity <<= 1;
    }
    String[] old = table;
    String[] fresh = new String[capacity];
    int mask = capacity - 1;
    for (String s : old) {
      if (s != null && s != REMOVED) {
        int i = indexFor(s, mask);
        while (fresh[i] != null) {
          i = (i + 1) & mask;
        }
        fresh[i] = s;
      }
    }
    removedSlots = 0;
    table = fresh;
  }

  private static int indexFor(String domain, int mask) {
    int h = domain.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }
}
