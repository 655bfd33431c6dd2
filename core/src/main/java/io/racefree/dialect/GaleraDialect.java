package io.racefree.dialect;

import static io.racefree.dialect.Feature.SESSION_NAMED_LOCK;
import static io.racefree.dialect.Feature.TABLE_LOCK;

import io.racefree.error.CertificationConflictException;
import io.racefree.error.DeadlockException;
import io.racefree.error.RacefreeException;
import java.util.Set;

/**
 * A MariaDB node of a Galera cluster ({@code @@wsrep_on = 1}). Every node takes writes; conflicts
 * between nodes are settled at commit by certification, so:
 *
 * <ul>
 *   <li>{@code GET_LOCK}, {@code LOCK TABLES} and row locks are local to one node. Named locks, the
 *       creator lock of get-or-create without a unique key, session locks and table locks are
 *       refused ({@link NamedLockKind#NONE}, no {@link Feature#TABLE_LOCK}): a lock reported held
 *       would not exclude a holder on another node, and LOCK TABLES can wedge the cluster.
 *   <li>A cross-node conflict surfaces as 1213 (the InnoDB deadlock code) at COMMIT or at the next
 *       statement; racefree reports it as a {@link CertificationConflictException}, retryable.
 *   <li>The reads of get-or-create and update-or-create are causal ({@code wsrep_sync_wait=1} for
 *       that statement), so a retry sees the row another node committed just before.
 * </ul>
 *
 * docs/galera.md has the measurements. Immutable and thread-safe.
 */
public final class GaleraDialect extends MariaDbDialect {
  private final int clusterSize;
  private final String clusterStatus;
  private final String providerVersion;

  /**
   * The dialect of a MariaDB Galera node.
   *
   * @param version the MariaDB server version
   * @param clusterSize {@code wsrep_cluster_size} when detected
   * @param clusterStatus {@code wsrep_cluster_status} when detected (Primary on a usable node)
   * @param providerVersion {@code wsrep_provider_version}
   */
  public GaleraDialect(ServerVersion version, int clusterSize, String clusterStatus, String providerVersion) {
    super(version);
    this.clusterSize = clusterSize;
    this.clusterStatus = clusterStatus;
    this.providerVersion = providerVersion;
  }

  @Override
  protected void declareFeatures(Set<Feature> into, ServerVersion version) {
    super.declareFeatures(into, version);
    into.remove(TABLE_LOCK);
    into.remove(SESSION_NAMED_LOCK);
  }

  /**
   * {@code wsrep_cluster_size} when the dialect was detected.
   *
   * @return {@code wsrep_cluster_size} when the dialect was detected
   */
  public int clusterSize() {
    return clusterSize;
  }

  /**
   * {@code wsrep_cluster_status} when the dialect was detected: Primary, non-Primary or Disconnected.
   *
   * @return {@code wsrep_cluster_status} when the dialect was detected
   */
  public String clusterStatus() {
    return clusterStatus;
  }

  /**
   * {@code wsrep_provider_version}, e.g. {@code 4.23(rXXXX)}.
   *
   * @return the Galera provider's version, as {@code wsrep_provider_version} reads
   */
  public String providerVersion() {
    return providerVersion;
  }

  @Override
  public NamedLockKind namedLocks() {
    return NamedLockKind.NONE;
  }

  @Override
  public String causalReadPrefix() {
    return "SET STATEMENT wsrep_sync_wait=1 FOR ";
  }

  @Override
  public RacefreeException refine(RacefreeException translated) {
    if (translated instanceof DeadlockException && !(translated instanceof CertificationConflictException)) {
      return new CertificationConflictException(translated.details(), translated);
    }
    return translated;
  }

  @Override
  public String toString() {
    return "MariaDB Galera " + version() + " (wsrep_cluster_size " + clusterSize + ", " + clusterStatus
        + ", provider " + providerVersion + ")";
  }
}
