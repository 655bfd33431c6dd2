package io.racefree.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.dialect.DatabaseKind;
import io.racefree.dialect.Dialect;
import io.racefree.dialect.Dialects;
import io.racefree.dialect.ServerVersion;
import io.racefree.error.InvalidRequestException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LookupClauseTest {
  private final Dialect dialect = Dialects.of(DatabaseKind.H2, ServerVersion.parse("2.5.252"));
  private final TableInfo table = new TableInfo("ITEM", "\"ITEM\"",
      List.of(new ColumnInfo("ID", Types.BIGINT, false, true), new ColumnInfo("NAME", Types.VARCHAR, false, false),
          new ColumnInfo("QTY", Types.INTEGER, true, false)),
      List.of("ID"), List.of());

  @Test
  void theSameShapeGivesTheSameSqlWithFreshlyBoundValues() {
    LookupClause first = LookupClause.of(table, ordered("name", "a", "qty", 1), dialect, "t");
    LookupClause second = LookupClause.of(table, ordered("name", "b", "qty", 2), dialect, "t");
    assertThat(first.sql()).isEqualTo("\"NAME\" = ? AND \"QTY\" = ?").isSameAs(second.sql());
    assertThat(second.parameters()).extracting(Binder.Parameter::value).containsExactly("b", 2);
    assertThat(second.parameters()).extracting(Binder.Parameter::sqlType).containsExactly(Types.VARCHAR, Types.INTEGER);
  }

  @Test
  void nullsAreAnotherShape() {
    LookupClause withValue = LookupClause.of(table, ordered("qty", 1, "name", "a"), dialect, "t");
    LookupClause withNull = LookupClause.of(table, ordered("qty", null, "name", "a"), dialect, "t");
    assertThat(withValue.sql()).isEqualTo("\"QTY\" = ? AND \"NAME\" = ?");
    assertThat(withNull.sql()).isEqualTo("\"QTY\" IS NULL AND \"NAME\" = ?");
    assertThat(withNull.parameters()).extracting(Binder.Parameter::value).containsExactly("a");
    assertThat(withNull.parameters()).extracting(Binder.Parameter::sqlType).containsExactly(Types.VARCHAR);
  }

  @Test
  void badNamesFailEveryTimeAndAreNotCached() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> LookupClause.of(table, Map.of("nope", 1), dialect, "t"))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("no column 'nope'");
    }
    assertThatThrownBy(() -> LookupClause.of(table, ordered("name", "a", "NAME", "b"), dialect, "t"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("twice");
  }

  private static Map<String, Object> ordered(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
