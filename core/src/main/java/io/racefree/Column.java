package io.racefree;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the column a record component maps to, overriding the default snake_case name.
 * Read reflectively; carries no state.
 *
 * <pre>{@code record Account(long id, @Column("acct_owner") String owner) {}}</pre>
 *
 * <p>An annotation: immutable and thread-safe.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Column {
  /**
   * The column's name in the table, as the catalog spells it or in any case.
   *
   * @return the column name
   */
  String value();
}
