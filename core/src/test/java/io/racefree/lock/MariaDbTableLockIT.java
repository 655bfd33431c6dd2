package io.racefree.lock;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.dialect.DatabaseKind;
import io.racefree.error.TransactionStateException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** MariaDB's LOCK TABLES commits an open transaction, so racefree insists it comes first. */
@Tag("mariadb")
class MariaDbTableLockIT extends TableLockContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.MARIADB;
  }

  @Test
  void lockTablesAfterAStatementIsRefused() {
    assertThatThrownBy(() -> database().useTransaction(tx -> {
      tx.list("item", Map.of());
      tx.lockTable("item", TableLockMode.EXCLUSIVE);
    })).isInstanceOf(TransactionStateException.class).hasMessageContaining("first statement");
  }

  @Test
  void lockTablesInASavepointIsRefused() {
    assertThatThrownBy(() -> database().useTransaction(tx -> tx.useTransaction(
            savepoint -> savepoint.lockTable("item", TableLockMode.EXCLUSIVE))))
        .isInstanceOf(TransactionStateException.class);
  }

  @Test
  void aSecondLockTablesIsRefused() {
    assertThatThrownBy(() -> database().useTransaction(tx -> {
      tx.lockTable("item", TableLockMode.EXCLUSIVE);
      tx.lockTable("other", TableLockMode.EXCLUSIVE);
    })).isInstanceOf(TransactionStateException.class).hasMessageContaining("one lockTables call");
  }

  @Test
  void touchingATableThatWasNotLockedIsRefused() {
    assertThatThrownBy(() -> database().useTransaction(tx -> {
      tx.lockTables(List.of(TableLock.exclusive("item")), false);
      tx.lockRows("other", Map.of("id", 1), RowLock.forUpdate());
    })).isInstanceOf(TransactionStateException.class).hasMessageContaining("may not touch 'other'");
  }

  /** Issue 10 item 17: every call on a table outside the lock list, upserts and plain reads included. */
  @Test
  void everyCallOnATableOutsideTheLockListIsATransactionStateError() {
    List<java.util.function.Consumer<io.racefree.Transaction>> calls = List.of(
        tx -> tx.getOrCreate("other", Map.of("id", 1), Map.of()),
        tx -> tx.updateOrCreate("other", Map.of("id", 1), Map.of(), Map.of()),
        tx -> tx.getOrCreateAll("other", List.of(Map.of("id", 1)), Map.of()),
        tx -> tx.insert("other", Map.of("id", 1)),
        tx -> tx.list("other", Map.of()),
        tx -> tx.update("other", Map.of("id", 1), Map.of("id", 2)));
    for (var call : calls) {
      assertThatThrownBy(() -> database().useTransaction(tx -> {
        tx.lockTables(List.of(TableLock.exclusive("item")), false);
        call.accept(tx);
      })).isInstanceOf(TransactionStateException.class).hasMessageContaining("may not touch 'other'");
    }
  }
}
