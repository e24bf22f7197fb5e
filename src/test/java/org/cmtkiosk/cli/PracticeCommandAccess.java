package org.cmtkiosk.cli;

import java.io.PrintWriter;
import org.cmtkiosk.journal.JsonLinesJournal;
import org.cmtkiosk.journal.SessionRecord;

/** Lets tests in other packages use the commands' shared journal writing. */
public final class PracticeCommandAccess {
  private PracticeCommandAccess() {}

  public static String journal(JsonLinesJournal journal, SessionRecord record, PrintWriter err) {
    return PracticeCommand.journal(journal, record, err);
  }
}
