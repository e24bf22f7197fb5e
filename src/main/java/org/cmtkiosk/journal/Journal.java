package org.cmtkiosk.journal;

import java.io.IOException;

/** Where finished sessions are recorded. */
public interface Journal {
  /** Appends one record durably (flushed to disk before returning). */
  void append(SessionRecord record) throws IOException;
}
