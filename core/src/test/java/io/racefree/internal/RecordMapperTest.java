package io.racefree.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Column;
import io.racefree.Row;
import io.racefree.error.InvalidRequestException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordMapperTest {
  enum Status { OPEN, CLOSED }

  record Account(long id, String ownerName, @Column("bal") BigDecimal balance, boolean active, Status status) {}

  @Test
  void componentsMapToSnakeCaseColumns() {
    assertThat(RecordMapper.snakeCase("ownerName")).isEqualTo("owner_name");
    assertThat(RecordMapper.snakeCase("id")).isEqualTo("id");
    assertThat(RecordMapper.snakeCase("URLPath")).isEqualTo("url_path");
    assertThat(RecordMapper.snakeCase("accountId2")).isEqualTo("account_id2");
  }

  @Test
  void rowBecomesRecordWithConversionsAndOverride() {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("ID", 7); // H2 reports upper case; an Integer becomes a long
    columns.put("owner_name", "ada");
    columns.put("bal", 12.5);
    columns.put("active", 1); // SQLite stores booleans as integers
    columns.put("status", "CLOSED");
    Account account = new Row(columns).as(Account.class);
    assertThat(account).isEqualTo(new Account(7, "ada", new BigDecimal("12.5"), true, Status.CLOSED));
  }

  @Test
  void recordBecomesColumnsInDeclarationOrder() {
    Account account = new Account(1, "bob", BigDecimal.TEN, false, Status.OPEN);
    assertThat(RecordMapper.toColumns(account))
        .containsExactly(
            Map.entry("id", 1L), Map.entry("owner_name", "bob"), Map.entry("bal", BigDecimal.TEN),
            Map.entry("active", false), Map.entry("status", Status.OPEN));
  }

  @Test
  void missingColumnNamesTheComponentAndTheColumns() {
    Row row = new Row(Map.of("id", 1));
    assertThatThrownBy(() -> row.as(Account.class))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("ownerName")
        .hasMessageContaining("owner_name");
  }

  @Test
  void nullIntoPrimitiveIsAClearError() {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("id", null);
    columns.put("owner_name", "x");
    columns.put("bal", null);
    columns.put("active", true);
    columns.put("status", null);
    assertThatThrownBy(() -> new Row(columns).as(Account.class))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'id' is NULL");
  }
}
