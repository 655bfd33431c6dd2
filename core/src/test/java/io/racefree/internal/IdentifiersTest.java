package io.racefree.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.dialect.DatabaseKind;
import io.racefree.error.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {
  @ParameterizedTest
  @ValueSource(strings = {"account", "Account_2", "_x", "a$b", "größe"})
  void plainNamesPass(String name) {
    assertThatCode(() -> Identifiers.check(name, "table", "t", DatabaseKind.H2)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\"b", "a`b", "a;drop table x", "a b", "1abc", "a'b", "a--", "a.b", "a\0b"})
  void injectionShapedNamesAreRejected(String name) {
    assertThatThrownBy(() -> Identifiers.check(name, "column", "update(t)", DatabaseKind.POSTGRESQL))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("update(t)")
        .hasMessageContaining("is not an identifier");
  }

  @Test
  void tableNamesMayBeSchemaQualifiedEachPartChecked() {
    assertThat(Identifiers.checkTable("sales.account", "t", DatabaseKind.POSTGRESQL))
        .containsExactly("sales", "account");
    assertThat(Identifiers.checkTable("account", "t", DatabaseKind.POSTGRESQL)).containsExactly("account");
    for (String bad : List.of("a.b.c", ".account", "sales.", "sa`les.account", "sales.acc\"ount", "sales .account")) {
      assertThatThrownBy(() -> Identifiers.checkTable(bad, "t", DatabaseKind.MARIADB)).as(bad)
          .isInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  void emptyAndNullNamesAreRejected() {
    assertThatThrownBy(() -> Identifiers.check("", "table", "t", null)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> Identifiers.check(null, "table", "t", null)).isInstanceOf(InvalidRequestException.class);
  }
}
