package org.cmtkiosk.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor reads the week's journalled underruns and lost sound: gaps a listener heard. */
class DoctorSoundHistoryTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @TempDir
  Path dir;

  private Path journal(String... lines) throws Exception {
    return Files.writeString(dir.resolve("sessions.jsonl"), String.join("\n", lines) + "\n");
  }

  private static String end(String id, String start, String extra) {
    return "{\"record\":\"end\",\"session\":\"" + id + "\",\"source\":\"kiosk\",\"start\":\"" + start
        + "\",\"end\":\"" + start + "\",\"practices\":[],\"commands\":{}" + extra + "}";
  }

  @Test
  void aWeekWithoutUnderrunsIsOk() throws Exception {
    DoctorCommand.Check c = DoctorCommand.soundHistory(journal(end("a", "2026-11-29T10:00:00Z", "")), NOW);
    assertTrue(c.ok(), c.line());
    assertTrue(c.line().contains("0 underrun(s)"), c.line());
  }

  @Test
  void anUnderrunThisWeekIsAProblemWithTheFix() throws Exception {
    DoctorCommand.Check c = DoctorCommand.soundHistory(journal(end("a", "2026-11-29T10:00:00Z", ",\"underruns\":3"),
        end("b", "2026-11-29T11:00:00Z", "")), NOW);
    assertFalse(c.ok(), c.line());
    assertTrue(c.line().contains("3 underrun(s)") && c.line().contains("in 1 of 2 session(s)"), c.line());
    assertTrue(c.line().contains("audio.buffer"), c.line());
  }

  @Test
  void underrunsOlderThanAWeekAreNotCounted() throws Exception {
    DoctorCommand.Check c = DoctorCommand.soundHistory(journal(end("a", "2026-11-01T10:00:00Z", ",\"underruns\":9")),
        NOW);
    assertTrue(c.ok(), c.line());
  }
}
