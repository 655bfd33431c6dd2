package io.racefree.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exception types fix their category: no public way to build a type with another category. */
class ExceptionHierarchyTest {
  private static final List<Class<? extends RacefreeException>> LEAVES = List.of(
      UniqueViolationException.class, ForeignKeyViolationException.class,
      NotNullViolationException.class, CheckViolationException.class,
      ConstraintViolationException.class, SerializationFailureException.class,
      DeadlockException.class, LockTimeoutException.class, LockNotAvailableException.class,
      StaleVersionException.class, QueryTimeoutException.class, ConnectionLostException.class,
      ConnectionUnavailableException.class, TransactionAbortedException.class,
      NotFoundException.class, TooManyRowsException.class, UnsupportedFeatureException.class,
      InvalidRequestException.class, TransactionStateException.class,
      ReleaseFailedException.class, UnrecognizedDatabaseException.class,
      CommitOutcomeUnknownException.class);

  @Test
  void theRootIsAbstractWithProtectedConstructorsOnly() {
    assertThat(Modifier.isAbstract(RacefreeException.class.getModifiers())).isTrue();
    for (Constructor<?> constructor : RacefreeException.class.getDeclaredConstructors()) {
      assertThat(Modifier.isProtected(constructor.getModifiers())).as(constructor.toString()).isTrue();
    }
  }

  @Test
  void noPublicConstructorTakesACategory() {
    for (Class<? extends RacefreeException> leaf : LEAVES) {
      for (Constructor<?> constructor : leaf.getConstructors()) {
        assertThat(Arrays.asList(constructor.getParameterTypes()))
            .as(constructor.toString())
            .doesNotContain(ErrorCategory.class);
      }
    }
  }

  @Test
  void everyCategoryHasALeafWhoseCategoryItIs() {
    for (ErrorCategory category : ErrorCategory.values()) {
      assertThat(LEAVES.stream().anyMatch(leaf -> categoryOf(leaf) == category))
          .as("a leaf for " + category).isTrue();
    }
  }

  @Test
  void anUnknownDriverErrorIsUnrecognized() {
    RacefreeException error = SqlErrorTranslator.translate(
        "test", "SELECT 1", new SQLException("something new", "XX999", 4242), null);

    assertThat(error).isExactlyInstanceOf(UnrecognizedDatabaseException.class);
    assertThat(error.category()).isEqualTo(ErrorCategory.OTHER);
    assertThat(error.isRetryable()).isFalse();
  }

  /** The category an instance of {@code leaf} reports, built through its first public constructor. */
  private static ErrorCategory categoryOf(Class<? extends RacefreeException> leaf) {
    Constructor<?> constructor = leaf.getConstructors()[0];
    Object[] arguments = Arrays.stream(constructor.getParameterTypes())
        .map(type -> type == ErrorDetails.class ? ErrorDetails.of("test", null) : null)
        .toArray();
    try {
      return ((RacefreeException) constructor.newInstance(arguments)).category();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(leaf + ": " + e, e);
    }
  }
}
