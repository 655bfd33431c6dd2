package io.racefree.testing.db.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small edits of server JDBC URLs: add a parameter, point at another database. */
public final class JdbcUrls {
  private static final Pattern SERVER_URL = Pattern.compile("^(jdbc:[a-z0-9]+://[^/?]+)(/[^?]*)?(\\?.*)?$");

  private JdbcUrls() {}

  public static String withParameter(String url, String name, String value) {
    return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
  }

  /** {@code jdbc:mariadb://host:port/old?x=y} with database {@code name}: {@code jdbc:mariadb://host:port/name?x=y}. */
  public static String withDatabase(String url, String name) {
    Matcher parts = SERVER_URL.matcher(url);
    if (!parts.matches()) {
      throw new IllegalArgumentException("not a server JDBC URL (jdbc:<driver>://host[:port]/[db][?params]): " + url);
    }
    return parts.group(1) + "/" + name + (parts.group(3) == null ? "" : parts.group(3));
  }
}
