package io.racefree.lab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.racefree.lab.UsageException;
import io.racefree.lab.model.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes {@code results.json}, the raw record every report is rendered from.
 *
 * <p>Thread-safe: the mapper is configured once and never changed.
 */
public final class ResultsFile {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ResultsFile() {}

  public static String toJson(Results results) {
    try {
      return MAPPER.writeValueAsString(results);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("results could not be serialised", e);
    }
  }

  public static Results fromJson(String json) {
    try {
      return MAPPER.readValue(json, Results.class);
    } catch (JsonProcessingException e) {
      throw new UsageException("not a racefree results file: " + e.getOriginalMessage());
    }
  }

  public static void write(Results results, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toJson(results));
  }

  /** Reads a results file, turning a missing or malformed file into a one-line usage error. */
  public static Results read(Path file) {
    try {
      return fromJson(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new UsageException("no such results file: " + file);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
