package org.cmtkiosk.practice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoundAlikeTest {
  @ParameterizedTest
  @CsvSource({
      "self compassion, compassionate self",
      "safe place, safe places",
      "body scan, bodies can",
      "three circles, free circles",
      "self compassion, shelf compassion",
      "short safe place, safe place short",
      "listening, listning"})
  void namesEasilyMistakenByEarAreAlike(String a, String b) {
    assertTrue(SoundAlike.alike(a, b));
    assertTrue(SoundAlike.alike(b, a));
  }

  @ParameterizedTest
  @CsvSource({
      "breathing, short breathing",
      "compassionate self, compassionate other",
      "compassionate color, compassionate letter",
      "compassionate letter, compassionate other",
      "compassionate self, multiple selves",
      "receiving compassion, compassion for others",
      "compassionate other, compassion for others",
      "kindness to myself, compassionate self",
      "grounding, welcome",
      "body scan, breathing"})
  void namesThatSoundDifferentAreNot(String a, String b) {
    assertFalse(SoundAlike.alike(a, b));
    assertFalse(SoundAlike.alike(b, a));
  }
}
