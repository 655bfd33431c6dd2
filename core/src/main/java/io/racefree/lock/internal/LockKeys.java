package io.racefree.lock.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns a lock name into what each engine locks. Stable across JVMs and versions: the first 8
 * bytes of the SHA-256 of the UTF-8 name. Two different names can map to the same PostgreSQL key
 * (probability about n²/2⁶⁵ for n names); they then exclude each other, which is safe but slower.
 * Stateless and thread-safe. Not API.
 */
public final class LockKeys {
  /** MySQL's documented limit for GET_LOCK names (MariaDB accepts up to 192 bytes). */
  static final int MYSQL_MAX_NAME = 64;
  private static final String HASHED_PREFIX = "racefree:";

  private LockKeys() {}

  /** The bigint key for {@code pg_advisory_xact_lock} and {@code pg_advisory_lock}. */
  public static long postgresKey(String name) {
    return ByteBuffer.wrap(sha256(name)).getLong();
  }

  /**
   * The GET_LOCK name: the name itself when it has at most 64 characters, else {@code racefree:}
   * and the first 55 hex digits of its SHA-256.
   */
  public static String mySqlName(String name) {
    if (name.length() <= MYSQL_MAX_NAME) {
      return name;
    }
    String hex = HexFormat.of().formatHex(sha256(name));
    return HASHED_PREFIX + hex.substring(0, MYSQL_MAX_NAME - HASHED_PREFIX.length());
  }

  private static byte[] sha256(String name) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
