package io.racefree.lab.db;

import java.util.List;

/**
 * A database the lab runs against: URL and credentials, the label results use for it, and extra
 * per-session SQL that makes it a variant (MariaDB with {@code innodb_snapshot_isolation=ON}).
 *
 * <p>Immutable and thread-safe.
 */
public record Target(
    String label, String url, String user, String password, List<String> variantSettings) {

  public Target {
    variantSettings = List.copyOf(variantSettings);
  }

  public static Target of(String url, String user, String password) {
    return new Target(null, url, user, password, List.of());
  }

  public Target withLabel(String newLabel) {
    return new Target(newLabel, url, user, password, variantSettings);
  }

  public Target withVariant(String labelSuffix, String sessionSql) {
    return new Target(label + labelSuffix, url, user, password, List.of(sessionSql));
  }

  /** The URL without any password parameter, safe to print and to store. */
  public String safeUrl() {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
