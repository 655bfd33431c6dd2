package io.racefree.lab.db;

import java.util.List;

/**
 * A database the lab runs against: URL and credentials, the label results use for it, and extra
 * per-session SQL that makes it a variant (MariaDB with {@code innodb_snapshot_isolation=ON}).
 *
 * <p>Immutable and thread-safe.
 */
public record Target(String label, String url, String user, String password,
    List<String> variantSettings, List<String> otherNodeUrls) {

  public Target {
    variantSettings = List.copyOf(variantSettings);
    otherNodeUrls = List.copyOf(otherNodeUrls);
  }

  public Target(String label, String url, String user, String password, List<String> variantSettings) {
    this(label, url, user, password, variantSettings, List.of());
  }

  /** The same target with more nodes of one cluster (a Galera cluster's other nodes). */
  public Target withOtherNodes(List<String> urls) {
    return new Target(label, url, user, password, variantSettings, urls);
  }

  /** Every node's URL, the first one ({@link #url()}) first. */
  public List<String> nodeUrls() {
    List<String> all = new java.util.ArrayList<>();
    all.add(url);
    all.addAll(otherNodeUrls);
    return all;
  }

  /** The same nodes, starting from node {@code first} (so each stress process starts elsewhere). */
  public Target rotated(int first) {
    List<String> all = nodeUrls();
    java.util.Collections.rotate(all, -(first % all.size()));
    return new Target(label, all.get(0), user, password, variantSettings, all.subList(1, all.size()));
  }

  public static Target of(String url, String user, String password) {
    return new Target(null, url, user, password, List.of());
  }

  public Target withLabel(String newLabel) {
    return new Target(newLabel, url, user, password, variantSettings, otherNodeUrls);
  }

  public Target withVariant(String labelSuffix, String sessionSql) {
    return new Target(label + labelSuffix, url, user, password, List.of(sessionSql), otherNodeUrls);
  }

  /** The URL without any password parameter, safe to print and to store. */
  public String safeUrl() {
    return String.join(" ", nodeUrls().stream().map(Target::safe).toList());
  }

  private static String safe(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
