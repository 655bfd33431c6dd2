package io.racefree.spring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** Counts the connections taken from the pool. */
final class CountingDataSource extends DelegatingDataSource {
  private final AtomicInteger borrowed = new AtomicInteger();

  CountingDataSource(DataSource target) {
    super(target);
  }

  @Override
  public Connection getConnection() throws SQLException {
    borrowed.incrementAndGet();
    return super.getConnection();
  }

  int borrowed() {
    return borrowed.get();
  }
}
