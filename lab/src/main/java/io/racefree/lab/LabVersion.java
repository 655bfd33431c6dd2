package io.racefree.lab;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The racefree version, from the properties file Maven filters at build time.
 *
 * <p>Thread-safe.
 */
public final class LabVersion implements CommandLine.IVersionProvider {
  /** The version string, or "unknown" when running from unfiltered classes. */
  public static String get() {
    try (InputStream in = LabVersion.class.getResourceAsStream("racefree-lab.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"racefree " + get()};
  }
}
