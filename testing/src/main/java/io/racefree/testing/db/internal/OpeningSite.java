package io.racefree.testing.db.internal;

import java.util.Arrays;

/** The first stack frame outside the kit and the JDK: where the test opened a connection. */
final class OpeningSite {
  private static final java.util.Set<String> KIT_CLASSES =
      java.util.Set.of("io.racefree.testing.db.TestDatabase", "io.racefree.testing.db.TestDatabases");

  private OpeningSite() {}

  static String find() {
    return Arrays.stream(new Throwable().getStackTrace())
        .filter(frame -> !isInfrastructure(frame.getClassName()))
        .findFirst().map(String::valueOf).orElse("(unknown)");
  }

  private static boolean isInfrastructure(String className) {
    return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
        || className.startsWith("com.sun.") || className.startsWith("io.racefree.testing.db.internal.")
        || KIT_CLASSES.contains(className.split("\\$", 2)[0]);
  }
}
