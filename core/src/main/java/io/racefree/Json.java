package io.racefree;

import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import java.util.Objects;

/**
 * A JSON document to bind as a value: {@code Map.of("payload", Json.of("{\"a\": 1}"))}. A plain
 * {@code String} binds as text; a {@code Json} binds as JSON, so it goes into a PostgreSQL
 * {@code jsonb} or {@code json} column (and H2's {@code JSON}) without a cast. On MariaDB/MySQL and
 * SQLite it binds as text, which their JSON columns store. racefree does not parse it: the database
 * checks it. {@link Row#get(String, Class) row.get(column, Json.class)} reads a JSON column back.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the document, exactly as given
 */
public record Json(String text) {
  /**
   * A JSON document given as text; racefree does not parse it.
   *
   * @param text the document, not null
   */
  public Json {
    if (text == null) {
      throw new InvalidRequestException(ErrorDetails.of("Json.of", null), "the JSON text is null",
          "bind null itself for SQL NULL", null);
    }
  }

  /**
   * The document {@code text}, not parsed.
   *
   * @param text the JSON document, as text
   * @return the document {@code text}, not parsed
   */
  public static Json of(String text) {
    return new Json(text);
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Json json && text.equals(json.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text);
  }
}
