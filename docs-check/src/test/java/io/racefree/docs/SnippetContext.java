package io.racefree.docs;

import io.racefree.Database;
import io.racefree.Session;
import io.racefree.Transaction;
import io.racefree.testing.Interleaving;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The names a documentation snippet may use without declaring them: every snippet is compiled with
 * {@code import static io.racefree.docs.SnippetContext.*;} and {@code import
 * io.racefree.docs.SnippetContext.*;}, so a snippet reads like the code around it in a real
 * program ({@code db}, {@code tx}, {@code from}, {@code lookups}, the {@code Account} record...).
 * Add a name here when a new snippet needs one. {@link ReadmeExamplesContract} sets the values
 * before it runs the README's blocks against a real database.
 */
public final class SnippetContext {
  private SnippetContext() {}

  /** The account table as a record: {@code id, owner, balance}. */
  public record Account(long id, String owner, long balance) {}

  /** The item table of docs/get-or-create.md. */
  public record Item(Long id, String k, Integer v, String note) {}

  public enum Colour { RED, GREEN }

  /** A logger with the one method the README calls. */
  public static final class Log {
    public final List<String> lines = new ArrayList<>();

    public void info(String line) {
      lines.add(line);
    }
  }

  public static DataSource dataSource;
  public static Database db;
  public static Transaction tx;
  public static Session session;
  public static final Log log = new Log();
  public static long from = 1;
  public static long to = 2;
  public static long amount = 10;
  public static String day = "2026-12-03";
  public static String text = "new body";
  public static String email = "ada@example.com";
  public static String name = "Ada";
  public static String key = "k1";
  public static String table = "item";
  public static Map<String, ?> lookup = Map.of("k", "k1");
  public static Map<String, ?> defaults = Map.of();
  public static List<Map<String, ?>> lookups = List.of(Map.of("name", "java"), Map.of("name", "sql"));
  public static final List<String> imported = new ArrayList<>();

  // docs/testing-kit.md's fragments
  public static Interleaving race = Interleaving.create(Duration.ofSeconds(1));
  public static Connection t1;
  public static Connection t2;
  public static Connection observer;

  public static String currentUser() {
    return "ada";
  }

  /** The README's session-scoped import job: records the session it ran on. */
  public static void importAll(Session session) {
    imported.add(String.valueOf(session));
  }

  public static Supplier<String> creator() {
    return SnippetContext::currentUser;
  }

  public static boolean exists(Connection connection, String k) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM item WHERE k = ?")) {
      statement.setString(1, k);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  public static void insert(Connection connection, String k) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("INSERT INTO item (k) VALUES (?)")) {
      statement.setString(1, k);
      statement.executeUpdate();
    }
  }

  public static void update(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("UPDATE item SET v = v + 1")) {
      statement.executeUpdate();
    }
  }
}
