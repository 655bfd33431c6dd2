package io.racefree.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.lab.db.Engine;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every concurrency error the lab's runs have met, as each engine reports it, gets a name: none
 * reaches the report as "an unexpected error".
 */
class SqlProblemTest {

  @ParameterizedTest(name = "{0} {1}/{2} is {4}")
  @CsvSource(delimiter = '|', textBlock = """
      POSTGRESQL | 23505 | 0     | duplicate key value violates unique constraint "uk"     | DUPLICATE_KEY
      POSTGRESQL | 40P01 | 0     | deadlock detected                                        | DEADLOCK
      POSTGRESQL | 40001 | 0     | could not serialize access due to concurrent update      | SERIALIZATION_FAILURE
      POSTGRESQL | 55P03 | 0     | could not obtain lock on row in relation "account"       | LOCK_TIMEOUT
      POSTGRESQL | 25P02 | 0     | current transaction is aborted                           | ABORTED
      MARIADB    | 23000 | 1062  | Duplicate entry 'x' for key 'uk'                         | DUPLICATE_KEY
      MARIADB    | 40001 | 1213  | Deadlock found when trying to get lock                   | DEADLOCK
      MARIADB    | HY000 | 1020  | Record has changed since last read in table 'account'    | SERIALIZATION_FAILURE
      MARIADB    | HY000 | 1205  | Lock wait timeout exceeded; try restarting transaction   | LOCK_TIMEOUT
      MYSQL      | 40001 | 1213  | Deadlock found when trying to get lock                   | DEADLOCK
      MYSQL      | HY000 | 1205  | Lock wait timeout exceeded; try restarting transaction   | LOCK_TIMEOUT
      H2         | 23505 | 23505 | Unique index or primary key violation                    | DUPLICATE_KEY
      H2         | 40001 | 40001 | Deadlock detected. The current transaction was rolled back | SERIALIZATION_FAILURE
      H2         | HYT00 | 50200 | Timeout trying to lock table                             | LOCK_TIMEOUT
      H2         | 90131 | 90131 | Concurrent update in table "ACCOUNT"                     | SERIALIZATION_FAILURE
      SQLITE     |       | 5     | [SQLITE_BUSY] The database file is locked                | BUSY
      SQLITE     |       | 2067  | [SQLITE_CONSTRAINT_UNIQUE] UNIQUE constraint failed: t.k | DUPLICATE_KEY
      """)
  void eachEnginesConcurrencyErrorsAreNamed(
      Engine engine, String sqlState, int code, String message, SqlProblem expected) {
    assertThat(SqlProblem.of(new SQLException(message, sqlState, code), engine)).isEqualTo(expected);
  }

  /** What an H2 transfer under 8 threads produced once in about 25,000 transfers. */
  @Test
  void theH2RollbackRaceIsAnAbortedTransaction() {
    String text = "Transaction was illegally transitioned from ROLLING_BACK to ROLLING_BACK [2.5.252/103]";
    SQLException thrown = org.h2.message.DbException.get(
        org.h2.api.ErrorCode.GENERAL_ERROR_1, new IllegalStateException(text), text).getSQLException();
    assertThat(SqlProblem.of(thrown, Engine.H2)).isEqualTo(SqlProblem.ABORTED);
    String other = "Transaction 3 has status ROLLING_BACK, not OPEN [2.5.252/103]";
    SQLException second = org.h2.message.DbException.get(
        org.h2.api.ErrorCode.GENERAL_ERROR_1, new IllegalStateException(other), other).getSQLException();
    assertThat(SqlProblem.of(second, Engine.H2)).isEqualTo(SqlProblem.ABORTED);
  }
}
