package io.racefree.lab.report;

import io.racefree.lab.model.DatabaseInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the markdown report names the databases of a results file: by product ("PostgreSQL"), or
 * by label where two share a product (a variant such as {@code mariadb-si}), in the results'
 * order.
 *
 * <p>Immutable and thread-safe.
 */
record DatabaseNames(List<DatabaseInfo> databases) {
  private static final Pattern VERSION = Pattern.compile("^[0-9]+(\\.[0-9]+)*");

  DatabaseNames {
    databases = List.copyOf(databases);
  }

  List<String> labels() {
    return databases.stream().map(DatabaseInfo::label).toList();
  }

  /** "PostgreSQL", or the label for a database the results do not describe. */
  String name(String label) {
    return databases.stream().filter(db -> db.label().equals(label)).findFirst()
        .map(db -> productIsShared(db) || db.product() == null ? db.label() : db.product())
        .orElse(label);
  }

  /** "PostgreSQL 15.20, MariaDB 10.11.19 and H2 2.5.252". */
  String withVersions() {
    List<String> names = new ArrayList<>();
    for (DatabaseInfo db : databases) {
      String settings = db.sessionSettings() == null ? "" : " (" + db.sessionSettings() + ")";
      names.add(name(db.label()) + " " + shortVersion(db.productVersion()) + settings);
    }
    return inWords(names);
  }

  static String inWords(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", "))
        + " and " + items.get(items.size() - 1);
  }

  /** "10.11.19" of "10.11.19-MariaDB-0+deb12u1", "15.20" of "15.20 (Debian ...)". */
  static String shortVersion(String productVersion) {
    if (productVersion == null) {
      return "";
    }
    Matcher matcher = VERSION.matcher(productVersion);
    return matcher.find() ? matcher.group() : productVersion;
  }

  private boolean productIsShared(DatabaseInfo db) {
    return databases.stream().filter(other -> other.product() != null
        && other.product().equals(db.product())).count() > 1;
  }
}
