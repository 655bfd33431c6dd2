package io.racefree.internal;

import io.racefree.error.ErrorDetails;
import io.racefree.error.TransactionStateException;
import io.racefree.tx.TransactionOptions;

/**
 * What a nested transaction may ask for: nothing the open transaction cannot give. A different
 * isolation level, read-only inside read-write, or a retry policy fails loudly instead of being
 * ignored (Spring ignores them silently unless validateExistingTransaction is set).
 */
final class NestingRules {
  private NestingRules() {}

  static void check(JdbcTransaction outer, TransactionOptions nested) {
    String task = "nested transaction";
    if (nested.isolation() != null
        && outer.dialect().effectiveIsolation(nested.isolation()) != outer.isolation()) {
      throw refuse(outer, task, "it asks for " + nested.isolation() + " inside a transaction running at "
          + outer.isolation() + "; the level of an open transaction cannot change");
    }
    if (nested.readOnly() && !outer.options().readOnly()) {
      throw refuse(outer, task, "it asks to be read-only inside a read-write transaction");
    }
    if (nested.retryPolicy().maxAttempts() > 1) {
      throw refuse(outer, task, "it has a retry policy, but only the outermost transaction can retry"
          + " (a retryable failure rolls back the whole transaction)");
    }
  }

  private static TransactionStateException refuse(JdbcTransaction outer, String task, String why) {
    return new TransactionStateException(
        ErrorDetails.of(task, outer.dialect().kind()),
        "a nested transaction cannot be opened: " + why,
        "put these options on the outermost transaction",
        null);
  }
}
