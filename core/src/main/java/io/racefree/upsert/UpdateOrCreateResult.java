package io.racefree.upsert;

import io.racefree.Row;
import java.util.Objects;

/**
 * What {@code updateOrCreate} did: the row as stored after the call, and whether it was inserted
 * or an existing row was updated. Both flags are false when the row existed and there was nothing
 * to update. Immutable and thread-safe.
 */
public final class UpdateOrCreateResult {
  private final Row row;
  private final boolean created;
  private final boolean updated;

  /**
   * A result; a row is never both created and updated by one call.
   *
   * @param row the row as it is after the call, not null
   * @param created true when this call inserted it
   * @param updated true when this call changed an existing row
   */
  public UpdateOrCreateResult(Row row, boolean created, boolean updated) {
    if (created && updated) {
      throw new IllegalArgumentException("a row is either created or updated, not both");
    }
    this.row = Objects.requireNonNull(row, "row");
    this.created = created;
    this.updated = updated;
  }

  /**
   * The row as it is after the call.
   *
   * @return the row
   */
  public Row row() {
    return row;
  }

  /**
   * True when this call inserted the row.
   *
   * @return true when this call inserted the row
   */
  public boolean created() {
    return created;
  }

  /**
   * True when the row existed and this call applied the updates to it.
   *
   * @return true when the row existed and this call applied the updates to it
   */
  public boolean updated() {
    return updated;
  }

  /**
   * The row as a record (see {@link Row#as}).
   *
   * @param <R> the record type
   * @param recordType the record class whose components name columns
   * @return the record
   */
  public <R extends Record> R as(Class<R> recordType) {
    return row.as(recordType);
  }

  @Override
  public String toString() {
    return (created ? "created " : updated ? "updated " : "found ") + row;
  }
}
