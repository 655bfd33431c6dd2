package io.racefree.upsert;

import io.racefree.Row;
import java.util.Objects;

/**
 * What {@code getOrCreate} found or made: the row as stored and whether this call inserted it.
 * Immutable and thread-safe.
 */
public final class GetOrCreateResult {
  private final Row row;
  private final boolean created;

  /**
   * A result.
   *
   * @param row the row found or created, not null
   * @param created true when this call inserted it
   */
  public GetOrCreateResult(Row row, boolean created) {
    this.row = Objects.requireNonNull(row, "row");
    this.created = created;
  }

  /**
   * The row as the database holds it, generated keys and column defaults included.
   *
   * @return the row
   */
  public Row row() {
    return row;
  }

  /**
   * True when this call inserted the row; false when it already existed.
   *
   * @return true when this call inserted the row; false when it already existed
   */
  public boolean created() {
    return created;
  }

  /**
   * The row mapped onto a record (see {@link Row#as}).
   *
   * @param <R> the record type
   * @param recordType the record class to map each row to
   * @return the row mapped onto a record (see {@link Row#as})
   */
  public <R extends Record> R as(Class<R> recordType) {
    return row.as(recordType);
  }

  @Override
  public String toString() {
    return (created ? "created " : "found ") + row;
  }
}
