package io.racefree.error;

import static io.racefree.dialect.DatabaseKind.MARIADB;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TranslatedMessageTest {

  private static final SQLException DEADLOCK =
      new SQLException(
          "(conn=12) Deadlock found when trying to get lock; try restarting transaction\n"
              + "more detail",
          "40001",
          1213);

  @Test
  void messageNamesTaskSqlCodesDatabaseAndAdvice() {
    RacefreeException error =
        SqlErrorTranslator.translate(
            "getOrCreate(account)", "UPDATE account SET v = ? WHERE id = ?", DEADLOCK, MARIADB);

    assertThat(error.getMessage())
        .contains("getOrCreate(account)")
        .contains("Deadlock found when trying to get lock")
        .contains("UPDATE account SET v = ? WHERE id = ?")
        .contains("SQLState 40001")
        .contains("vendor code 1213")
        .contains("MariaDB")
        .contains("What to do: re-run the whole transaction")
        .doesNotContain("more detail");
  }

  @Test
  void detailsCarryTheCodesOfTheDecisiveException() {
    RacefreeException error = SqlErrorTranslator.translate("task", "SELECT 1", DEADLOCK, MARIADB);

    assertThat(error.details())
        .isEqualTo(new ErrorDetails("task", "SELECT 1", "40001", 1213, MARIADB));
    assertThat(error.getCause()).isSameAs(DEADLOCK);
  }

  @Test
  void longSqlIsTruncatedInTheMessage() {
    String longSql = "SELECT " + "column_name, ".repeat(100) + "1 FROM t";

    RacefreeException error = SqlErrorTranslator.translate("task", longSql, DEADLOCK, MARIADB);

    assertThat(error.getMessage()).doesNotContain(longSql).contains("...");
    assertThat(error.sql()).isEqualTo(longSql);
  }

  @Test
  void veryLongDriverMessageIsCapped() {
    SQLException verbose = new SQLException("x".repeat(5000), "40001", 1213);

    RacefreeException error = SqlErrorTranslator.translate("task", null, verbose, MARIADB);

    assertThat(error.getMessage()).hasSizeLessThan(1000);
  }
}
