package io.racefree.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.lab.db.Engine;
import org.junit.jupiter.api.Test;

class DatabaseKindsTest {
  @Test
  void everyEngineIsRacefreesKindOfTheSameName() {
    for (Engine engine : Engine.values()) {
      assertThat(DatabaseKinds.of(engine).name()).isEqualTo(engine.name());
      assertThat(DatabaseKinds.of(engine).isMySqlFamily()).isEqualTo(engine.isMySqlFamily());
    }
  }
}
