package org.cmtkiosk.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {
  @Test
  void splitsParagraphsAndSentencesAndTidiesLineBreaks() {
    String text = "Welcome. This is a\nshort practice!\n\nIs it? Yes.\n";
    assertEquals(List.of(List.of("Welcome.", "This is a short practice!"), List.of("Is it?", "Yes.")),
        Sentences.paragraphs(text));
  }

  @Test
  void countsWords() {
    assertEquals(6, Sentences.words(" Let the ground take  your weight."));
  }
}
