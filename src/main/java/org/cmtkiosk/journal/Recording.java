package org.cmtkiosk.journal;

import java.time.Instant;

/**
 * One session being recorded, from {@link Journal#begin}. Safe from any thread; no method throws. Each call that
 * writes a line does file I/O (an fsync), so call it outside locks that controls or audio wait on.
 */
public interface Recording {
  /** The random id shared by the session's start, event and end records. */
  String sessionId();

  Instant start();

  /** A practice began (an event line): if the session is cut off, reports say which practice was playing. */
  void practiceBegins(String practiceId, Instant at);

  /** The sound output was lost (an event line); the time until {@link #soundBack} is summed in the end record. */
  void soundLost(Instant at);

  /** The sound output is back (an event line). */
  void soundBack(Instant at);

  /** The sound card ran dry once; counted, and written in the end record as {@code underruns}. */
  void underrun();

  /**
   * Writes the end record: {@code record} with this session's id, start and source, the sound lost (until its end if
   * it never came back) and the underruns. Returns true if it is on disk; false if the journal could not be written
   * (said once in the log; a kiosk writes it later, when the disk allows).
   */
  boolean end(SessionRecord record);
}
