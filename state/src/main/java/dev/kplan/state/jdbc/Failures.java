package dev.kplan.state.jdbc;

import dev.kplan.state.StateException;
import java.sql.SQLException;

/** Turns what the driver says into a message for the user that names the database. */
final class Failures {
  // H2 error codes (org.h2.api.ErrorCode), named here so that the PostgreSQL path needs no H2 class.
  private static final int H2_FILE_CORRUPTED = 90030;
  private static final int H2_FILE_VERSION_ERROR = 90048;
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;
  private static final int H2_CONNECTION_BROKEN = 90067;

  private Failures() {}

  static StateException of(String where, String doing, Throwable failure) {
    SQLException sql = find(failure);
    String detail = rootMessage(failure);
    if (sql != null) {
      int code = sql.getErrorCode();
      String state = sql.getSQLState() == null ? "" : sql.getSQLState();
      if (code == H2_FILE_VERSION_ERROR) {
        return new StateException("The state database " + where + " is in a file format this kplan's H2 cannot read"
            + " (written by another kplan or H2 version, or not a state file), so kplan cannot " + doing
            + ". kplan left the file untouched. (" + detail + ")", failure);
      }
      if (code == H2_FILE_CORRUPTED) {
        return new StateException("The state database " + where + " is damaged or is not a kplan state file, so kplan"
            + " cannot " + doing + ". kplan left the file untouched; restore it from a backup or move it away. ("
            + detail + ")", failure);
      }
      if (code == H2_DATABASE_ALREADY_OPEN) {
        return new StateException("The state database " + where + " is open in another program that does not share it"
            + " (an H2 console or a tool without AUTO_SERVER=TRUE), so kplan cannot " + doing + ". (" + detail + ")",
            failure);
      }
      if (state.startsWith("28") || detail.contains("no password was provided")) {
        return new StateException("The state database " + where + " refused the credentials while trying to " + doing
            + ": " + detail + ". Give the password in PGPASSWORD, in a password file line (~/.pgpass or PGPASSFILE:"
            + " host:port:database:user:password) or as the URL's password parameter.", failure);
      }
      if (state.startsWith("08") || code == H2_CONNECTION_BROKEN) {
        return new StateException("Cannot reach the state database " + where + " to " + doing + ": " + detail, failure);
      }
      if (state.equals("3D000")) {
        return new StateException("The state database " + where + " does not exist, so kplan cannot " + doing
            + ": " + detail + ". Create it first (createdb), kplan creates only its tables.", failure);
      }
    }
    return new StateException("State database " + where + ": cannot " + doing + ": " + detail, failure);
  }

  private static SQLException find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return s;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    // H2 appends its own stack tag and SQL state in brackets; the user gains nothing from those.
    int bracket = message.indexOf(" [");
    return (bracket > 0 ? message.substring(0, bracket) : message).strip();
  }
}
