package org.domainregistry.registry;

import java.util.List;

/** One host type of a registry: its name instance, its static domains and (if allowed) its dynamic ones. */
final class HostTypeIndex {
  final String name;
  final List<String> statics;
  final DomainSet dynamic;

  HostTypeIndex(String name, boolean allowed, List<String> statics) {
    this.name = name;
    this.statics = List.copyOf(statics);
    this.dynamic = allowed ? new DomainSet() : null;
  }
}
