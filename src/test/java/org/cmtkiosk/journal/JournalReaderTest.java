package org.cmtkiosk.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderTest {
  private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir
  Path dir;

  private static byte[] line(String id) {
    return JournalLines.encode(Journals.record(id, Outcome.COMPLETED, T));
  }

  @Test
  void everyKindOfDamagedLineIsSkippedWithItsNumberAndTheRestStillReads() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(line("s1"));
    bytes.write("null\n".getBytes(StandardCharsets.US_ASCII));
    bytes.write(new byte[] {'{', '"', 's', (byte) 0xC3, '"', '}', '\n'});
    bytes.write("{\"session\":\"s3\",\"start\":\"2026-11-22T09:53:00Z\",\"pract\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("[1,2]\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"record\":\"checkpoint\",\"session\":\"x\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"record\":\"start\",\"session\":\"x\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[JournalReader.MAX_LINE_BYTES + 10]);
    bytes.write('\n');
    bytes.write("{\"session\":\"s9\"} trailing\n".getBytes(StandardCharsets.UTF_8));
    bytes.write(line("s2"));
    bytes.write("{\"session\":\"s4\",\"st".getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("sessions.jsonl");
    Files.write(file, bytes.toByteArray());
    List<String> problems = new ArrayList<>();

    List<RecordedSession> read = Journals.sessions(file, problems);

    assertEquals(List.of("s1", "s2"), Journals.ids(read));
    List<String> expected = List.of(
        ":2: not a session record (expected a JSON object, found null) — skipped",
        ":3: not valid UTF-8 text (a damaged byte) — skipped",
        ":4: not JSON (",
        ":6: not a session record (expected a JSON object, found array) — skipped",
        ":7: unknown record kind 'checkpoint' (written by a newer version?) — skipped",
        ":8: a start record without start — skipped",
        ":9: longer than 1024 KiB, so not a session record — skipped",
        ":10: not JSON (",
        ":12: cut short (a power cut or crash during a write, or a record being written right now) — skipped");
    assertEquals(expected.size(), problems.size(), problems::toString);
    for (int i = 0; i < expected.size(); i++) {
      String problem = problems.get(i);
      assertTrue(problem.startsWith(file + expected.get(i)), () -> problem);
    }
  }
}
