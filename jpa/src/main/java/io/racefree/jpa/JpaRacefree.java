package io.racefree.jpa;

import io.racefree.Database;
import io.racefree.spi.ExternalTransaction;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.sql.Connection;
import java.util.Objects;
import org.hibernate.Session;

/**
 * racefree on the connection and transaction of a JPA {@link EntityManager} (Hibernate 6.6). Each
 * racefree call on the returned database first flushes the entity manager (when its transaction is
 * active), so racefree's SQL sees the entity changes still pending, then works on the entity
 * manager's JDBC connection: inside its transaction racefree's transaction is a savepoint, its
 * commit is the entity manager's, {@code onCommit} hooks run after that commit, and nothing is
 * retried there (retry the whole unit of work around the JPA transaction). Without an active
 * transaction racefree runs transactions of its own on that connection. Stateless and thread-safe; the database it returns
 * is used on the entity manager's thread, as the entity manager is.
 */
public final class JpaRacefree {
  private JpaRacefree() {}

  /**
   * {@code database} working inside {@code entityManager}'s transaction. Use it on the thread that
   * uses the entity manager, while the entity manager is open.
   *
   * @param database the database whose dialect and catalog are used
   * @param entityManager the entity manager whose transaction and connection racefree works in
   * @return a database that joins the entity manager's transaction
   */
  public static Database on(Database database, EntityManager entityManager) {
    Objects.requireNonNull(database, "database");
    Session session = Objects.requireNonNull(entityManager, "entityManager").unwrap(Session.class);
    return database.joining(() -> current(session));
  }

  private static ExternalTransaction current(Session session) {
    boolean active = session.getTransaction().isActive();
    if (active) {
      session.flush();
    }
    Connection connection = session.doReturningWork(c -> c);
    return new SessionTransaction(session, connection, active);
  }

  private static final class SessionTransaction implements ExternalTransaction {
    private final Session session;
    private final Connection connection;
    private final boolean active;

    SessionTransaction(Session session, Connection connection, boolean active) {
      this.session = session;
      this.connection = connection;
      this.active = active;
    }

    @Override
    public Connection connection() {
      return connection;
    }

    @Override
    public boolean afterCompletion(CompletionListener listener) {
      if (!active) {
        return false;
      }
      session.getTransaction().registerSynchronization(new Synchronization() {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
          listener.afterCompletion(status == Status.STATUS_COMMITTED);
        }
      });
      return true;
    }

    @Override
    public void release() {
      // Hibernate keeps the connection for the session (or its transaction)
    }
  }
}
