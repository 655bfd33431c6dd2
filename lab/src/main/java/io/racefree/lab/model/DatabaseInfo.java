package io.racefree.lab.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the lab connected to: the label runs refer to, the product and driver with their versions,
 * the default isolation level, any per-session setting that makes it a variant, and for a cluster
 * its nodes, size and provider ({@code cluster}, null for a single server).
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabaseInfo(
    String label,
    String url,
    String product,
    String productVersion,
    String driver,
    String driverVersion,
    Isolation defaultIsolation,
    String sessionSettings,
    String cluster) {

  public DatabaseInfo(String label, String url, String product, String productVersion, String driver,
      String driverVersion, Isolation defaultIsolation, String sessionSettings) {
    this(label, url, product, productVersion, driver, driverVersion, defaultIsolation, sessionSettings, null);
  }
}
