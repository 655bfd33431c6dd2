package io.racefree.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InterleavingTest {
  private static final Duration GENEROUS = Duration.ofSeconds(20);
  private static final Duration SHORT = Duration.ofMillis(300);

  @Test
  void phasesForceTheDeclaredOrder() {
    List<String> events = new CopyOnWriteArrayList<>();
    try (Interleaving race = Interleaving.create(GENEROUS)) {
      race.actor("T1", () -> {
        events.add("T1 read");
        race.reach("T1 read");
        race.await("T2 committed");
        events.add("T1 insert");
      });
      race.actor("T2", () -> {
        race.await("T1 read");
        events.add("T2 commit");
        race.reach("T2 committed");
      });
      race.run();
    }
    assertThat(events).containsExactly("T1 read", "T2 commit", "T1 insert");
  }

  @Test
  void runRethrowsTheFailureNamingTheActor() {
    try (Interleaving race = Interleaving.create(GENEROUS)) {
      race.actor("T1", () -> {
        throw new IOException("disk on fire");
      });
      race.actor("T2", () -> {});
      assertThatThrownBy(race::run)
          .isInstanceOf(ActorFailedException.class)
          .hasMessageContaining("actor T1 failed")
          .hasCauseInstanceOf(IOException.class)
          .satisfies(e -> assertThat(((ActorFailedException) e).actor()).isEqualTo("T1"));
    }
  }

  @Test
  void runCollectingReturnsValuesAndFailures() {
    try (Interleaving race = Interleaving.create(GENEROUS)) {
      race.actor("T1", () -> {
        race.await("T2 done");
        throw new IllegalStateException("duplicate key");
      });
      race.actor("T2", () -> {
        race.reach("T2 done");
        return 42;
      });
      Outcomes outcomes = race.runCollecting();
      assertThat(outcomes.of("T2").value()).isEqualTo(42);
      assertThat(outcomes.of("T1").failure()).hasMessage("duplicate key");
      assertThat(outcomes.of("T1").succeeded()).isFalse();
      assertThat(outcomes.firstFailure()).map(Outcome::actor).contains("T1");
      assertThatThrownBy(() -> outcomes.of("T2").failure()).hasMessageContaining("T2 succeeded");
      assertThatThrownBy(() -> outcomes.of("T3")).hasMessageContaining("no actor named 'T3'");
    }
  }

  @Test
  void aFailedActorReleasesThoseWaitingForItsPhases() {
    try (Interleaving race = Interleaving.create(GENEROUS)) {
      race.actor("T1", () -> {
        throw new IllegalStateException("boom");
      });
      race.actor("T2", () -> race.await("T1 read"));
      Outcomes outcomes = race.runCollecting();
      assertThat(outcomes.of("T2").failure())
          .isInstanceOf(PhaseNeverReachedException.class)
          .hasMessageContaining("'T1 read' will never be reached")
          .hasMessageContaining("actor T1 failed");
    }
  }

  @Test
  void timeoutListsEveryActorWithWhatItWaitsFor() {
    CountDownLatch neverOpened = new CountDownLatch(1);
    try (Interleaving race = Interleaving.create(SHORT)) {
      race.actor("T1", () -> {
        race.reach("T1 started");
        race.await("T2 committed");
      });
      race.actor("T2", () -> {});
      race.actor("T3", () -> {
        neverOpened.await();
      });
      assertThatThrownBy(race::run)
          .isInstanceOf(InterleavingTimeoutError.class)
          .hasMessageContaining("Phases reached so far: [T1 started]")
          .hasMessageContaining("T1 is waiting for phase 'T2 committed'")
          .hasMessageContaining("T2 has finished")
          .hasMessageContaining("T3 is running outside the kit")
          .hasMessageContaining("InterleavingTest.java")
          .hasMessageContaining("All actors ended after being interrupted");
    }
  }

  @Test
  void awaitOutsideARunTimesOutWithAClearError() {
    try (Interleaving race = Interleaving.create(SHORT)) {
      race.actor("T1", () -> {});
      assertThatThrownBy(() -> race.await("never"))
          .isInstanceOf(InterleavingTimeoutError.class)
          .hasMessageContaining("Phase 'never' was not reached");
    }
  }

  @Test
  void phasesAreOneShot() {
    try (Interleaving race = Interleaving.create(GENEROUS)) {
      race.reach("ready");
      race.await("ready");
      assertThatThrownBy(() -> race.reach("ready"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already reached");
    }
  }

  @Test
  void badDeclarationsFailClearly() {
    assertThatThrownBy(() -> Interleaving.create(Duration.ZERO)).hasMessageContaining("positive");
    try (Interleaving race = Interleaving.create(GENEROUS)) {
      assertThatThrownBy(race::run).hasMessageContaining("no actors");
      race.actor("T1", () -> {});
      assertThatThrownBy(() -> race.actor("T1", () -> {})).hasMessageContaining("duplicate actor");
      assertThatThrownBy(() -> race.actor(" ", () -> {})).hasMessageContaining("blank");
      race.run();
      assertThatThrownBy(race::run).hasMessageContaining("runs once");
    }
  }
}
