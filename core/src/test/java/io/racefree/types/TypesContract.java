package io.racefree.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.Column;
import io.racefree.Database;
import io.racefree.Json;
import io.racefree.Row;
import io.racefree.error.InvalidRequestException;
import io.racefree.testing.db.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every value type both ways (bound in lookups, inserts and updates; read with the typed accessors
 * and {@code Row.as}), on every engine, in a JVM whose zone is not UTC: an Instant near midnight
 * UTC is another calendar day in Asia/Kolkata (+05:30), so a zone mix-up shows.
 */
abstract class TypesContract {
  enum Colour { RED, GREEN }

  record Typed(long id, LocalDate d, LocalTime tm, LocalDateTime ldt, Instant inst, OffsetDateTime odt,
      UUID u, Json j, byte[] b, BigDecimal n, @Column("e") Colour colour) {}

  static final LocalDate DATE = LocalDate.of(2024, 2, 29);
  static final LocalTime TIME = LocalTime.of(23, 59, 58, 123_456_000);
  static final LocalDateTime DATE_TIME = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);
  static final Instant INSTANT = Instant.parse("2024-02-29T22:30:00.123456Z");
  static final OffsetDateTime OFFSET = OffsetDateTime.parse("2024-02-29T23:59:58.123456-08:00");
  static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
  static final byte[] BYTES = {0, -1, 127, 10};
  static final BigDecimal AMOUNT = new BigDecimal("12345678901234567890.0123456789");
  static final String JSON = "{\"a\": [1, 2], \"b\": \"x\"}";

  private static TimeZone originalZone;
  TestDatabase testDatabase;
  Database db;

  abstract TestDatabase open();

  /** CREATE TABLE typed (id, d, tm, ldt, inst, odt, u, j, b, n, e) in this engine's types. */
  abstract String createTable();

  /** What the engine stores of a date-time with nanoseconds (rounded or truncated to micros, or kept). */
  abstract LocalDateTime storedFromNanos(LocalDateTime withNanos);

  @BeforeAll
  static void nonUtcZone() {
    originalZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
  }

  @AfterAll
  static void restoreZone() {
    TimeZone.setDefault(originalZone);
  }

  @BeforeEach
  void createTable0() {
    testDatabase = open();
    testDatabase.execute(createTable());
    db = Database.of(testDatabase.dataSource());
  }

  @AfterEach
  void drop() {
    testDatabase.close();
  }

  static Map<String, Object> allValues(long id) {
    Map<String, Object> values = new HashMap<>();
    values.put("id", id);
    values.put("d", DATE);
    values.put("tm", TIME);
    values.put("ldt", DATE_TIME);
    values.put("inst", INSTANT);
    values.put("odt", OFFSET);
    values.put("u", ID);
    values.put("j", Json.of(JSON));
    values.put("b", BYTES);
    values.put("n", AMOUNT);
    values.put("e", Colour.GREEN);
    return values;
  }

  @Test
  void everyTypeRoundTripsThroughInsertAndTheTypedAccessors() {
    db.insert("typed", allValues(1));
    Row row = db.get("typed", Map.of("id", 1));

    assertThat(row.getLocalDate("d")).isEqualTo(DATE);
    assertThat(row.getLocalTime("tm")).isEqualTo(TIME);
    assertThat(row.getLocalDateTime("ldt")).isEqualTo(DATE_TIME);
    assertThat(row.getInstant("inst")).isEqualTo(INSTANT);
    assertThat(row.getOffsetDateTime("odt")).isAtSameInstantAs(OFFSET);
    assertThat(row.getInstant("odt")).isEqualTo(OFFSET.toInstant());
    assertThat(row.getUuid("u")).isEqualTo(ID);
    assertThat(row.get("j", Json.class).text().replace(" ", "")).isEqualTo(JSON.replace(" ", ""));
    assertThat(row.getBytes("b")).isEqualTo(BYTES);
    assertThat(row.getBigDecimal("n")).isEqualByComparingTo(AMOUNT);
    assertThat(row.get("e", Colour.class)).isEqualTo(Colour.GREEN);
    assertThat(row.getLong("id")).isEqualTo(1L);
    assertThat(row.getInt("id")).isEqualTo(1);
  }

  @Test
  void rowAsRecordMapsDatabaseDatesToJavaTime() {
    db.insert("typed", allValues(1));

    Typed typed = db.get("typed", Map.of("id", 1)).as(Typed.class);

    assertThat(typed.d()).isEqualTo(DATE);
    assertThat(typed.tm()).isEqualTo(TIME);
    assertThat(typed.ldt()).isEqualTo(DATE_TIME);
    assertThat(typed.inst()).isEqualTo(INSTANT);
    assertThat(typed.odt()).isAtSameInstantAs(OFFSET);
    assertThat(typed.u()).isEqualTo(ID);
    assertThat(typed.b()).isEqualTo(BYTES);
    assertThat(typed.n()).isEqualByComparingTo(AMOUNT);
    assertThat(typed.colour()).isEqualTo(Colour.GREEN);
  }

  @Test
  void everyComparableTypeFindsItsRowAsALookupValue() {
    db.insert("typed", allValues(1));
    db.insert("typed", Map.of("id", 2));

    for (String column : List.of("d", "tm", "ldt", "inst", "odt", "u", "n", "e")) {
      Object value = allValues(1).get(column);
      assertThat(db.find("typed", Map.of(column, value))).as(column).hasValueSatisfying(
          row -> assertThat(row.getLong("id")).isEqualTo(1L));
    }
  }

  @Test
  void updatesBindJavaTimeToo() {
    db.insert("typed", Map.of("id", 1));
    Instant later = INSTANT.plusSeconds(3600);
    LocalDate nextDay = DATE.plusDays(1);

    int changed = db.update("typed", Map.of("id", 1), Map.of("inst", later, "d", nextDay, "odt", OFFSET));

    assertThat(changed).isEqualTo(1);
    Row row = db.get("typed", Map.of("inst", later));
    assertThat(row.getLocalDate("d")).isEqualTo(nextDay);
    assertThat(row.getOffsetDateTime("odt")).isAtSameInstantAs(OFFSET);
  }

  /** The docs' first get-or-create example: an Instant default from a Supplier, java.time in the lookup. */
  @Test
  void getOrCreateAndUpdateOrCreateBindJavaTimeInLookupsAndDefaults() {
    java.util.function.Supplier<Instant> now = () -> INSTANT;

    boolean created = db.withTransaction(tx ->
        tx.getOrCreate("typed", Map.of("id", 1, "d", DATE), Map.of("inst", now, "u", ID)).created());
    boolean again = db.withTransaction(tx ->
        tx.getOrCreate("typed", Map.of("id", 1, "d", DATE), Map.of("inst", now)).created());
    boolean updated = db.withTransaction(tx ->
        tx.updateOrCreate("typed", Map.of("id", 1), Map.of("ldt", DATE_TIME, "odt", OFFSET), null).updated());

    assertThat(created).isTrue();
    assertThat(again).isFalse();
    assertThat(updated).isTrue();
    Row row = db.get("typed", Map.of("inst", INSTANT, "u", ID));
    assertThat(row.getLocalDateTime("ldt")).isEqualTo(DATE_TIME);
    assertThat(row.getOffsetDateTime("odt")).isAtSameInstantAs(OFFSET);
  }

  @Test
  void precisionOfADateTimeWithNanosecondsIsTheEnginesDocumentedOne() {
    LocalDateTime withNanos = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_789);
    db.insert("typed", Map.of("id", 1, "ldt", withNanos));

    assertThat(db.get("typed", Map.of("id", 1)).getLocalDateTime("ldt")).isEqualTo(storedFromNanos(withNanos));
  }

  @Test
  void aValueTheDriverCannotBindIsATypedErrorThatLeavesTheTransactionUsable() {
    db.insert("typed", Map.of("id", 1, "inst", INSTANT));

    long found = db.withTransaction(tx -> {
      assertThatThrownBy(() -> tx.find("typed", Map.of("inst", new Object())))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("java.lang.Object");
      tx.insert("typed", Map.of("id", 2, "inst", INSTANT.plusSeconds(1)));
      return tx.get("typed", Map.of("inst", INSTANT)).getLong("id");
    });

    assertThat(found).isEqualTo(1L);
    assertThat(db.find("typed", Map.of("id", 2))).isPresent();
  }

  @Test
  void aMissingColumnIsAnInvalidRequestNamingTheColumns() {
    db.insert("typed", Map.of("id", 1));
    Row row = db.get("typed", Map.of("id", 1));

    assertThatThrownBy(() -> row.getLong("missing")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("missing")
        .satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT)).contains("inst"));
    assertThatThrownBy(() -> row.getInstant("id")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("cannot become a java.time.Instant");
  }

  @Test
  void aColumnAddedAfterTheCatalogWasCachedIsFoundAfterOneRefresh() {
    db.insert("typed", Map.of("id", 1));
    testDatabase.execute("ALTER TABLE typed ADD " + (this instanceof SqliteTypesIT ? "COLUMN " : "") + "extra INT");

    db.insert("typed", Map.of("id", 2, "extra", 5));
    assertThat(db.get("typed", Map.of("extra", 5)).getLong("id")).isEqualTo(2L);
    testDatabase.execute("ALTER TABLE typed ADD " + (this instanceof SqliteTypesIT ? "COLUMN " : "") + "later INT");
    assertThat(db.update("typed", Map.of("id", 2), io.racefree.lock.Assignments.set("later", 7),
        io.racefree.lock.Guard.atLeast("extra", 5))).isEqualTo(1);
    List<Row> locked = db.withTransaction(tx -> tx.lockRows("typed", Map.of("later", 7), io.racefree.lock.RowLock.forUpdate()));
    assertThat(locked).hasSize(1);
    assertThatThrownBy(() -> db.find("typed", Map.of("never_added", 1)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("caches table definitions").hasMessageContaining("refreshCatalog");
  }
}
