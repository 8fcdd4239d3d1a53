package org.domainregistry.registry;

/** Status of a dynamic domain, stored as MongooseIM's {@code domain_settings.status} SMALLINT. */
public enum DomainStatus {
  DISABLED(0),
  ENABLED(1),
  DELETING(2);

  private final int code;

  DomainStatus(int code) {
    this.code = code;
  }

  /** The value of the {@code status} column. */
  public int code() {
    return code;
  }

  /** Lower-case name used by the JSON APIs. */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The status of a stored row; a value this service does not know (written by another tool) is
   * taken as disabled, so that such a row is never served and never stops the sync.
   */
  public static DomainStatus ofStoredCode(int code) {
    for (DomainStatus s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    return DISABLED;
  }

  /** The status named {@code name} in any case, or null. */
  public static DomainStatus parse(String name) {
    for (DomainStatus s : values()) {
      if (s.name().equalsIgnoreCase(name)) {
        return s;
      }
    }
    return null;
  }
}
