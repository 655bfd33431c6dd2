package io.racefree.spring;

import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Flushes the JPA EntityManagers bound to the current Spring transaction, when spring-orm and JPA
 * are on the classpath, so racefree's SQL sees the entity changes still pending in them.
 * Stateless. Not API.
 */
final class JpaFlush {
  private static final boolean JPA_PRESENT =
      ClassUtils.isPresent("org.springframework.orm.jpa.EntityManagerHolder", JpaFlush.class.getClassLoader())
          && ClassUtils.isPresent("jakarta.persistence.EntityManager", JpaFlush.class.getClassLoader());

  private JpaFlush() {}

  static void flushBoundEntityManagers() {
    if (JPA_PRESENT) {
      Bound.flush();
    }
  }

  /** Whether a JPA EntityManager takes part in the current Spring transaction. */
  static boolean entityManagerInTransaction() {
    return JPA_PRESENT && Bound.inTransaction();
  }

  /** Loaded only when JPA is present. */
  private static final class Bound {
    static boolean inTransaction() {
      return TransactionSynchronizationManager.getResourceMap().values().stream()
          .anyMatch(resource -> resource instanceof EntityManagerHolder holder
              && holder.isSynchronizedWithTransaction());
    }

    static void flush() {
      for (Object resource : TransactionSynchronizationManager.getResourceMap().values()) {
        if (resource instanceof EntityManagerHolder holder && holder.isSynchronizedWithTransaction()
            && holder.getEntityManager().isJoinedToTransaction()) {
          holder.getEntityManager().flush();
        }
      }
    }
  }
}
