package io.racefree;

/**
 * One connection in auto-commit mode, handed to a {@link SessionCallback} by {@link
 * Database#withSession}: every statement commits on its own. Use it for work that spans
 * transactions, such as a session-scoped named lock.
 *
 * <p>Not thread-safe: use it only on the thread running the callback, and not after it returns.
 */
public interface Session extends Handle {}
