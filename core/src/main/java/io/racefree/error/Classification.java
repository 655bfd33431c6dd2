package io.racefree.error;

import java.sql.SQLException;

/**
 * The category of a failure and the exception in the chain that decided it (whose codes and message
 * describe the failure best). Immutable.
 */
record Classification(ErrorCategory category, SQLException source) {}
