/**
 * racefree: race-free get-or-create, update-or-create, locks and retries on PostgreSQL,
 * MariaDB/MySQL, SQLite and H2. Exports the API packages only; the {@code internal} packages are
 * not API and not exported.
 */
module io.racefree.core {
  requires transitive java.sql;

  exports io.racefree;
  exports io.racefree.dialect;
  exports io.racefree.error;
  exports io.racefree.lock;
  exports io.racefree.spi;
  exports io.racefree.tx;
  exports io.racefree.upsert;
}
