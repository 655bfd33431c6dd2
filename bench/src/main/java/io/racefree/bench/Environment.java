package io.racefree.bench;

import io.racefree.bench.fixture.BenchDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** What a report starts with: the machine, the JVM, the versions and each database's settings. */
final class Environment {
  private Environment() {}

  static Map<String, Object> of(BenchPlan plan) {
    Map<String, Object> environment = new LinkedHashMap<>();
    environment.put("mode", plan.mode());
    environment.put("racefreeCommit", System.getProperty("racefree.commit", "unknown"));
    environment.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    environment.put("cores", Runtime.getRuntime().availableProcessors());
    environment.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
    environment.put("jvmArgs", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    environment.put("threads", plan.threads());
    environment.put("rounds", plan.scenario().warmupRounds() + " warm-up + " + plan.scenario().measuredRounds()
        + " measured, " + plan.scenario().roundLength().toMillis() + " ms per contender per round");
    environment.put("pool", "HikariCP " + mavenVersion("com.zaxxer", "HikariCP") + ", size = threads");
    environment.put("jooq", org.jooq.Constants.FULL_VERSION);
    environment.put("hibernate", org.hibernate.Version.getVersionString());
    return environment;
  }

  static Map<String, String> databaseSettings(BenchDatabase database) {
    Map<String, String> settings = new LinkedHashMap<>();
    try (Connection connection = database.dataSource().getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      settings.put("server", metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion());
      settings.put("driver", metaData.getDriverName() + " " + metaData.getDriverVersion());
      settings.put("defaultIsolation", isolationName(connection.getTransactionIsolation()));
      for (String query : settingQueries(database)) {
        readSetting(connection, query, settings);
      }
    } catch (SQLException e) {
      settings.put("error", e.getMessage());
    }
    return settings;
  }

  private static List<String> settingQueries(BenchDatabase database) {
    return switch (database.engine()) {
      case POSTGRESQL -> List.of("SHOW synchronous_commit", "SHOW fsync", "SHOW shared_buffers", "SHOW max_connections",
          "SHOW lock_timeout");
      case MARIADB, MYSQL -> List.of("SELECT @@innodb_flush_log_at_trx_commit", "SELECT @@innodb_buffer_pool_size",
          "SELECT @@sync_binlog", "SELECT @@max_connections", "SELECT @@innodb_lock_wait_timeout");
      case SQLITE -> List.of("PRAGMA journal_mode", "PRAGMA synchronous", "PRAGMA busy_timeout");
      case H2 -> List.of("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MODE'");
    };
  }

  private static void readSetting(Connection connection, String query, Map<String, String> settings) {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
      settings.put(query.replaceFirst("^(SHOW|SELECT|PRAGMA) ", ""), rows.next() ? rows.getString(1) : "");
    } catch (SQLException e) {
      settings.put(query, "unavailable: " + e.getMessage());
    }
  }

  private static String isolationName(int level) {
    return switch (level) {
      case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
      case Connection.TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
      case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
      case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
      default -> "level " + level;
    };
  }

  private static String mavenVersion(String group, String artifact) {
    String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = Environment.class.getResourceAsStream(path)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
