package io.racefree.upsert.internal;

import io.racefree.Row;
import io.racefree.error.LockTimeoutException;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.internal.Binder.Parameter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Serializes creators of one lookup when no unique key can: a lock named after the table and the
 * lookup's values, held while the caller reads and inserts.
 *
 * <ul>
 *   <li>PostgreSQL READ COMMITTED: {@code pg_advisory_xact_lock}, released by the database when
 *       the transaction ends; the read after it is a new statement, so it sees the winner's row.
 *       REPEATABLE READ and SERIALIZABLE are refused: the snapshot is older than the lock.
 *   <li>MariaDB/MySQL: {@code GET_LOCK} around the locking read and the insert, released in a
 *       {@code finally}. Releasing before commit is safe because the next creator reads with
 *       {@code LOCK IN SHARE MODE}/{@code FOR UPDATE}, which waits for the uncommitted row.
 *   <li>SQLite: nothing to do; the transaction already is the only writer of the database.
 *   <li>H2: refused; it has no lock a transaction can take on a missing row.
 * </ul>
 *
 * Stateless and thread-safe.
 */
final class CreatorLock {
  private CreatorLock() {}

  static <T> T around(UpsertCall call, Supplier<T> body) {
    switch (call.kind()) {
      case POSTGRESQL:
        if (call.snapshotHidesNewRows()) {
          throw Conflicts.refused(call, "at " + call.tx().isolation() + " PostgreSQL reads from a"
              + " snapshot taken before any lock could be acquired, so a row committed by a"
              + " concurrent creator stays invisible and would be duplicated (or run at READ COMMITTED)");
        }
        call.tx().query(call.task() + ": lock the lookup",
            "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
            List.of(Parameter.untyped(name(call))));
        return body.get();
      case MARIADB:
      case MYSQL:
        return withNamedLock(call, body);
      case SQLITE:
        return body.get();
      default:
        throw Conflicts.refused(call, "H2 has no transaction-scoped lock that covers a row that"
            + " does not exist yet");
    }
  }

  private static <T> T withNamedLock(UpsertCall call, Supplier<T> body) {
    String name = name(call);
    List<Row> got = call.tx().query(call.task() + ": lock the lookup",
        "SELECT GET_LOCK(?, @@innodb_lock_wait_timeout) AS got", List.of(Parameter.untyped(name)));
    Object granted = got.get(0).get("got");
    if (granted == null || ((Number) granted).intValue() != 1) {
      throw new LockTimeoutException(call.details(), "another creator of the same lookup held the"
          + " named lock " + name + " longer than innodb_lock_wait_timeout", null);
    }
    Throwable failure = null;
    try {
      return body.get();
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      release(call, name, failure);
    }
  }

  /**
   * Releases the session-scoped lock even when the transaction was rolled back under us (a
   * deadlock victim): that is why this runs on the raw connection instead of the transaction.
   */
  private static void release(UpsertCall call, String name, Throwable failure) {
    Connection connection = call.tx().connection();
    try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
      statement.setString(1, name);
      statement.executeQuery().close();
    } catch (SQLException e) {
      RuntimeException translated = SqlErrorTranslator.translate(
          call.task() + ": release the named lock " + name, "SELECT RELEASE_LOCK(?)", e, call.kind());
      if (failure == null) {
        throw translated;
      }
      failure.addSuppressed(translated);
    }
  }

  /** {@code rf:} and 40 hex digits of SHA-256 over the table and the lookup's canonical values. */
  static String name(UpsertCall call) {
    boolean foldCase = call.kind().isMySqlFamily();
    Map<String, String> sorted = new TreeMap<>();
    call.lookup().forEach((column, value) ->
        sorted.put(column.toLowerCase(java.util.Locale.ROOT), Values.canonical(value, foldCase)));
    String text = call.table().name().toLowerCase(java.util.Locale.ROOT) + "\u0000" + sorted;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "rf:" + HexFormat.of().formatHex(digest).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
