package io.racefree.internal;

import io.racefree.Transaction;
import io.racefree.TransactionCallback;
import io.racefree.dialect.DatabaseKind;
import io.racefree.error.ErrorCategory;
import io.racefree.error.ErrorDetails;
import io.racefree.error.RacefreeException;

/** Calls user callbacks and keeps their exceptions unchecked. Not API. */
final class Callbacks {
  private Callbacks() {}

  static <T> T call(TransactionCallback<T> callback, Transaction transaction) throws Exception {
    return callback.withTransaction(transaction);
  }

  /** Rethrows runtime exceptions and errors as they are; wraps checked exceptions. */
  static RuntimeException unchecked(Throwable failure, String task, DatabaseKind database) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new RacefreeException(
        ErrorCategory.OTHER,
        ErrorDetails.of(task, database),
        "the callback threw " + failure,
        "the transaction was rolled back; the cause is the callback's exception",
        failure);
  }
}
