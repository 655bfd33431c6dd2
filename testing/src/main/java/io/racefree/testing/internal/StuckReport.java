package io.racefree.testing.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Describes, for a timeout message, where each actor of an interleaving is stuck. */
public final class StuckReport {
  private static final List<String> DATABASE_FRAMES =
      List.of(
          "org.postgresql.", "org.mariadb.", "com.mysql.", "org.sqlite.", "org.h2.",
          "java.net.", "sun.nio.ch.", "com.zaxxer.hikari.");
  private static final List<String> PLATFORM_FRAMES =
      List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "io.racefree.testing.internal.");
  private static final List<String> KIT_CLASSES =
      List.of("io.racefree.testing.Interleaving", "io.racefree.testing.BlockedSessions");
  private static final int STACK_TOP_FRAMES = 3;

  private StuckReport() {}

  public static String describe(
      String headline, Duration timeout, Collection<Actor> actors, List<String> reachedPhases) {
    StringBuilder message = new StringBuilder(headline)
        .append(" (timeout ").append(timeout).append("). Phases reached so far: ")
        .append(reachedPhases).append(". Actors:");
    for (Actor actor : actors) {
      message.append("\n  ").append(describe(actor));
    }
    return message.toString();
  }

  static String describe(Actor actor) {
    Thread thread = actor.thread();
    if (thread == null) {
      return actor.name() + " was never started";
    }
    if (actor.finished() || !thread.isAlive()) {
      return actor.name() + " has finished";
    }
    StackTraceElement[] stack = thread.getStackTrace();
    return actor.name() + " " + situation(actor, stack) + " (thread state " + thread.getState()
        + ")\n      stack top: " + stackTop(stack) + "\n      in test code: " + userFrame(stack);
  }

  private static String situation(Actor actor, StackTraceElement[] stack) {
    String waitingFor = actor.waitingFor();
    if (waitingFor != null) {
      return "is waiting for " + waitingFor;
    }
    if (Arrays.stream(stack).anyMatch(StuckReport::isDatabaseFrame)) {
      return "is blocked in the database (probably on a lock it will never get)";
    }
    return "is running outside the kit (not waiting for a phase)";
  }

  private static boolean isDatabaseFrame(StackTraceElement frame) {
    return DATABASE_FRAMES.stream().anyMatch(frame.getClassName()::startsWith);
  }

  private static boolean isPlatformOrKitFrame(String className) {
    String outerClass = className.split("\\$", 2)[0];
    return PLATFORM_FRAMES.stream().anyMatch(className::startsWith) || KIT_CLASSES.contains(outerClass);
  }

  private static String stackTop(StackTraceElement[] stack) {
    return Arrays.stream(stack).limit(STACK_TOP_FRAMES).map(String::valueOf)
        .collect(Collectors.joining(" <- "));
  }

  private static String userFrame(StackTraceElement[] stack) {
    return Arrays.stream(stack)
        .filter(frame -> !isPlatformOrKitFrame(frame.getClassName()) && !isDatabaseFrame(frame))
        .findFirst().map(String::valueOf).orElse("(none)");
  }
}
