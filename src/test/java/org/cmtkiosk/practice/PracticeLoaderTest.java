package org.cmtkiosk.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.cmtkiosk.testing.Scripts;
import org.cmtkiosk.yaml.Problem;
import org.cmtkiosk.yaml.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PracticeLoaderTest {
  @TempDir
  Path dir;

  private static final String HEAD = Scripts.HEADER.formatted("broken", "broken");

  static Stream<Arguments> brokenScripts() {
    return Stream.of(
        Arguments.of("unknown step", HEAD + "  - say: Hello.\n  - pauze: 3s\n", 10, 5, "unknown step 'pauze'",
            "did you mean 'pause'? expected one of: say, pause, breathe, ask, chime"),
        Arguments.of("no words", HEAD + "  - say: \"...\"\n", 9, 10, "has no words to speak", "write a sentence"),
        Arguments.of("blank text", HEAD + "  - say: \"   \"\n", 9, 10, "'say' in step 1 (say) is empty",
            "write the words"),
        Arguments.of("negative duration", HEAD + "  - pause: -3s\n", 9, 12, "a negative time",
            "use a value from 500ms to 15m"),
        Arguments.of("absurd duration", HEAD + "  - pause: 3h\n", 9, 12, "outside the sensible range",
            "use a value from 500ms to 15m"),
        Arguments.of("not a duration", HEAD + "  - pause: soon\n", 9, 12, "'soon', not a duration",
            "write a duration such as 3s"),
        Arguments.of("duplicate key", HEAD.replace("duration: 2m\n", "duration: 2m\nduration: 3m\n")
            + "  - say: Hi.\n", 5, 1, "the key 'duration' appears twice", "line 4 has the other"),
        Arguments.of("unknown key", HEAD.replace("title:", "titel:") + "  - say: Hi.\n", 2, 1,
            "unknown key 'titel'", "did you mean 'title'?"),
        Arguments.of("tab indentation", HEAD + "\t- say: Hi.\n", 9, 1, "a tab is used for indentation",
            "indent with spaces"),
        Arguments.of("wrong type", HEAD + "  - say:\n      - one\n      - two\n", 10, 7,
            "should be a single text, not a list", "write the words to speak"),
        Arguments.of("steps not a list", HEAD + "  say: Hi.\n", 9, 3, "'steps' in the practice should be a list",
            "'- '"),
        Arguments.of("empty file", "", 1, 1, "the file is empty", "write the practice"),
        Arguments.of("comments only", "# nothing here\n", 1, 1, "holds only comments", "add the practice"),
        Arguments.of("not YAML", "id: [unclosed\ntitle: x\n", 2, 6, "not valid YAML", "check the indentation"),
        Arguments.of("plain text", "Just some words I typed.\n", 1, 1, "top level is not a set of 'key: value'",
            "start the file with keys"),
        Arguments.of("breath too fast", HEAD + "  - breathe:\n      start: {inhale: 0.2s, exhale: 3s}\n"
            + "      breaths: 4\n", 10, 23, "'inhale' in step 1 (breathe) start is 0.2s",
            "use a value from 1s to 10s"),
        Arguments.of("breathe without length", HEAD + "  - breathe:\n      start: {inhale: 3s, exhale: 3s}\n",
            10, 7, "does not say how long", "give either 'breaths: 12' or 'for: 3m'"),
        Arguments.of("breathe with both lengths", HEAD + "  - breathe:\n      start: {inhale: 3s, exhale: 3s}\n"
            + "      breaths: 4\n      for: 2m\n", 10, 7, "has both 'breaths' and 'for'", "not both"),
        Arguments.of("missing id", HEAD.replace("id: broken\n", "") + "  - say: Hi.\n", 1, 1,
            "the practice has no 'id'", "add 'id:'"),
        Arguments.of("id not matching file", HEAD.replace("id: broken", "id: other") + "  - say: Hi.\n", 1, 5,
            "differs from the file name 'broken'", "rename the file to other.yaml"),
        Arguments.of("bad intensity", HEAD.replace("gentle", "intense") + "  - say: Hi.\n", 6, 12,
            "'intensity' in the practice is 'intense'", "use one of: gentle, evocative"),
        Arguments.of("no steps", HEAD + "  []\n", 9, 3, "the practice has no steps", "add at least one"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenScripts")
  void eachBrokenScriptGetsOneMessageNamingFileLineColumnAndFix(String name, String text, int line, int column,
      String what, String fix) throws IOException {
    Path file = Scripts.write(dir, "broken.yaml", text);
    Problems problems = new Problems(file);

    assertTrue(PracticeLoader.load(file, problems).isEmpty(), "a broken script must not load");

    Problem p = problems.list().stream().filter(x -> x.what().contains(what)).findFirst()
        .orElseThrow(() -> new AssertionError("no problem mentioning \"" + what + "\" in " + problems.list()));
    assertEquals(file, p.file());
    assertEquals(line, p.line(), () -> "line of " + p);
    assertEquals(column, p.column(), () -> "column of " + p);
    assertTrue(p.fix().contains(fix), () -> "fix of " + p);
    assertTrue(p.toString().startsWith(file + ":" + line + ":" + column + ": "), p::toString);
    assertTrue(p.toString().contains(" — "), p::toString);
  }

  @Test
  void everyProblemOfAFileIsReportedNotJustTheFirst() {
    Path file = Scripts.write(dir, "broken.yaml", HEAD.replace("title:", "titel:")
        + "  - pauze: 3s\n  - pause: -1s\n  - say:\n");
    Problems problems = new Problems(file);
    PracticeLoader.load(file, problems);
    List<Integer> lines = problems.list().stream().map(Problem::line).toList();
    assertTrue(lines.containsAll(List.of(2, 9, 10, 11)), problems.list()::toString);
  }

  @Test
  void aCopiedScriptWithItsOldIdStillHasItsContentChecked() {
    Path file = Scripts.write(dir, "broken.yaml", HEAD.replace("id: broken", "id: other")
        + "  - say: You might pray in your own way.\n");
    Problems problems = new Problems(file);

    assertTrue(PracticeLoader.load(file, problems, new ContentRules(Duration.ofSeconds(90))).isEmpty());

    List<String> what = problems.list().stream().map(Problem::what).toList();
    assertTrue(what.stream().anyMatch(w -> w.contains("differs from the file name")), what::toString);
    assertTrue(what.stream().anyMatch(w -> w.contains("'pray'")), what::toString);
  }

  @Test
  void hugeFileIsRefusedBeforeParsing() throws IOException {
    Path file = dir.resolve("huge.yaml");
    Files.writeString(file, "# " + "x".repeat(300 * 1024) + "\n");
    Problems problems = new Problems(file);
    assertTrue(PracticeLoader.load(file, problems).isEmpty());
    assertTrue(problems.list().get(0).what().contains("far larger than any script"), problems.list()::toString);
  }

  @Test
  void binaryFileIsNamedAsNotText() throws IOException {
    Path file = dir.resolve("sound.yaml");
    Files.write(file, new byte[] {'R', 'I', 'F', 'F', (byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});
    Problems problems = new Problems(file);
    assertTrue(PracticeLoader.load(file, problems).isEmpty());
    assertTrue(problems.list().get(0).what().contains("not UTF-8 text"), problems.list()::toString);
  }

  @Test
  void validScriptLoadsWithEveryStepKind() {
    Practice p = Scripts.practice(dir, "all-steps", """
          - chime
          - say: |
              First sentence. Second sentence.

              A new paragraph.
          - pause: 1.5s
          - ask: How calm do you feel, from zero to ten?
            wait: 6s
          - breathe:
              start: {inhale: 3s, hold: 1s, exhale: 3s}
              target: {inhale: 5s, exhale: 5s}
              glide: 4
              for: 1m
              cues: 2
        """);
    assertEquals(5, p.steps().size());
    assertEquals(new Step.Pause(Duration.ofMillis(1500), 14), p.steps().get(2));
    Step.Ask ask = (Step.Ask) p.steps().get(3);
    assertEquals(Duration.ofSeconds(6), ask.answerTime());
    Step.Breathe b = (Step.Breathe) p.steps().get(4);
    assertEquals(Duration.ofSeconds(60), b.block().total());
    assertEquals(2, b.cueBreaths());
    assertTrue(p.usesPacer());
    assertEquals(12, p.version().length());
  }
}
