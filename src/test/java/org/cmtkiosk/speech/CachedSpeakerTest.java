package org.cmtkiosk.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.testing.FakeSpeaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedSpeakerTest {
  @TempDir
  Path dir;

  private final FakeSpeaker voice = new FakeSpeaker();
  private final AtomicInteger started = new AtomicInteger();

  private CachedSpeaker speaker(SpeechCache cache) {
    return new CachedSpeaker(cache, () -> {
      started.incrementAndGet();
      return voice;
    });
  }

  @Test
  void cachedSentenceIsNotSynthesisedAgainEvenByANewProcess() throws Exception {
    SpeechCache cache = new SpeechCache(dir, "style-a");
    Pcm first = speaker(cache).speak("Breathe gently.");

    CachedSpeaker restarted = speaker(new SpeechCache(dir, "style-a"));
    Pcm again = restarted.speak("Breathe gently.");

    assertEquals(1, voice.spoken().size(), "synthesised once");
    assertEquals(1, restarted.hits());
    assertEquals(0, restarted.misses());
    assertEquals(1, started.get(), "the synthesiser was not even started the second time");
    assertEquals(first.length(), again.length());
    assertArrayEquals(first.samples(), again.samples(), 1f / 32768);
  }

  @Test
  void aDifferentVoiceOrProsodyIsADifferentEntry() throws Exception {
    speaker(new SpeechCache(dir, "style-a")).speak("Hello.");
    speaker(new SpeechCache(dir, "style-b")).speak("Hello.");
    assertEquals(2, voice.spoken().size());
  }

  @Test
  void aDamagedEntryIsSynthesisedAgain() throws Exception {
    SpeechCache cache = new SpeechCache(dir, "style-a");
    speaker(cache).speak("Hello.");
    Files.writeString(cache.fileOf("Hello."), "not audio");

    Pcm pcm = speaker(cache).speak("Hello.");

    assertEquals(2, voice.spoken().size());
    assertTrue(pcm.length() > 0);
    assertTrue(cache.lengthOf("Hello.").isPresent(), "the entry was rewritten");
  }

  @Test
  void anUnwritableCacheStillSpeaks() throws Exception {
    Path blocked = dir.resolve("blocked");
    Files.writeString(blocked, "a file where the cache folder should be");
    CachedSpeaker s = speaker(new SpeechCache(blocked, "style-a"));

    assertTrue(s.speak("Still here.").length() > 0);
    assertTrue(s.speak("Still here.").length() > 0);
    assertEquals(2, voice.spoken().size());
  }

  @Test
  void lengthOfACachedSentenceIsReadFromItsFile() throws Exception {
    SpeechCache cache = new SpeechCache(dir, "style-a");
    Pcm pcm = speaker(cache).speak("Measure me.");
    assertEquals(pcm.duration(), cache.lengthOf("Measure me.").orElseThrow());
  }
}
