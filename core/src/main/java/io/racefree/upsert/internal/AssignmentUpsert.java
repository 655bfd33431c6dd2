package io.racefree.upsert.internal;

import io.racefree.Row;
import io.racefree.dialect.Feature;
import io.racefree.error.TooManyRowsException;
import io.racefree.lock.Assignments;
import io.racefree.lock.Guard;
import io.racefree.lock.internal.AtomicUpdates;
import io.racefree.upsert.UpdateOrCreateResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * update-or-create whose updates are {@link Assignments} ({@code count = count + ?}): "increment
 * or create" in one call. The existing row is changed by one atomic {@code UPDATE ... SET c = c +
 * ? WHERE lookup}, which locks it, so concurrent increments queue and none is lost; a missing row
 * is inserted through the conflict-safe insert, and a creator that lost the race applies its
 * increment to the winner's row. MariaDB/MySQL read plainly first, as the map form does, so no
 * UPDATE of a missing key takes a gap lock that would make two creators deadlock.
 * Stateless and thread-safe.
 */
public final class AssignmentUpsert {
  private AssignmentUpsert() {}

  /**
   * @param createDefaults checked values written besides the lookup when the row is created, or
   *     null: then the assignments' own values, an addition starting from zero
   */
  public static UpdateOrCreateResult run(
      UpsertCall call, Assignments updates, Map<String, Object> createDefaults) {
    checkColumns(call, updates);
    Map<String, Object> create = createDefaults != null ? createDefaults : startingValues(call, updates);
    if (call.key().isEmpty() && call.options().requireUniqueKey()) {
      throw Conflicts.noCoveringKey(call);
    }
    if (call.key().isEmpty()) {
      return CreatorLock.around(call, () -> {
        Optional<Row> locked = Reads.find(call, call.lookup(), Reads.Mode.UPDATE);
        return locked.isPresent()
            ? update(call, updates).orElseThrow()
            : new UpdateOrCreateResult(Writes.insert(call, call.rowToCreate(create)), true, false);
      });
    }
    return throughKey(call, call.key().get(), updates, create);
  }

  private static UpdateOrCreateResult throughKey(
      UpsertCall call, KeyInfo key, Assignments updates, Map<String, Object> create) {
    boolean updateFirst = !call.dialect().onlyLockingReadsSeeNewerRows()
        || (GetOrCreateRun.readsFirst(call) && Reads.find(call, call.lookup(), Reads.Mode.PLAIN).isPresent());
    if (updateFirst) {
      Optional<UpdateOrCreateResult> updated = update(call, updates);
      if (updated.isPresent()) {
        return updated.get();
      }
    }
    Map<String, Object> row = call.rowToCreate(create);
    for (int round = 1; round <= GetOrCreateRun.MAX_CONFLICT_ROUNDS; round++) {
      Writes.Attempt attempt = Writes.insertUnlessKeyTaken(call, row, key);
      Optional<Row> inserted = attempt.inserted();
      if (inserted.isPresent()) {
        return new UpdateOrCreateResult(inserted.get(), true, false);
      }
      Optional<UpdateOrCreateResult> updated = update(call, updates);
      if (updated.isPresent()) {
        return updated.get();
      }
      Conflicts.afterUnmatchedConflict(call, key, Reads.Mode.UPDATE, round, attempt.conflict());
    }
    throw new IllegalStateException("unreachable: the last round throws");
  }

  /** The atomic UPDATE of the lookup's row and the row as it is afterwards; empty if none matched. */
  private static Optional<UpdateOrCreateResult> update(UpsertCall call, Assignments updates) {
    String table = call.table().reference();
    if (call.dialect().supports(Feature.UPDATE_RETURNING)) {
      List<Row> changed = AtomicUpdates.updateReturning(call.tx(), table, call.lookup(), updates, Guard.none());
      checkAtMostOne(call, changed.size());
      return changed.stream().findFirst().map(row -> new UpdateOrCreateResult(row, false, true));
    }
    int changed = AtomicUpdates.update(call.tx(), table, call.lookup(), updates, Guard.none());
    if (changed == 0) {
      return Optional.empty();
    }
    checkAtMostOne(call, changed);
    Row after = Reads.updatedRow(call, call.lookup());
    return Optional.of(new UpdateOrCreateResult(after, false, true));
  }

  private static void checkAtMostOne(UpsertCall call, int changed) {
    if (changed > 1) {
      throw new TooManyRowsException(call.details(), changed + " rows match "
          + io.racefree.internal.JdbcHandle.describe(call.lookup()) + " and were all updated",
          "no unique key stopped the duplicates; clean them up and add a unique key on the lookup's columns",
          null);
    }
  }

  private static void checkColumns(UpsertCall call, Assignments updates) {
    if (updates == null) {
      throw UpsertCall.invalid(call.dialect(), call.task(), "the assignments are null",
          "pass Assignments.add(column, amount) or another assignment");
    }
    for (Assignments.Assignment assignment : updates.assignments()) {
      String column = call.writableColumn(assignment.column(), "assignments");
      if (call.lookup().containsKey(column)) {
        throw UpsertCall.invalid(call.dialect(), call.task(), "the assignments change column '" + column
            + "', which the lookup selects by", "drop '" + column + "' from the assignments");
      }
    }
  }

  /** What a created row gets when no create defaults are given: SET values, additions from zero. */
  private static Map<String, Object> startingValues(UpsertCall call, Assignments updates) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Assignments.Assignment assignment : updates.assignments()) {
      String column = call.table().column(assignment.column(), call.task(), call.dialect()).name();
      if (values.containsKey(column)) {
        throw UpsertCall.invalid(call.dialect(), call.task(), "the assignments name column '" + column
            + "' twice", "combine them into one assignment");
      }
      values.put(column, switch (assignment.operation()) {
        case SET, ADD -> assignment.value();
        case SUBTRACT -> negated(call, column, (Number) assignment.value());
      });
    }
    return values;
  }

  private static Number negated(UpsertCall call, String column, Number amount) {
    if (amount instanceof Integer i) {
      return Math.negateExact(i);
    } else if (amount instanceof Long l) {
      return Math.negateExact(l);
    } else if (amount instanceof Short || amount instanceof Byte) {
      return -amount.intValue();
    } else if (amount instanceof BigDecimal d) {
      return d.negate();
    } else if (amount instanceof BigInteger b) {
      return b.negate();
    } else if (amount instanceof Double || amount instanceof Float) {
      return -amount.doubleValue();
    }
    throw UpsertCall.invalid(call.dialect(), call.task(), "cannot start column '" + column
        + "' from zero minus a " + amount.getClass().getName(), "pass create defaults for a new row");
  }
}
