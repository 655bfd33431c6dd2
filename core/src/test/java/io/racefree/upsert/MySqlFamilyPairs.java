package io.racefree.upsert;

import io.racefree.upsert.RealSchemaContract.EqualPair;
import java.util.List;

/** Values MariaDB's collations hold equal, for both MySQL-family drivers. */
final class MySqlFamilyPairs {
  static final List<EqualPair> PAIRS = List.of(
      new EqualPair("utf8mb4_general_ci accents", "VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
          "cafe", "café"),
      new EqualPair("utf8mb4_unicode_ci sharp s", "VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
          "strasse", "straße"),
      new EqualPair("latin1 case", "VARCHAR(40) CHARACTER SET latin1 COLLATE latin1_swedish_ci", "Java", "JAVA"),
      new EqualPair("PAD SPACE", "VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", "pad", "pad  "));

  private MySqlFamilyPairs() {}
}
